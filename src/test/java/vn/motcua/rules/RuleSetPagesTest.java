package vn.motcua.rules;

import vn.motcua.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators prepare the next rule set on its page; a bad one is explained and not saved. */
@IntegrationTest
class RuleSetPagesTest {
    @Autowired MockMvc mvc;
    @Autowired RuleSetService ruleSets;

    MockHttpServletRequestBuilder form(String code, String from, String pattern) {
        return form(code, from, pattern, null);
    }

    MockHttpServletRequestBuilder form(String code, String from, String pattern, String stopTemplate) {
        MockHttpServletRequestBuilder b = post("/quan-tri/quy-tac").with(TestLogins.admin()).with(csrf())
                .param("code", code).param("name", "Quy tắc " + code).param("effectiveFrom", from)
                .param("mechanismBasis", "Nghị định số 118/2025/NĐ-CP").param("formsBasis", "Thông tư số 03/2025/TT-VPCP")
                .param("codePattern", pattern).param("cutoff", "15:30").param("specialistSupplementDays", "3")
                .param("supplementClock", "RESTART").param("secondSupplementApproval", "true").param("maxExtensions", "1");
        LegalRuleSet current = ruleSets.inForceOn(LocalDate.now());
        for (LegalForm f : current.forms()) {
            String template = f.kind() == FormKind.STOP && stopTemplate != null ? stopTemplate : f.template();
            b.param("number-" + f.kind(), f.number()).param("title-" + f.kind(), f.title()).param("template-" + f.kind(), template);
        }
        return b;
    }

    @Test
    void aNewRuleSetIsSavedForALaterDateAndABadOneIsExplained() throws Exception {
        mvc.perform(get("/quan-tri/quy-tac").with(TestLogins.admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("ND118-2025"))).andExpect(content().string(containsString("Thông tư số 01/2018/TT-VPCP")));
        mvc.perform(get("/quan-tri/quy-tac").with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isForbidden());
        int before = ruleSets.all().size();
        mvc.perform(form("BAD", "2020-01-01", "{yyMMdd}")).andExpect(status().isOk())
                .andExpect(content().string(containsString("sau hôm nay"))).andExpect(content().string(containsString("số thứ tự")));
        mvc.perform(form("BAD", "2031-01-01", "{yyMMdd}-{stt:4}", "khong/co-mau")).andExpect(status().isOk())
                .andExpect(content().string(containsString("không tìm thấy mẫu in")));
        assertThat(ruleSets.all()).hasSize(before);
        mvc.perform(form("TEST-2031", "2031-01-01", "{ma-dinh-danh}-{yyMMdd}-{stt:5}")).andExpect(status().is3xxRedirection());
        LegalRuleSet saved = ruleSets.inForceOn(LocalDate.of(2031, 6, 1));
        assertThat(saved.code()).isEqualTo("TEST-2031");
        assertThat(saved.cutoff()).hasToString("15:30");
        assertThat(saved.forms()).hasSize(7);
    }
}
