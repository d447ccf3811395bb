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
        Report06 draft = reports.get(id);
        Report06.Row t = draft.total();
        assertThat(List.of(t.total(), t.received(), t.online(), t.counterOrPost(), t.carried())).containsExactly(5L, 4L, 1L, 3L, 1L);
        assertThat(List.of(t.handled(), t.beforeDue(), t.onTime(), t.late())).containsExactly(3L, 1L, 1L, 1L);
        assertThat(List.of(t.open(), t.within(), t.overdue())).containsExactly(2L, 1L, 1L);
        assertThat(draft.rows()).extracting(Report06.Row::kind).containsExactly("LEVEL", "FIELD");
        assertThat(draft.sent()).isFalse();

        Report06 sent = reports.send(id, draft.rowVersion(), office);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.sentTo()).contains("giamdoc.qr@angiang.example.gov.vn");
        // frozen: a dossier recorded later changes the live figure, not the sent report
        facts.upsert(fact(9_300_007, unit, LocalDateTime.of(2019, 3, 28, 9, 0), LocalDateTime.of(2019, 4, 9, 9, 0), null, false, "COUNTER"), now);
        assertThat(reports.get(id).total().received()).isEqualTo(4);
        assertThat(reports.compute(unit, reports.reportPeriod("2019-03-01..2019-03-31")).total().received()).isEqualTo(5);
        assertThatThrownBy(() -> reports.send(id, sent.rowVersion(), office)).isInstanceOf(ConflictException.class);

        // e-mailed with its Excel and PDF
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("Sở thử nghiệm báo cáo")));
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("Sở thử nghiệm báo cáo")).findFirst().orElseThrow();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        byte[] xlsx = mvc.perform(get("/chi-so/bao-cao/{id}/bieu-06.xlsx", id).with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu số 06/VPCP/KSTT");
            // the total line: 5 dossiers, 4 received, 1 online
            var total = wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum());
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(5.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(1.0);
        }
        byte[] pdf = mvc.perform(get("/chi-so/bao-cao/{id}/bieu-06.pdf", id).with(httpBasic("kiemsoat", PASSWORD)))
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
                .andExpect(jsonPath("$.status").value("SENT")).andExpect(jsonPath("$.total.received").value(4));
        assertThatThrownBy(() -> reports.addRecipient(unit, "khong-phai-email", "X", true, false, office)).isInstanceOf(ValidationException.class);
        // every month the results go to the report recipients
        assertThat(reviews.queueMonthly()).isGreaterThan(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("Chỉ số 766 tháng") && subject(m).contains("Sở thử nghiệm báo cáo")));
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
