package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.TestLogins;
import vn.motcua.calendar.Adjustment;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.organization.AgencyService;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditChainTest {
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired WorkingCalendarService calendars;
    @Autowired AgencyService agencies;

    @Test
    void changesLoginsAndReadsAreRecordedWithWhoWhereAndWhat() throws Exception {
        calendars.add(new Adjustment(LocalDate.of(2033, 3, 3), DayKind.DAY_OFF, "Quyết định thử nhật ký"), "quantri");
        assertThat(audit.search(null, "calendar.decision-added", "calendar-day", "2033-03-03", 5)).hasSize(1);
        mvc.perform(loginFrom("thanhtra", "sai-mat-khau-nhe", "10.77.0.1"));
        AuditEntry failed = audit.search("thanhtra", "login.failed", null, null, 1).get(0);
        assertThat(failed.address()).isEqualTo("10.77.0.1");
        mvc.perform(formLogin("/dang-nhap").user("thanhtra").password(TestLogins.PASSWORD));
        assertThat(audit.search("thanhtra", "login.succeeded", null, null, 1)).hasSize(1);
        // a rolled-back change leaves no entry
        long before = audit.count();
        try {
            agencies.updateDetails(agencies.findByCode("AG.STP").orElseThrow().id(), -1, null, null, null, null);
        } catch (RuntimeException expected) {
            // stale row version
        }
        assertThat(audit.count()).isEqualTo(before);
    }

    @Test
    void changingOneStoredEntryIsFoundAndNamed() throws Exception {
        audit.record("test.entry", "test", 1, null, java.util.Map.of("value", "a"));
        audit.record("test.entry", "test", 2, null, java.util.Map.of("value", "b"));
        assertThat(audit.verify().intact()).isTrue();
        long seq = audit.search(null, "test.entry", "test", "1", 1).get(0).seq();
        String original = jdbc.sql("select after_state from audit_entry where seq = ?").param(seq).query(String.class).single();
        jdbc.sql("update audit_entry set after_state = ? where seq = ?").params("{\"value\":\"forged\"}", seq).update();
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("số " + seq);
            mvc.perform(post("/kiem-tra/nhat-ky/xac-minh").with(httpBasic("thanhtra", TestLogins.PASSWORD)).with(csrf()))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Chuỗi bị phá vỡ tại mục số "
                            + java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi")).format(seq))));
        } finally {
            jdbc.sql("update audit_entry set after_state = ? where seq = ?").params(original, seq).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void removingTheLastEntriesIsFoundToo() {
        audit.record("test.tail", "test", 3, null, null);
        AuditEntry last = audit.search(null, "test.tail", null, null, 1).get(0);
        jdbc.sql("delete from audit_entry where seq = ?").param(last.seq()).update();
        try {
            assertThat(audit.verify().intact()).isFalse();
        } finally {
            jdbc.sql("insert into audit_entry (seq, at, actor, address, action, subject_type, subject_id, before_state, after_state, previous_hash, hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(last.seq(), last.at(), last.actor(), last.address(), last.action(), last.subjectType(), last.subjectId(), last.before(),
                            last.after(), last.previousHash(), last.hash()).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theAuditorPageShowsTheLogAndNoOneElseSeesIt() throws Exception {
        mvc.perform(get("/kiem-tra/nhat-ky").with(httpBasic("thanhtra", TestLogins.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("audit-entries")));
        mvc.perform(get("/kiem-tra/nhat-ky").with(httpBasic("kiemsoat", TestLogins.PASSWORD))).andExpect(status().isForbidden());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(String user, String password, String address) {
        return post("/dang-nhap").with(csrf()).param("username", user).param("password", password).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
