package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Period;
import vn.motcua.quality.QualityService;
import vn.motcua.quality.ReportForm;
import vn.motcua.quality.ReportService;
import vn.motcua.quality.WeeklyReview;
import vn.motcua.quality.WeeklyReviewService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service-quality index in use: recipients of the reports and digests, last quarter's Biểu 06 frozen and sent,
 * this quarter's as a draft, the national portal's published points for last month, and the Department of Justice's
 * Monday review (groups given to officers, the week before last reviewed and last week not yet, a task open and one done).
 */
@Component
class DemoQuality {
    private static final Logger log = LoggerFactory.getLogger(DemoQuality.class);
    private final QualityService quality;
    private final ReportService reports;
    private final WeeklyReviewService reviews;
    private final AccountService accounts;
    private final vn.motcua.shared.events.EventPublications events;
    private final DemoSteps steps = new DemoSteps(log, "Dữ liệu mẫu chỉ số 766");

    DemoQuality(QualityService quality, ReportService reports, WeeklyReviewService reviews, AccountService accounts,
                vn.motcua.shared.events.EventPublications events) {
        this.events = events;
        this.quality = quality;
        this.reports = reports;
        this.reviews = reviews;
        this.accounts = accounts;
    }

    int failures() {
        return steps.failures();
    }

    private CurrentUser as(String username) {
        return DemoSteps.as(accounts, username);
    }

    /** No dossier, payment or feedback event is waiting for the index's listener. */
    private boolean factsWritten() {
        return events.pendingCount() < 1000 && events.pending(1000).stream().noneMatch(p -> p.listener().contains("QualityListener"));
    }

    void load(Map<String, Long> ids) {
        // the history's events write the index's facts after each commit: a report is frozen only once they are all there
        LocalDate today = quality.today();
        long until = System.currentTimeMillis() + 120_000;
        while (!factsWritten() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!factsWritten()) {
            log.warn("Dữ liệu mẫu chỉ số 766: sau 2 phút vẫn còn sự kiện hồ sơ chưa được ghi vào số liệu chỉ số.");
        }
        CurrentUser office = as("kiemsoat");
        long stp = ids.get("AG.STP");
        steps.run("recipients", () -> {
            reports.addRecipient(IndexCard.PROVINCE, "vanphong@angiang.example.gov.vn", "Văn phòng UBND tỉnh (Phòng Kiểm soát TTHC)", true, true, office);
            reports.addRecipient(stp, "giamdoc.stp@angiang.example.gov.vn", "Giám đốc Sở Tư pháp", true, true, office);
            return null;
        });
        // last ended quarter: the province's reports (every form) frozen and sent; Sở Tư pháp's Biểu 06 and procedures as drafts
        ReportService.ReportPeriod last = reports.recentPeriods().stream().filter(p -> p.key().contains("-Q")).findFirst().orElseThrow();
        for (ReportForm form : ReportForm.values()) {
            steps.run(form.shortName() + " frozen", () -> {
                long id = reports.create(form, IndexCard.PROVINCE, last.key(), office);
                return reports.send(id, reports.get(id).rowVersion(), office);
            });
        }
        steps.run("Biểu 06 draft", () -> reports.create(ReportForm.BIEU_06, stp, last.key(), office));
        steps.run("procedures draft", () -> reports.create(ReportForm.PROCEDURES, stp, last.key(), office));
        // the portal's published points for last month, a little below ours where dossiers were not synced
        Period lastMonth = Period.month(YearMonth.from(today).minusMonths(1));
        steps.run("portal scores", () -> {
            IndexCard ours = quality.card(IndexCard.PROVINCE, lastMonth);
            Map<Integer, BigDecimal> points = new LinkedHashMap<>();
            ours.groups().forEach(g -> points.put(g.groupNo(), g.points().multiply(new BigDecimal(g.groupNo() == 6 ? "1.02" : "0.94"))
                    .min(g.maxPoints()).setScale(2, java.math.RoundingMode.HALF_UP)));
            quality.savePortalScores(IndexCard.PROVINCE, lastMonth.key(), points, office);
            return null;
        });
        // Sở Tư pháp's Monday review: a follower per group, last week reviewed, tasks in every state
        CurrentUser head = as("lanhdao.stp");
        steps.run("Monday review", () -> {
            reviews.assign(stp, 2, "chuyenvien.stp", head);
            reviews.assign(stp, 5, "chuyenvien.stp", office);
            reviews.assign(stp, 1, "kiemsoat.stp", office);
            reviews.assign(stp, 6, "lanhdao.stp", head);
            LocalDate twoWeeks = reviews.lastWeek().minusWeeks(1);
            reviews.markReviewed(stp, twoWeeks, "Rà soát các hồ sơ trễ hạn của tuần, xin lỗi người dân đúng quy định; số hóa kết quả trước khi trả.", head);
            long done = reviews.addTask(stp, new WeeklyReviewService.TaskInput(5, "4.1", "Ký số và đính kèm kết quả điện tử cho mọi hồ sơ trước khi trả",
                    "chuyenvien.stp", today.toString()), head);
            WeeklyReview.Task t = reviews.review(stp, reviews.lastWeek()).tasks().stream().filter(x -> x.id() == done).findFirst().orElseThrow();
            reviews.finishTask(done, t.rowVersion(), "Đã hướng dẫn chuyên viên; 100 % hồ sơ tuần này có kết quả điện tử.", as("chuyenvien.stp"));
            reviews.addTask(stp, new WeeklyReviewService.TaskInput(2, "2.1", "Rà soát hồ sơ sắp đến hạn mỗi sáng, báo cáo lãnh đạo trước 9 giờ",
                    "chuyenvien.stp", today.plusDays(5).toString()), head);
            return null;
        });
    }
}
