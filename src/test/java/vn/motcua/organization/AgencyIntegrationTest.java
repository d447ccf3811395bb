package vn.motcua.organization;

import vn.motcua.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AgencyIntegrationTest {
    @Autowired AgencyService agencies;
    @Autowired MockMvc mvc;

    long id(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    @Test
    void theTreeChangedOnTheFirstOfJuly2025() {
        List<Agency> before = agencies.activeOn(LocalDate.of(2025, 6, 30));
        List<Agency> after = agencies.activeOn(LocalDate.of(2025, 7, 1));
        assertThat(before).extracting(Agency::code).contains("AG.LX", "AG.LX.MB", "KG", "KG.RG").doesNotContain("AG.P.LX");
        assertThat(after).extracting(Agency::code).contains("AG.P.LX", "AG.P.LX.BPMC").doesNotContain("AG.LX", "AG.LX.MB", "KG");
        assertThat(agencies.tree(LocalDate.of(2025, 7, 1))).extracting(n -> n.agency().code()).containsExactly("AG");
        assertThat(agencies.tree(LocalDate.of(2025, 6, 30))).extracting(n -> n.agency().code()).containsExactlyInAnyOrder("AG", "KG");
    }

    @Test
    void mergedUnitsKeepHistoryAndPointToTheirSuccessor() {
        Agency mb = agencies.get(id("AG.LX.MB"));
        assertThat(mb.validUntil()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(mb.successorId()).isEqualTo(id("AG.P.LX"));
        assertThat(agencies.successorOn(mb.id(), LocalDate.of(2026, 1, 1))).get().extracting(Agency::code).isEqualTo("AG.P.LX");
        assertThat(agencies.successorOn(id("KG.STP"), LocalDate.of(2026, 1, 1))).get().extracting(Agency::code).isEqualTo("AG.STP");
        assertThat(agencies.history(id("AG.LX.MB"))).singleElement().satisfies(h -> {
            assertThat(h.parentName()).isEqualTo("Ủy ban nhân dân thành phố Long Xuyên");
            assertThat(h.validUntil()).isEqualTo(LocalDate.of(2025, 7, 1));
        });
        assertThat(agencies.isWithin(id("AG.P.LX.BPMC"), id("AG"))).isTrue();
    }

    @Test
    void invalidMergesChangeNothing() {
        LocalDate on = LocalDate.of(2026, 12, 1);
        assertThatThrownBy(() -> agencies.merge(new MergeRequest(List.of(id("AG.LX.MB")), id("AG.P.LX"), on, "NQ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không hoạt động");
        assertThatThrownBy(() -> agencies.merge(new MergeRequest(List.of(id("AG")), id("AG.STP"), on, "NQ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trực thuộc");
        assertThatThrownBy(() -> agencies.merge(new MergeRequest(List.of(id("AG.STP")), id("AG.STP"), on, "NQ")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> agencies.merge(new MergeRequest(List.of(), null, null, "")))
                .isInstanceOf(ValidationException.class);
        assertThat(agencies.get(id("AG.STP")).validUntil()).isNull();
    }

    @Test
    void mergeMovesChildrenToTheTarget() {
        Agency a = agencies.create(new NewAgency("T.SOA", "Sở thử nghiệm A", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1)));
        Agency child = agencies.create(new NewAgency("T.SOA.P1", "Phòng 1 của Sở A", null, AgencyType.DIVISION, a.id(), LocalDate.of(2026, 1, 1)));
        Agency b = agencies.create(new NewAgency("T.SOB", "Sở thử nghiệm B", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1)));
        agencies.merge(new MergeRequest(List.of(a.id()), b.id(), LocalDate.of(2026, 6, 1), "Quyết định 99/QĐ-UBND"));
        assertThat(agencies.isWithin(child.id(), b.id())).isTrue();
        assertThat(agencies.history(child.id())).extracting(AgencyHistoryEntry::parentId).containsExactly(a.id(), b.id());
        assertThat(agencies.tree(LocalDate.of(2026, 3, 1)).get(0).children()).extracting(n -> n.agency().code()).contains("T.SOA");
    }

    @Test
    void badUnitsAreRefused() {
        assertThatThrownBy(() -> agencies.create(new NewAgency("ag.stp", "Trùng mã", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1))))
                .hasMessageContaining("đã được sử dụng");
        assertThatThrownBy(() -> agencies.create(new NewAgency("T.X", "Dưới đơn vị đã giải thể", null, AgencyType.DIVISION, id("AG.LX"), LocalDate.of(2026, 1, 1))))
                .hasMessageContaining("không còn hoạt động");
        assertThatThrownBy(() -> agencies.create(new NewAgency("mã có dấu", "", null, null, null, null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void pagesAndApi() throws Exception {
        mvc.perform(get("/quan-tri/don-vi").param("ngay", "2025-01-01").with(TestLogins.admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ủy ban nhân dân thành phố Long Xuyên")));
        mvc.perform(post("/quan-tri/don-vi/sap-nhap").with(TestLogins.admin()).with(csrf())
                        .param("targetId", String.valueOf(id("AG"))).param("effectiveOn", "2026-12-01").param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Chưa chọn đơn vị bị sáp nhập")));
        mvc.perform(get("/api/v1/agencies/tree").param("date", "2025-01-01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/agencies/999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Không tìm thấy"));
    }

    @Test
    void identifierCodesAreCheckedAndMergingSaysItWasDone() throws Exception {
        Agency unit = agencies.create(new NewAgency("T.ID", "Đơn vị thử mã định danh", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1)));
        assertThatThrownBy(() -> agencies.updateDetails(unit.id(), agencies.rowVersion(unit.id()), "không hợp lệ", null, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("000.00.12.H55");
        String taken = agencies.findByCode("AG.STP").orElseThrow().identifierCode();
        assertThatThrownBy(() -> agencies.updateDetails(unit.id(), agencies.rowVersion(unit.id()), taken, null, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("đã được gán");
        assertThat(agencies.updateDetails(unit.id(), agencies.rowVersion(unit.id()), "000.00.99.H01", "Long Xuyên", "0296 3811 000", "t@angiang.gov.vn").identifierCode())
                .isEqualTo("000.00.99.H01");
        Agency other = agencies.create(new NewAgency("T.ID2", "Đơn vị thử sáp nhập", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1)));
        mvc.perform(post("/quan-tri/don-vi/sap-nhap").with(TestLogins.admin()).with(csrf())
                        .param("sourceIds", String.valueOf(other.id())).param("targetId", String.valueOf(unit.id()))
                        .param("effectiveOn", "2026-06-01").param("reason", "Quyết định số 1/QĐ-UBND"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("saved", "Đã sáp nhập 1 đơn vị."));
        mvc.perform(get("/quan-tri/don-vi").with(TestLogins.admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("000.00.99.H01")));
    }

    @Test
    void unitDetailsAreEditedAsTheAdministratorSawThem() throws Exception {
        Agency unit = agencies.create(new NewAgency("T.LH", "Đơn vị thử thông tin liên hệ", null, AgencyType.DEPARTMENT, id("AG"), LocalDate.of(2026, 1, 1)));
        agencies.updateDetails(unit.id(), agencies.rowVersion(unit.id()), "000.00.98.H01", "Số 1 Lê Lợi, Long Xuyên", "0296 3811 001", "lh@angiang.gov.vn");
        long seen = agencies.rowVersion(unit.id());
        // the edit form shows what is stored, so saving a new identifier code keeps the contact details
        mvc.perform(get("/quan-tri/don-vi").param("sua", String.valueOf(unit.id())).with(TestLogins.admin()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Số 1 Lê Lợi, Long Xuyên\"")))
                .andExpect(content().string(containsString("name=\"rowVersion\" value=\"" + seen + "\"")));
        mvc.perform(post("/quan-tri/don-vi/thong-tin").with(TestLogins.admin()).with(csrf())
                        .param("agencyId", String.valueOf(unit.id())).param("rowVersion", String.valueOf(seen)).param("identifierCode", "000.00.97.H01")
                        .param("address", "Số 1 Lê Lợi, Long Xuyên").param("phone", "0296 3811 001").param("email", "lh@angiang.gov.vn"))
                .andExpect(status().is3xxRedirection());
        Agency saved = agencies.get(unit.id());
        assertThat(saved.identifierCode()).isEqualTo("000.00.97.H01");
        assertThat(saved.address()).isEqualTo("Số 1 Lê Lợi, Long Xuyên");
        // a second administrator who opened the form before that save is told, and nothing of theirs is saved
        mvc.perform(post("/quan-tri/don-vi/thong-tin").with(TestLogins.admin()).with(csrf())
                        .param("agencyId", String.valueOf(unit.id())).param("rowVersion", String.valueOf(seen)).param("identifierCode", "000.00.96.H01")
                        .param("address", "").param("phone", "").param("email", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("người khác thay đổi")))
                .andExpect(content().string(containsString("000.00.97.H01")));
        assertThat(agencies.get(unit.id()).identifierCode()).isEqualTo("000.00.97.H01");
        assertThat(agencies.get(unit.id()).address()).isEqualTo("Số 1 Lê Lợi, Long Xuyên");
        // bad input is shown on the form with what was typed; nothing is saved
        mvc.perform(post("/quan-tri/don-vi/thong-tin").with(TestLogins.admin()).with(csrf())
                        .param("agencyId", String.valueOf(unit.id())).param("rowVersion", String.valueOf(agencies.rowVersion(unit.id())))
                        .param("identifierCode", "sai mã").param("address", "Số 2").param("phone", "").param("email", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("000.00.12.H55")))
                .andExpect(content().string(containsString("value=\"sai mã\"")));
        assertThat(agencies.get(unit.id()).address()).isEqualTo("Số 1 Lê Lợi, Long Xuyên");
    }
}
