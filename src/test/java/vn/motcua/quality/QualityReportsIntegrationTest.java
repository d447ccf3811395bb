package vn.motcua.quality;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.TestSupport;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.NewAgency;
import vn.motcua.quality.domain.Fact;
import vn.motcua.quality.internal.FactStore;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reports and the Monday review on the real database: Biểu 06 computed by hand for a month (carried over, before due,
 * on the due date, late, open within time and overdue), frozen when sent and e-mailed with its Excel and PDF; the
 * Monday review's assignments, review, tasks and refusals; the portal's published score entered, imported and explained.
 */
@IntegrationTest
class QualityReportsIntegrationTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);
    static final String PASSWORD = "MotCua@2026";

    @Autowired ReportService reports;
    @Autowired WeeklyReviewService reviews;
    @Autowired QualityService quality;
    @Autowired FactStore facts;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired MockMvc mvc;
    @Autowired vn.motcua.catalog.CatalogService catalog;
    @Autowired vn.motcua.feedback.FeedbackService feedback;
    @Autowired vn.motcua.control.OversightService oversight;
    @Autowired vn.motcua.control.SimplificationService simplifications;
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

    static Fact fact(long id, long unit, LocalDateTime received, LocalDateTime due, LocalDateTime ended, boolean late, String channel) {
        return new Fact(id, "QR-" + id, "1.001078", "Cấp phiếu lý lịch tư pháp", unit, unit, received.toLocalDate(), received, channel,
                ended == null ? "PROCESSING" : "RETURNED", due, ended, ended == null ? null : "PROCESSED", late, 0, false,
                ended == null ? null : BigDecimal.ONE, false, false, ended != null, ended != null, true, false, false, false, false, false, true, null,
                false);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void form06ComputedByHandFrozenWhenSentAndMailed() throws Exception {
        CurrentUser office = TestSupport.user(accounts, "kiemsoat");
        long unit = agencies.create(new NewAgency("QR.SO1", "Sở thử nghiệm báo cáo", null, AgencyType.DEPARTMENT, agencies.findByCode("AG").orElseThrow().id(),
                LocalDate.of(2019, 1, 1))).id();
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 8, 0);
        LocalDateTime mar4 = LocalDateTime.of(2019, 3, 4, 9, 0);
        List.of(
                // received in February, ended in March before its due date: carried over, handled before due
                fact(9_300_001, unit, LocalDateTime.of(2019, 2, 20, 9, 0), LocalDateTime.of(2019, 3, 10, 9, 0), LocalDateTime.of(2019, 3, 5, 9, 0), false, "COUNTER"),
                // ended on its due date: on time
                fact(9_300_002, unit, mar4, LocalDateTime.of(2019, 3, 14, 17, 0), LocalDateTime.of(2019, 3, 14, 10, 0), false, "ONLINE"),
                // ended late
                fact(9_300_003, unit, mar4, LocalDateTime.of(2019, 3, 14, 17, 0), LocalDateTime.of(2019, 3, 20, 10, 0), true, "COUNTER"),
                // open at the end of March, due in April: within time
                fact(9_300_004, unit, LocalDateTime.of(2019, 3, 25, 9, 0), LocalDateTime.of(2019, 4, 5, 9, 0), null, false, "POST"),
                // open at the end of March, due on 25 March: overdue
                fact(9_300_005, unit, LocalDateTime.of(2019, 3, 10, 9, 0), LocalDateTime.of(2019, 3, 25, 9, 0), null, true, "COUNTER"),
                // received and ended in February: not in March's report
                fact(9_300_006, unit, LocalDateTime.of(2019, 2, 1, 9, 0), LocalDateTime.of(2019, 2, 11, 9, 0), LocalDateTime.of(2019, 2, 10, 9, 0), false,
                        "COUNTER")).forEach(f -> facts.upsert(f, now));
        reports.addRecipient(unit, "giamdoc.qr@angiang.example.gov.vn", "Giám đốc Sở thử nghiệm", true, false, office);

        long id = reports.create(unit, "2019-03-01..2019-03-31", office);
        assertThat(reports.create(unit, "2019-03-01..2019-03-31", office)).as("one report per unit and period").isEqualTo(id);
        PeriodicReport draft = reports.get(id);
        assertThat(draft.form()).isEqualTo(ReportForm.BIEU_06);
        // total; received: total, online, counter or post, carried over; handled: total, early, on time, late; open: total, within, overdue
        assertThat(draft.total().values()).containsExactly(5L, 4L, 1L, 3L, 1L, 3L, 1L, 1L, 1L, 2L, 1L, 1L);
        assertThat(draft.total("late")).isEqualTo(1);
        assertThat(draft.rows()).extracting(PeriodicReport.Row::kind).containsExactly("LEVEL", "FIELD");
        assertThat(draft.sent()).isFalse();

        PeriodicReport sent = reports.send(id, draft.rowVersion(), office);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.sentTo()).contains("giamdoc.qr@angiang.example.gov.vn");
        // frozen: a dossier recorded later changes the live figure, not the sent report
        facts.upsert(fact(9_300_007, unit, LocalDateTime.of(2019, 3, 28, 9, 0), LocalDateTime.of(2019, 4, 9, 9, 0), null, false, "COUNTER"), now);
        assertThat(reports.get(id).total("received")).isEqualTo(4);
        assertThat(reports.compute(unit, reports.reportPeriod("2019-03-01..2019-03-31")).total("received")).isEqualTo(5);
        assertThatThrownBy(() -> reports.send(id, sent.rowVersion(), office)).isInstanceOf(ConflictException.class);

        // e-mailed with its Excel and PDF
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("Sở thử nghiệm báo cáo")));
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("Sở thử nghiệm báo cáo")).findFirst().orElseThrow();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        byte[] xlsx = mvc.perform(get("/chi-so/bao-cao/{id}/bao-cao.xlsx", id).with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu số 06/VPCP/KSTT");
            // the total line: 5 dossiers, 4 received, 1 online
            var total = wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum());
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(5.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(1.0);
        }
        byte[] pdf = mvc.perform(get("/chi-so/bao-cao/{id}/bao-cao.pdf", id).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(TestSupport.pdfText(pdf)).contains("Biểu số 06/VPCP/KSTT").contains("Số liệu đã chốt");
        assertThat(TestSupport.darkPixelsOfFirstPage(pdf)).isGreaterThan(1000);
        // pages, and refusals that save nothing
        mvc.perform(get("/chi-so/bao-cao/{id}", id).with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã chốt số liệu")));
        mvc.perform(post("/api/v1/service-index/reports").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":" + unit + ",\"period\":\"2099-Q1\"}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/service-index/reports/{id}/send", id).with(httpBasic("lanhdao.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rowVersion\":1}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/service-index/reports/{id}", id).with(httpBasic("thanhtra", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT")).andExpect(jsonPath("$.form").value("BIEU_06"))
                .andExpect(jsonPath("$.total.values[1]").value(4));
        assertThatThrownBy(() -> reports.addRecipient(unit, "khong-phai-email", "X", true, false, office)).isInstanceOf(ValidationException.class);
        // every month the results go to the report recipients
        assertThat(reviews.queueMonthly()).isGreaterThan(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("Chỉ số 766 tháng") && subject(m).contains("Sở thử nghiệm báo cáo")));
    }

    /** A procedure for the test unit, published through the API by decision (and abolished when a date is given). */
    void procedure(String code, long agencyId, String onlineLevel, long fee, LocalDate effective, LocalDate abolished) throws Exception {
        long field = catalog.fields().stream().filter(f -> f.code().equals("XD")).findFirst().orElseThrow().id();
        Map<String, Object> draft = new LinkedHashMap<>(Map.ofEntries(
                Map.entry("code", code), Map.entry("name", "Thủ tục thử nghiệm báo cáo " + code), Map.entry("fieldId", field),
                Map.entry("level", "PROVINCE"), Map.entry("agencyId", agencyId), Map.entry("implementingAgency", "Sở thử nghiệm"),
                Map.entry("steps", "Bước 1: nộp hồ sơ. Bước 2: nhận kết quả."), Map.entry("byCounter", true),
                Map.entry("byOnline", !onlineLevel.equals("NONE")), Map.entry("byPost", false), Map.entry("onlineLevel", onlineLevel),
                Map.entry("timeLimitDays", 5), Map.entry("subjects", "Tổ chức, cá nhân"), Map.entry("resultType", "Giấy phép"),
                Map.entry("legalBasis", "Luật thử nghiệm"),
                Map.entry("components", List.of(Map.of("position", 1, "name", "Đơn đề nghị", "originals", 1, "copies", 0, "required", true))),
                Map.entry("fees", fee == 0 ? List.of() : List.of(Map.of("kind", "CHARGE", "description", "Lệ phí", "amountVnd", fee))),
                Map.entry("process", List.of(Map.of("variant", "STANDARD", "position", 1, "name", "Thẩm định", "responsible", "Phòng chuyên môn",
                        "role", "PROCESSING_OFFICER", "durationHours", 16)))));
        if (fee == 0) {
            draft.put("feesNote", "Không");
        }
        if (!onlineLevel.equals("NONE")) {
            draft.put("onlineTimeLimitDays", 4);
            draft.put("process", List.of(draft.get("process") instanceof List<?> l ? l.get(0) : null, Map.of("variant", "ONLINE", "position", 1,
                    "name", "Thẩm định hồ sơ trực tuyến", "responsible", "Phòng chuyên môn", "role", "PROCESSING_OFFICER", "durationHours", 16)));
        }
        long issuer = agencies.findByCode("AG").orElseThrow().id();
        var created = json.readTree(mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(draft))).andExpect(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString())
                        .isEqualTo(201)).andReturn().getResponse().getContentAsByteArray());
        mvc.perform(post("/api/v1/drafts/{id}/publication", created.get("versionId").asLong()).with(httpBasic("kiemsoat", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(Map.of("rowVersion", 0, "action", "NEW", "decision",
                        Map.of("number", "6" + code.substring(4) + "/QĐ-UBND", "title", "Công bố thủ tục hành chính", "issuerAgencyId", issuer,
                                "signedOn", effective.minusDays(3).toString(), "effectiveOn", effective.toString())))))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200));
        if (abolished != null) {
            mvc.perform(post("/api/v1/procedures/{c}/abolition", code).with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsBytes(Map.of("number", "7" + code.substring(4) + "/QĐ-UBND", "title", "Bãi bỏ thủ tục hành chính",
                            "issuerAgencyId", issuer, "signedOn", abolished.minusDays(3).toString(), "effectiveOn", abolished.toString()))))
                    .andExpect(status().isNoContent());
        }
    }

    static boolean within(LocalDate day, ReportService.ReportPeriod p) {
        return day != null && !day.isBefore(p.from()) && !day.isAfter(p.to());
    }

    @Test
    void theOtherFormsCountAHandBuiltCatalogTheElectronicEnvironmentAndFeedback() throws Exception {
        CurrentUser office = TestSupport.user(accounts, "kiemsoat");
        long unit = agencies.create(new NewAgency("QR.SO2", "Sở thử nghiệm biểu TTHC", null, AgencyType.DEPARTMENT,
                agencies.findByCode("AG").orElseThrow().id(), LocalDate.of(2019, 1, 1))).id();
        // the unit's catalog: one fully online with a fee and dossiers; one published in the period, not online; one partly
        // online abolished in the period; one published after the period
        procedure("1.099101", unit, "FULL", 50_000, LocalDate.of(2019, 1, 10), null);
        procedure("1.099102", unit, "NONE", 0, LocalDate.of(2019, 5, 2), null);
        procedure("1.099103", unit, "PARTIAL", 0, LocalDate.of(2019, 1, 10), LocalDate.of(2019, 5, 15));
        procedure("1.099104", unit, "FULL", 0, LocalDate.of(2019, 8, 1), null);
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 8, 0);
        LocalDateTime apr = LocalDateTime.of(2019, 4, 8, 9, 0);
        // online, synced, paid, digitised, data reused, electronic result
        facts.upsert(new Fact(9_310_001, "QR-9310001", "1.099101", "Thủ tục thử nghiệm báo cáo 1.099101", unit, unit, apr.toLocalDate(), apr, "ONLINE",
                "RETURNED", apr.plusDays(7), apr.plusDays(3), "PROCESSED", false, 0, false, BigDecimal.ONE, true, true, true, true, true, true, false,
                false, false, false, true, null, false), now);
        // at the counter, fee paid in cash, nothing electronic, not on the portal
        facts.upsert(new Fact(9_310_002, "QR-9310002", "1.099101", "Thủ tục thử nghiệm báo cáo 1.099101", unit, unit, apr.toLocalDate(), apr, "COUNTER",
                "PROCESSING", apr.plusDays(7), null, null, false, 0, false, null, true, false, false, false, false, false, false, false, false, false,
                false, null, false), now);
        String period = "2019-04-01..2019-06-30";

        PeriodicReport procedures = reports.compute(ReportForm.PROCEDURES, unit, reports.reportPeriod(period));
        // in force at the end; online: full, partial, not; with dossiers, without; fee; published in the period, abolished in the period
        assertThat(procedures.total().values()).containsExactly(2L, 1L, 0L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(procedures.rows()).extracting(PeriodicReport.Row::kind).containsExactly("LEVEL", "FIELD");
        // March, before the abolition and the publication: two in force (fully and partly online), no dossier yet
        PeriodicReport march = reports.compute(ReportForm.PROCEDURES, unit, reports.reportPeriod("2019-03-01..2019-03-31"));
        assertThat(march.total().values()).containsExactly(2L, 1L, 1L, 0L, 0L, 2L, 1L, 0L, 0L);

        // the index's catalog indicators of the unit, against the same hand-built catalog: the procedures in force at the
        // period's end (the abolished one no longer counts), online ones, online ones with online dossiers, fee-bearing ones paid online
        IndexCard q2 = quality.card(unit, Period.range(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30)));
        assertThat(List.of(q2.indicator("3.1").orElseThrow().numerator(), q2.indicator("3.1").orElseThrow().denominator())).containsExactly(1L, 2L);
        assertThat(List.of(q2.indicator("3.2").orElseThrow().numerator(), q2.indicator("3.2").orElseThrow().denominator())).containsExactly(1L, 1L);
        assertThat(List.of(q2.indicator("3.5b").orElseThrow().numerator(), q2.indicator("3.5b").orElseThrow().denominator())).containsExactly(1L, 1L);
        // no collecting account declared for the unit: its fee-bearing procedure is not integrated with online payment; both
        // procedures serve individuals and no dossier used the population database
        assertThat(List.of(q2.indicator("3.5a").orElseThrow().numerator(), q2.indicator("3.5a").orElseThrow().denominator())).containsExactly(0L, 1L);
        assertThat(List.of(q2.indicator("4.5a").orElseThrow().numerator(), q2.indicator("4.5a").orElseThrow().denominator())).containsExactly(0L, 2L);
        // the drill-down names the procedure behind 3.1's lost point, and not the abolished one
        assertThat(quality.lost(unit, Period.range(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30)), "3.1", null, 1, 50).procedures())
                .extracting(QualityService.LostProcedure::code).containsExactly("1.099102");
        IndexCard mar = quality.card(unit, Period.range(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31)));
        assertThat(List.of(mar.indicator("3.1").orElseThrow().numerator(), mar.indicator("3.1").orElseThrow().denominator())).containsExactly(2L, 2L);
        assertThat(List.of(mar.indicator("3.2").orElseThrow().numerator(), mar.indicator("3.2").orElseThrow().denominator())).containsExactly(0L, 2L);

        PeriodicReport online = reports.compute(ReportForm.ONLINE, unit, reports.reportPeriod(period));
        // received; online, on the portal; with fees, paid online; digitised, reused; electronic result
        assertThat(online.total().values()).containsExactly(2L, 1L, 1L, 2L, 1L, 1L, 1L, 1L);

        // feedback: the province's form agrees with the feedback module's own figures, line by line summing to the total
        ReportService.ReportPeriod lastQuarter = reports.recentPeriods().get(0);
        PeriodicReport fb = reports.compute(ReportForm.FEEDBACK, IndexCard.PROVINCE, lastQuarter);
        var stats = feedback.statistics(lastQuarter.from(), lastQuarter.to(), null);
        assertThat(stats.received()).as("the demo has feedback in the last quarter").isPositive();
        assertThat(fb.total("received")).isEqualTo(stats.received());
        assertThat(fb.total("regulation")).isEqualTo(stats.byCategory().get(vn.motcua.feedback.FeedbackCategory.REGULATION));
        assertThat(fb.total("handled")).isEqualTo(stats.onTime() + stats.lateFinished());
        assertThat(fb.total("overdue")).isEqualTo(stats.openOverdue());
        assertThat(fb.rows().stream().filter(r -> r.kind().equals("FIELD")).mapToLong(r -> fb.value(r, "received")).sum()).isEqualTo(stats.received());

        // the control of draft regulations and the simplification tracker: the province's forms agree with the control module
        ReportService.ReportPeriod years = reports.reportPeriod(quality.today().minusYears(4) + ".." + quality.today().minusDays(1));
        PeriodicReport drafts = reports.compute(ReportForm.REGULATIONS, IndexCard.PROVINCE, years);
        List<vn.motcua.control.RegulationDraft> all = oversight.drafts();
        assertThat(drafts.total("registered")).as("the demo's drafts").isPositive()
                .isEqualTo(all.stream().filter(d -> within(d.registeredOn(), years)).count());
        assertThat(drafts.total("procNew") + drafts.total("procAmended") + drafts.total("procAbolished"))
                .isEqualTo(all.stream().filter(d -> within(d.registeredOn(), years)).mapToLong(d -> d.procedures().size()).sum());
        assertThat(drafts.total("opinions")).isEqualTo(all.stream().filter(d -> within(d.opinionOn(), years)).count());
        ReportService.ReportPeriod thisYear = reports.reportPeriod(quality.today().getYear() + "-01-01.." + quality.today().minusDays(1));
        PeriodicReport cuts = reports.compute(ReportForm.SIMPLIFICATION, IndexCard.PROVINCE, thisYear);
        vn.motcua.control.CutFigure province = simplifications.tracker(quality.today().getYear()).stream().filter(c -> c.agencyId() == 0)
                .findFirst().orElseThrow();
        assertThat(List.of(cuts.total("procedures"), cuts.total("simplified"), cuts.total("costBefore"), cuts.total("costAfter")))
                .containsExactly((long) province.procedures(), (long) province.simplified(), province.yearlyBefore(), province.yearlyAfter());
        assertThat(cuts.total("saving")).isEqualTo(province.yearlyBefore() - province.yearlyAfter());

        // saved, frozen and exported like Biểu 06, under its own number
        long id = reports.create(ReportForm.PROCEDURES, unit, period, office);
        assertThat(reports.create(ReportForm.BIEU_06, unit, period, office)).as("another form of the same period is another report").isNotEqualTo(id);
        PeriodicReport sent = reports.send(id, reports.get(id).rowVersion(), office);
        assertThat(sent.number()).isEqualTo("Biểu số II.07b");
        procedure("1.099105", unit, "FULL", 0, LocalDate.of(2019, 6, 1), null);
        assertThat(reports.get(id).total("inForce")).as("frozen").isEqualTo(2);
        assertThat(reports.compute(ReportForm.PROCEDURES, unit, reports.reportPeriod(period)).total("inForce")).isEqualTo(3);
        byte[] xlsx = mvc.perform(get("/chi-so/bao-cao/{id}/bao-cao.xlsx", id).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu số II.07b");
            assertThat(wb.getSheetAt(0).getRow(6).getCell(2).getStringCellValue()).isEqualTo("Toàn trình");
            assertThat(wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum()).getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
        byte[] pdf = mvc.perform(get("/chi-so/bao-cao/{id}/bao-cao.pdf", id).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(TestSupport.pdfText(pdf)).contains("Biểu số II.07b").contains("SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH").contains("Bãi bỏ");
        mvc.perform(get("/chi-so/bao-cao/{id}", id).with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Toàn trình")));
        mvc.perform(get("/api/v1/service-index/report-forms").with(httpBasic("thanhtra", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[1].form").value("PROCEDURES")).andExpect(jsonPath("$[1].columns[0].key").value("inForce"));
        mvc.perform(post("/api/v1/service-index/reports").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":" + unit + ",\"period\":\"" + period + "\",\"form\":\"ONLINE\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.form").value("ONLINE")).andExpect(jsonPath("$.total.values[0]").value(2));
        mvc.perform(post("/api/v1/service-index/reports").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":" + unit + ",\"period\":\"" + period + "\",\"form\":\"BIEU_99\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/chi-so/bao-cao").with(httpBasic("kiemsoat", PASSWORD)).with(csrf()).param("bieu", "BIEU_99").param("donVi", String.valueOf(unit))
                .param("ky", period)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theOfficialPeriodsRunFromThe15thToThe14th() {
        ReportService.ReportPeriod q = reports.reportPeriod("2026-Q3");
        assertThat(q.from()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(q.to()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(reports.reportPeriod("2026").from()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(reports.reportPeriod("2026-H1").to()).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThatThrownBy(() -> reports.reportPeriod("quý 3")).isInstanceOf(ValidationException.class);
    }

    @Test
    void theMondayReview() throws Exception {
        long stp = agencies.findByCode("AG.STP").orElseThrow().id();
        CurrentUser head = TestSupport.user(accounts, "lanhdao.stp");
        CurrentUser otherHead = TestSupport.user(accounts, "lanhdao.longxuyen");
        // only the unit's head (or procedure control) directs; only the unit's officers follow a group
        assertThatThrownBy(() -> reviews.assign(stp, 2, "chuyenvien.stp", otherHead)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reviews.assign(stp, 2, "congdan", head)).isInstanceOf(ValidationException.class);
        reviews.assign(stp, 3, "chuyenvien.stp", head);
        LocalDate week = reviews.lastWeek().minusWeeks(3);
        WeeklyReview.Review r = reviews.markReviewed(stp, week, "Đôn đốc số hóa kết quả.", head);
        assertThat(r.reviewedBy()).isEqualTo("lanhdao.stp");
        assertThatThrownBy(() -> reviews.markReviewed(stp, week, null, head)).isInstanceOf(ConflictException.class);
        assertThat(reviews.status(week)).filteredOn(s -> s.unitId() == stp).singleElement().satisfies(s -> assertThat(s.review()).isNotNull());
        // tasks: refused without a due date in the future, done by their assignee, stale versions refused
        assertThatThrownBy(() -> reviews.addTask(stp, new WeeklyReviewService.TaskInput(2, "2.1", "Rà soát", "chuyenvien.stp", "2020-01-01"), head))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> reviews.addTask(stp, new WeeklyReviewService.TaskInput(2, "4.1", "Sai nhóm", "chuyenvien.stp",
                quality.today().plusDays(3).toString()), head)).isInstanceOf(ValidationException.class);
        long task = reviews.addTask(stp, new WeeklyReviewService.TaskInput(2, "2.1", "Gọi điện nhắc người nộp bổ sung trong ngày", "chuyenvien.stp",
                quality.today().plusDays(3).toString()), head);
        WeeklyReview w = reviews.review(stp, week);
        WeeklyReview.Task t = w.tasks().stream().filter(x -> x.id() == task).findFirst().orElseThrow();
        assertThat(w.assignments()).containsEntry(3, "chuyenvien.stp");
        assertThatThrownBy(() -> reviews.finishTask(task, t.rowVersion(), "Xong", otherHead)).isInstanceOf(ConflictException.class);
        reviews.finishTask(task, t.rowVersion(), "Đã gọi 12 người nộp.", TestSupport.user(accounts, "chuyenvien.stp"));
        assertThatThrownBy(() -> reviews.finishTask(task, t.rowVersion(), "Lần nữa", head)).isInstanceOf(ConflictException.class);
        // the digest names the lost points with their links, and the open tasks
        String digest = reviews.digest(reviews.review(stp, reviews.lastWeek()), "http://motcua.example");
        assertThat(digest).contains("Sở Tư pháp").contains("/chi-so/tuan?donVi=" + stp);
        // the pages
        mvc.perform(get("/chi-so/tuan").with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("wk-groups")));
        mvc.perform(get("/chi-so/tuan").with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("wk-status")));
        mvc.perform(post("/chi-so/tuan/kiem-tra").with(httpBasic("tiepnhan", PASSWORD)).with(csrf()).param("donVi", String.valueOf(stp))
                .param("tuan", reviews.lastWeek().minusWeeks(5).toString())).andExpect(status().is3xxRedirection());
        assertThat(reviews.review(stp, reviews.lastWeek().minusWeeks(5)).review()).as("a receiving officer cannot record the head's review").isNull();
        // the Monday digest reaches the head
        assertThat(reviews.queueDigests()).isGreaterThan(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("Chỉ số 766 tuần") && subject(m).contains("Sở Tư pháp")));
    }

    @Test
    void thePortalsPublishedScoreBesideOurs() throws Exception {
        CurrentUser office = TestSupport.user(accounts, "kiemsoat");
        Period month = Period.month(java.time.YearMonth.from(quality.today()).minusMonths(1));
        Map<Integer, BigDecimal> tooMuch = new LinkedHashMap<>();
        tooMuch.put(2, new BigDecimal("25"));
        assertThatThrownBy(() -> quality.savePortalScores(0, month.key(), tooMuch, office)).isInstanceOf(ValidationException.class);
        long stp = agencies.findByCode("AG.STP").orElseThrow().id();
        mvc.perform(put("/api/v1/service-index/portal-scores").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\":" + stp + ",\"period\":\"" + month.key() + "\",\"points\":{\"2\":12.5,\"6\":18}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].portal").value(12.5)).andExpect(jsonPath("$[1].explanation").isNotEmpty())
                .andExpect(jsonPath("$[0].portal").doesNotExist());
        List<QualityService.PortalLine> lines = quality.portalComparison(stp, month);
        QualityService.PortalLine g2 = lines.get(1);
        assertThat(g2.difference()).isEqualByComparingTo(g2.ours().subtract(new BigDecimal("12.5")));
        // a file with one bad line saves nothing
        mvc.perform(multipart("/chi-so/cong-quoc-gia/nhap").file(new MockMultipartFile("tep", "diem.csv", "text/csv",
                        ("ma,ky,nhom,diem\nAG.STP," + month.key() + ",1,15\nAG.KHONGCO," + month.key() + ",1,10\n").getBytes()))
                .with(httpBasic("kiemsoat", PASSWORD)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(quality.portalComparison(stp, month).get(0).portal()).isNull();
        assertThatThrownBy(() -> quality.importPortalScores("AG.STP," + month.key() + ",1\n", office)).isInstanceOf(ValidationException.class);
        assertThat(quality.portalComparison(stp, month).get(0).portal()).isNull();
        int n = quality.importPortalScores("ma,ky,nhom,diem\nAG.STP," + month.key() + ",1,15\nTINH," + month.key() + ",2,16.25\n", office);
        assertThat(n).isEqualTo(2);
        assertThat(quality.portalComparison(stp, month).get(0).portal()).isEqualByComparingTo("15");
        mvc.perform(get("/chi-so").param("donVi", String.valueOf(stp)).param("ky", month.key()).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("qi-portal")));
    }
}
