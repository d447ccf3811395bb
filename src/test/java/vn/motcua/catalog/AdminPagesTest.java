package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.motcua.IntegrationTest;
import vn.motcua.organization.AgencyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The control officers' pages, posted as a browser would (multipart form, CSRF token). */
@IntegrationTest
class AdminPagesTest {
    @Autowired MockMvc mvc;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;

    MockMultipartHttpServletRequestBuilder form(String url, String code, String hours) {
        return form(url, code, hours, "to-khai.pdf", "%PDF-1.4 mẫu".getBytes());
    }

    MockMultipartHttpServletRequestBuilder form(String url, String code, String hours, String fileName, byte[] file) {
        MockMultipartHttpServletRequestBuilder b = multipart(url);
        b.file(new MockMultipartFile("components[0].formFile", fileName, "application/octet-stream", file));
        b.param("code", code).param("name", "Cấp giấy phép khai thác nước mặt " + code)
                .param("fieldId", String.valueOf(catalog.fields().stream().filter(f -> f.code().equals("MT")).findFirst().orElseThrow().id()))
                .param("level", "PROVINCE").param("agencyId", String.valueOf(agencies.findByCode("AG.SNNMT").orElseThrow().id()))
                .param("implementingAgency", "Sở Nông nghiệp và Môi trường").param("byCounter", "true").param("_byCounter", "on")
                .param("_byOnline", "on").param("_byPost", "on").param("onlineLevel", "NONE").param("timeLimitDays", "2")
                .param("steps", "Bước 1; Bước 2").param("subjects", "Tổ chức").param("resultType", "Giấy phép").param("legalBasis", "Luật Tài nguyên nước 2023")
                .param("components[0].name", "Đơn đề nghị").param("components[0].originals", "1").param("components[0].copies", "0")
                .param("components[0].required", "true")
                .param("components[1].name", "").param("components[1].originals", "1")
                .param("fees[0].kind", "FEE").param("fees[0].description", "Phí thẩm định").param("fees[0].amountVnd", "300000")
                .param("process[0].variant", "STANDARD").param("process[0].name", "Tiếp nhận").param("process[0].responsible", "Trung tâm PVHCC")
                .param("process[0].role", "RECEIVING_OFFICER").param("process[0].durationHours", hours)
                .param("process[1].variant", "STANDARD").param("process[1].name", "Thẩm định").param("process[1].responsible", "Phòng TN nước")
                .param("process[1].role", "PROCESSING_OFFICER").param("process[1].durationHours", "8");
        b.with(httpBasic("kiemsoat", "MotCua@2026")).with(csrf());
        return b;
    }

    @Test
    void createEditPublishThroughThePages() throws Exception {
        // too long for a 2-day limit: a clear message, nothing saved, the form keeps what was typed
        mvc.perform(form("/quan-tri/thu-tuc/moi", "1.088001", "12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("vượt thời hạn giải quyết")))
                .andExpect(content().string(containsString("Cấp giấy phép khai thác nước mặt 1.088001")));
        assertThat(catalog.search(new SearchQuery("1.088001", null, null, null, null), 1, 5).total()).isZero();
        String location = mvc.perform(form("/quan-tri/thu-tuc/moi", "1.088001", "4")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/quan-tri/thu-tuc/du-thao/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ProcedureVersion draft = catalog.version(id);
        assertThat(draft.components()).singleElement().satisfies(c -> assertThat(c.formName()).isEqualTo("to-khai.pdf"));
        assertThat(draft.processHours(ProcessVariant.STANDARD)).isEqualByComparingTo("12");
        mvc.perform(get(location).with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("to-khai.pdf")));
        // a number field with letters is reported, not a server error
        mvc.perform(form(location, "1.088001", "bốn")).andExpect(status().isOk())
                .andExpect(content().string(containsString("không hợp lệ")));
        // publish with a bad decision number, then a good one
        mvc.perform(post(location + "/cong-bo").with(httpBasic("kiemsoat", "MotCua@2026")).with(csrf())
                        .param("rowVersion", String.valueOf(draft.rowVersion())).param("action", "NEW").param("number", "abc")
                        .param("title", "Công bố").param("issuerAgencyId", String.valueOf(agencies.findByCode("AG").orElseThrow().id()))
                        .param("signedOn", "2026-11-20").param("effectiveOn", "2026-11-21"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1234/QĐ-UBND")));
        mvc.perform(post(location + "/cong-bo").with(httpBasic("kiemsoat", "MotCua@2026")).with(csrf())
                        .param("rowVersion", String.valueOf(draft.rowVersion())).param("action", "NEW").param("number", "3301/QĐ-UBND")
                        .param("title", "Công bố").param("issuerAgencyId", String.valueOf(agencies.findByCode("AG").orElseThrow().id()))
                        .param("signedOn", "2026-11-20").param("effectiveOn", "2026-11-21"))
                .andExpect(status().is3xxRedirection());
        ProcedureVersion published = catalog.current("1.088001");
        assertThat(published.decisionNumber()).isEqualTo("3301/QĐ-UBND");
        assertThat(published.fees()).singleElement().satisfies(f -> assertThat(f.amountVnd()).isEqualTo(300000));
        // the published version cannot be edited any more
        mvc.perform(get(location).with(httpBasic("kiemsoat", "MotCua@2026"))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("đã được công bố")));
    }

    @Test
    void wrongFileTypeForAFormIsRefused() throws Exception {
        MockMultipartHttpServletRequestBuilder b = form("/quan-tri/thu-tuc/moi", "1.088005", "4", "virus.exe", new byte[]{1, 2, 3});
        mvc.perform(b).andExpect(status().isOk()).andExpect(content().string(containsString("chỉ nhận PDF")));
        assertThat(catalog.search(new SearchQuery("1.088005", null, null, null, null), 1, 5).total()).isZero();
    }
}
