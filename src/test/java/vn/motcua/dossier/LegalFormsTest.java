package vn.motcua.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.internal.FormRenderer;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetDraft;
import vn.motcua.rules.RuleSetService;
import vn.motcua.shared.ValidationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.dossier.DossierTestSupport.allComponents;
import static vn.motcua.dossier.DossierTestSupport.darkPixelsOfFirstPage;
import static vn.motcua.dossier.DossierTestSupport.pdfText;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

/**
 * A dossier prints the forms of the rule set of its receipt day: Circular 01/2018 before 1 July 2025, Circular
 * 03/2025 after. Every form is rendered to a PDF, read back with PDFBox and checked for its legal fields.
 */
@IntegrationTest
class LegalFormsTest {
    static final String LLTP = "1.001078";
    static final String PASSWORD = "MotCua@2026";

    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired RuleSetService ruleSets;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired vn.motcua.calendar.WorkingCalendarService calendars;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    CurrentUser as(String username) {
        return user(accounts, username);
    }

    Applicant applicant() {
        return new Applicant("Trần Thị Mỹ Duyên", "089195004321", "0909876543", "duyen@example.vn", "phường Long Xuyên, An Giang");
    }

    String form(long id, String kind, String who) throws Exception {
        byte[] pdf = mvc.perform(get("/ho-so/{id}/phieu/{k}.pdf", id, kind).with(httpBasic(who, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(darkPixelsOfFirstPage(pdf)).as(kind + " renders with ink on its first page").isGreaterThan(2000);
        return pdfText(pdf);
    }

    /** The life of one dossier up to a late return with an apology, at the times given, plus one refused and one supplemented. */
    long[] lifeOfDossiers(LocalDateTime receivedAt) {
        clock.set(receivedAt);
        long counter = unit(agencies, "AG.TTPVHCC");
        Set<Long> all = allComponents(catalog, LLTP, receivedAt.toLocalDate());
        long first = catalog.inForceOn(LLTP, receivedAt.toLocalDate()).orElseThrow().components().get(0).id();
        Dossier refused = dossiers.receive(new IntakeRequest(LLTP, counter, Channel.COUNTER, applicant(), Set.of(), IntakeDecision.REFUSE,
                "Người yêu cầu không thuộc đối tượng được cấp Phiếu lý lịch tư pháp số 2 theo Điều 41 Luật Lý lịch tư pháp"), as("tiepnhan"));
        Dossier supplement = dossiers.receive(new IntakeRequest(LLTP, counter, Channel.COUNTER, applicant(), null, null, 1, Delivery.POST, all,
                Map.of(first, "Tờ khai chưa ghi nơi cư trú trước đây"), IntakeDecision.REQUEST_SUPPLEMENT, null), as("tiepnhan"));
        Dossier d = dossiers.receive(new IntakeRequest(LLTP, counter, Channel.COUNTER, applicant(), null, null, 2, Delivery.POST, all, Map.of(),
                IntakeDecision.ACCEPT, null), as("tiepnhan"));
        LocalDateTime due = d.dueAt();
        clock.set(due.plusDays(1).withHour(9));
        d = dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.stp"));
        LocalDateTime newDate = calendars.calendar().plusWorkingMinutes(clock.instant().atZone(MutableClock.VIETNAM).toLocalDateTime(), 960);
        d = dossiers.apologise(d.id(), d.rowVersion(), "Phải tra cứu thêm dữ liệu lý lịch tại tỉnh Kiên Giang cũ", newDate, as("lanhdao.stp"));
        return new long[]{d.id(), refused.id(), supplement.id()};
    }

    @Test
    void aDossierReceivedBeforeJuly2025PrintsTheFormsOfCircular01Of2018() throws Exception {
        long[] ids = lifeOfDossiers(LocalDateTime.of(2025, 6, 16, 9, 0));
        Dossier d = dossiers.get(ids[0]);
        assertThat(dossiers.ruleSet(d).code()).isEqualTo("ND61-2018");
        String receipt = form(d.id(), "tiep-nhan", "tiepnhan");
        assertThat(receipt).contains("Mẫu số 01").contains("Thông tư số 01/2018/TT-VPCP").contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("An Giang, ngày 16 tháng 06 năm 2025").contains(d.code())
                .contains("Trần Thị Mỹ Duyên").contains("2 (bộ)").contains("09 giờ 00 phút, ngày 16 tháng 06 năm 2025")
                .contains("Qua bưu chính công ích").contains("Quyển số: 01/2025").contains("NGƯỜI TIẾP NHẬN HỒ SƠ").contains("Nguyễn Thị Mai");
        String apology = form(d.id(), "xin-loi", "tiepnhan");
        assertThat(apology).contains("Mẫu số 04").contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ").contains("Kiên Giang cũ")
                .contains("SỞ TƯ PHÁP TỈNH AN GIANG").contains("Huỳnh Thị Lan");
        String sheet = form(d.id(), "kiem-soat", "tiepnhan");
        assertThat(sheet).contains("Mẫu số 05").contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains("Quá hạn");
        assertThat(form(ids[2], "bo-sung", "tiepnhan")).contains("Mẫu số 02").contains("01/2018").contains("chưa ghi nơi cư trú trước đây");
        assertThat(form(ids[1], "tu-choi", "tiepnhan")).contains("Mẫu số 03").contains("01/2018").contains("Điều 41 Luật Lý lịch tư pháp");
        // Circular 01/2018 had no notice of stopping
        mvc.perform(get("/ho-so/{id}/phieu/dung.pdf", d.id()).with(httpBasic("tiepnhan", PASSWORD))).andExpect(status().isNotFound());
        String book = pdfText(mvc.perform(get("/can-bo/so-theo-doi.pdf").param("donVi", String.valueOf(unit(agencies, "AG.TTPVHCC")))
                        .param("tu", "2025-06-01").param("den", "2025-06-30").with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(book).contains("Mẫu số 06").contains("01/2018").contains("SỔ THEO DÕI HỒ SƠ").contains("Trần Thị Mỹ Duyên")
                .doesNotContain("Điều 41"); // the refused dossier was never received, so it is not in the book
    }

    @Test
    void aDossierReceivedAfterJuly2025PrintsTheSevenFormsOfCircular03Of2025() throws Exception {
        long[] ids = lifeOfDossiers(LocalDateTime.of(2026, 10, 5, 9, 0));
        Dossier d = dossiers.get(ids[0]);
        assertThat(dossiers.ruleSet(d).code()).isEqualTo("ND118-2025");
        assertThat(form(d.id(), "tiep-nhan", "tiepnhan")).contains("Mẫu số 01").contains("Thông tư số 03/2025/TT-VPCP")
                .contains("Nơi nhận kết quả: Qua bưu chính công ích").contains("Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng");
        assertThat(form(ids[2], "bo-sung", "tiepnhan")).contains("Mẫu số 02").contains("03/2025").contains("Lý do")
                .contains("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp").contains("chưa ghi nơi cư trú trước đây").contains("số điện thoại 09");
        assertThat(form(ids[1], "tu-choi", "tiepnhan")).contains("Mẫu số 03").contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        String apology = form(d.id(), "xin-loi", "tiepnhan");
        assertThat(apology).contains("Mẫu số 04").contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT").contains("THỦ TRƯỞNG CƠ QUAN")
                .contains("SỞ TƯ PHÁP TỈNH AN GIANG").contains("Huỳnh Thị Lan");
        assertThat(form(d.id(), "kiem-soat", "tiepnhan")).contains("Mẫu số 06").contains("Trước hạn/đúng hạn/quá hạn");
        // form 05, the notice of stopping, is new in Circular 03/2025
        d = dossiers.get(d.id());
        d = dossiers.requestStop(d.id(), d.rowVersion(), "Người yêu cầu đã ra nước ngoài", as("tiepnhan"));
        dossiers.stop(d.id(), d.rowVersion(), StopKind.APPLICANT_REQUEST, "Người yêu cầu có đơn đề nghị dừng", null,
                "Không hoàn trả phí đã nộp", as("lanhdao.stp"));
        assertThat(form(d.id(), "dung", "tiepnhan")).contains("Mẫu số 05").contains("THÔNG BÁO").contains("Người yêu cầu đã ra nước ngoài")
                .contains("Không hoàn trả phí đã nộp").contains("NGƯỜI CÓ THẨM QUYỀN");
        String book = pdfText(mvc.perform(get("/can-bo/so-theo-doi.pdf").param("donVi", String.valueOf(unit(agencies, "AG.TTPVHCC")))
                        .param("tu", "2026-10-01").param("den", "2026-10-31").with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(book).contains("Mẫu số 07").contains("03/2025").contains("Dừng giải quyết");
    }

    @Test
    void theDossierCodePatternAndTheFormsAreDataWithAnEffectiveDate() {
        clock.set(LocalDateTime.of(2029, 12, 1, 9, 0));
        LegalRuleSet current = ruleSets.inForceOn(LocalDate.of(2029, 12, 1));
        RuleSetDraft next = new RuleSetDraft("TEST-2030", "Quy tắc thử nghiệm 2030", LocalDate.of(2030, 1, 1), current.mechanismBasis(),
                current.formsBasis(), "AG/{ma-don-vi}/{yyyy}/{stt:5}", LocalTime.of(16, 0), 5, current.supplementClock(), true, 2, null, current.forms());
        // nothing retroactive, no pattern that could repeat a code, no missing template
        assertThatThrownBy(() -> ruleSets.create(withFrom(next, LocalDate.of(2029, 11, 1)), "quantri"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sau hôm nay");
        assertThatThrownBy(() -> ruleSets.create(withPattern(next, "{ma-don-vi}-{yyyy}"), "quantri"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("số thứ tự");
        LegalRuleSet created = ruleSets.create(next, "quantri");
        assertThat(ruleSets.inForceOn(LocalDate.of(2029, 12, 31)).id()).isEqualTo(current.id());
        assertThat(ruleSets.inForceOn(LocalDate.of(2030, 1, 2)).id()).isEqualTo(created.id());
        clock.set(LocalDateTime.of(2030, 1, 2, 15, 30));
        Dossier d = dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(),
                allComponents(catalog, LLTP, LocalDate.of(2030, 1, 2)), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        assertThat(d.code()).matches("AG/AG\\.TTPVHCC/2030/\\d{5}");
        assertThat(d.ruleSetId()).isEqualTo(created.id());
        assertThat(d.clockStartedAt()).isEqualTo(LocalDateTime.of(2030, 1, 2, 15, 30)); // this rule set's cut-off is 16:00
        // a rule set in force is never changed
        assertThatThrownBy(() -> ruleSets.update(created.id(), created.rowVersion(), next)).hasMessageContaining("không được sửa");
    }

    @Test
    void aProvinceAdaptsAFormByPuttingItsOwnTemplateInItsFormsFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/receipt.html"), "<html xmlns:th=\"http://www.thymeleaf.org\"><body style=\"font-family: 'DejaVu Serif'\">"
                + "<p th:text=\"'Mẫu của tỉnh: ' + ${name}\">x</p></body></html>");
        RuleSetService local = new RuleSetService(null, clock, dir.toString(), null);
        FormRenderer renderer = new FormRenderer(local);
        assertThat(local.templateExists("shared/receipt")).isTrue();
        assertThat(local.templateExists("shared/khong-co")).isFalse();
        assertThat(local.templateExists("../etc/passwd")).isFalse();
        assertThat(renderer.html("shared/receipt", Map.of("name", "An Giang"))).contains("Mẫu của tỉnh: An Giang");
        assertThat(pdfText(renderer.pdf("shared/receipt", Map.of("name", "An Giang")))).contains("Mẫu của tỉnh: An Giang");
        // the forms it did not adapt still come from the built-in templates
        assertThat(local.templateExists("tt03-2025/stop")).isTrue();
    }

    private static RuleSetDraft withFrom(RuleSetDraft d, LocalDate from) {
        return new RuleSetDraft(d.code(), d.name(), from, d.mechanismBasis(), d.formsBasis(), d.codePattern(), d.cutoff(),
                d.specialistSupplementDays(), d.supplementClock(), d.secondSupplementApproval(), d.maxExtensions(), d.extensionMaxDays(), d.forms());
    }

    private static RuleSetDraft withPattern(RuleSetDraft d, String pattern) {
        return new RuleSetDraft(d.code(), d.name(), d.effectiveFrom(), d.mechanismBasis(), d.formsBasis(), pattern, d.cutoff(),
                d.specialistSupplementDays(), d.supplementClock(), d.secondSupplementApproval(), d.maxExtensions(), d.extensionMaxDays(), d.forms());
    }
}
