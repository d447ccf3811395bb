package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.RatingSource;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What applicants say, in a real browser: the citizen rates a returned dossier and sends feedback about it; the
 * counter kiosk and the tracking page rate a dossier just returned; the control officer answers and publishes a feedback
 * and the public reads and votes on it; the statistics with their charts and the 9-criterion evaluation. Every page
 * passes the WCAG 2.1 AA rules and fits a phone.
 */
class FeedbackBrowserTest extends BrowserTestBase {
    @Autowired DossierService dossiers;
    @Autowired DossierQueries queries;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired RatingService ratings;
    @Autowired FeedbackService feedback;
    @Autowired JdbcClient jdbc;

    CurrentUser as(String username) {
        return vn.motcua.TestSupport.user(accounts, username);
    }

    @Test
    void theCitizenRatesHisReturnedDossierAndSendsFeedbackAboutIt() {
        long id = jdbc.sql("select id from dossier where status = 'RETURNED' and applicant_username = 'congdan' order by id desc fetch first 1 rows only")
                .query(Long.class).single();
        String code = dossiers.get(id).code();
        login("congdan");
        driver.get(url("/ho-so-cua-toi/" + id + "?lang=vi"));
        expectText("rating-box", "Đánh giá mức độ hài lòng");
        assertAccessible("the citizen's returned dossier with the rating form");
        driver.findElement(By.id("rating-SATISFIED")).click();
        // the detailed scores are folded away unless the dossier was already rated with them
        if (driver.findElement(By.cssSelector("#rating-form details")).getAttribute("open") == null) {
            driver.findElement(By.cssSelector("#rating-form details summary")).click();
        }
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rating-scoreAttitude"))).selectByValue("2");
        type("rating-comment", "Cán bộ hướng dẫn rõ ràng");
        driver.findElement(By.id("rating-submit")).click();
        expectText("flash", "Đã ghi nhận đánh giá");
        expectText("rating-level", "Hài lòng");
        assertThat(ratings.ofDossier(id).orElseThrow().scores().attitude()).isEqualTo(2);
        // the list marks returned dossiers as rated or not
        driver.get(url("/ho-so-cua-toi?lang=vi"));
        expectText("my-dossiers", "Đã đánh giá: hài lòng");
        assertAccessible("the citizen's dossiers with rating marks");
        driver.get(url("/ho-so-cua-toi/" + id + "?lang=vi"));

        driver.findElement(By.id("rating-feedback-link")).click();
        assertThat(driver.findElement(By.id("fb-dossier")).getAttribute("value")).isEqualTo(code);
        assertAccessible("the feedback form");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("fb-category"))).selectByValue("PROCEDURE");
        type("fb-title", "Đề nghị gửi thông báo khi có kết quả");
        type("fb-content", "Tôi đề nghị cơ quan nhắn tin ngay khi hồ sơ có kết quả để tôi không phải hỏi lại.");
        type("fb-phone", "0912345678");
        // a missing name is explained and nothing is sent
        type("fb-name", " ");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('fb-form').noValidate = true;");
        driver.findElement(By.id("fb-submit")).click();
        expectText("form-errors", "Nhập họ tên người gửi");
        type("fb-name", "Nguyễn Văn An");
        driver.findElement(By.id("fb-submit")).click();
        String sentCode = expectText("fb-sent-code", "PAKN-");
        assertThat(driver.findElement(By.id("fb-sent-secret")).getText()).hasSize(10);
        assertAccessible("the feedback sent page");
        driver.get(url("/ho-so-cua-toi/phan-anh?lang=vi"));
        expectText("fb-mine", sentCode);
        assertAccessible("the citizen's feedback");
        logout();
    }

    @Test
    void theCounterKioskAndTheTrackingPageRateADossierJustReturned() {
        login("tiepnhan");
        driver.get(url("/can-bo/quay-danh-gia?lang=vi"));
        assertAccessible("the officer's kiosks");
        type("kiosk-name", "Quầy số 5");
        driver.findElement(By.id("kiosk-pair-submit")).click();
        String kioskUrl = driver.findElement(By.id("kiosk-url")).getAttribute("href");
        expectText("kiosks", "Quầy số 5");
        assertAccessible("the kiosk just paired, with its address and QR code");
        logout();

        // the tablet waits …
        driver.get(kioskUrl + "?lang=vi");
        expectText("kiosk-waiting", "Mời quý vị đánh giá");
        assertAccessible("the counter kiosk while waiting");
        // … the officer returns a result at the counter, and the tablet shows it by itself
        Applicant a = new Applicant("Đỗ Thị Quầy", "089190007788", "0903777888", null, "An Giang");
        Dossier d = dossiers.receive(new IntakeRequest("1.001078", agencies.findByCode("AG.TTPVHCC").orElseThrow().id(), Channel.COUNTER, a,
                catalog.current("1.001078").components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null),
                as("tiepnhan"));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện", null, null, as("chuyenvien.stp"));
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP", as("lanhdao.stp"));
        dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(x -> !x.findElements(By.id("kiosk-dossier")).isEmpty() && x.findElement(By.id("kiosk-dossier")).getText().equals(d.code()));
        expectText("kiosk-form", "Nguyễn Thị Mai");
        assertAccessible("the counter kiosk offering the dossier just returned");
        driver.findElement(By.id("kiosk-VERY_SATISFIED")).click();
        driver.findElement(By.id("kiosk-submit")).click();
        expectText("kiosk-thanks", "Cảm ơn");
        expectText("kiosk-waiting", "Mời quý vị đánh giá");
        assertThat(ratings.ofDossier(d.id()).orElseThrow().source()).isEqualTo(RatingSource.KIOSK);

        // the applicant changes it later from the tracking page
        driver.get(url("/tra-cuu?lang=vi"));
        type("ma", d.code());
        type("bimat", queries.trackingSecret(d));
        type("kiemtra", "7888");
        driver.findElement(By.id("track-submit")).click();
        expectText("rating-level", "Rất hài lòng");
        assertAccessible("the tracking page with the rating");
        driver.findElement(By.id("rating-NOT_SATISFIED")).click();
        type("rating-comment", "Phải chờ lâu");
        driver.findElement(By.id("rating-submit")).click();
        expectText("rated-ok", "Không hài lòng");
        assertAccessible("the rating recorded from tracking");
        assertThat(ratings.changes(ratings.ofDossier(d.id()).orElseThrow())).extracting(r -> r.source())
                .containsExactly(RatingSource.KIOSK, RatingSource.TRACKING);
    }

    @Test
    void theControlOfficerAnswersAndPublishesAndThePublicReadsAndVotes() {
        FeedbackService.Submitted s = feedback.submit(new FeedbackService.Submission(FeedbackCategory.REGULATION, "Đề nghị công khai mẫu tờ khai điện tử",
                "Tôi là Phan Văn Bảy, số điện thoại 0987123456; đề nghị Sở công khai mẫu tờ khai điện tử trên cổng.", null, null,
                agencies.findByCode("AG.STP").orElseThrow().id(), "Phan Văn Bảy", "0987123456", null, null), List.of(), null, "10.55.0.1");
        login("kiemsoat.stp");
        driver.get(url("/xu-ly-phan-anh?lang=vi"));
        expectText("fbq-list", s.feedback().code());
        assertAccessible("the feedback lists");
        driver.get(url("/xu-ly-phan-anh/" + s.feedback().id() + "?lang=vi"));
        expectText("fb-status", "Mới tiếp nhận");
        assertAccessible("a feedback to handle");
        driver.findElement(By.id("fb-accept")).click();
        expectText("fb-status", "Đang xử lý");
        type("fb-answer-input", "Sở đã đăng mẫu tờ khai điện tử tại mục Biểu mẫu của từng thủ tục; cảm ơn ông Phan Văn Bảy.");
        driver.findElement(By.id("fb-answer")).click();
        expectText("fb-status", "chờ công khai");
        // the suggested public text already hides the name and the phone
        assertThat(driver.findElement(By.id("fb-pc")).getAttribute("value")).doesNotContain("0987123456").doesNotContain("Phan Văn Bảy");
        assertThat(driver.findElement(By.id("fb-pa")).getAttribute("value")).doesNotContain("Phan Văn Bảy");
        assertAccessible("the publication form");
        driver.findElement(By.id("fb-publish")).click();
        expectText("fb-status", "Đã công khai");
        logout();

        driver.get(url("/phan-anh-kien-nghi?lang=vi"));
        expectText("fb-answers", "Đề nghị công khai mẫu tờ khai điện tử");
        assertAccessible("the published answers");
        driver.get(url("/phan-anh-kien-nghi/" + s.feedback().code() + "?lang=vi"));
        expectText("fb-answer", "mục Biểu mẫu");
        driver.findElement(By.id("fb-like")).click();
        expectText("fb-vote-counts", "Đồng tình: 1");
        assertAccessible("a published answer");
        driver.get(url("/phan-anh-kien-nghi/tra-cuu?lang=vi"));
        type("fb-track-code", s.feedback().code());
        type("fb-track-secret", s.trackingSecret());
        driver.findElement(By.id("fb-track-submit")).click();
        expectText("fb-track-status", "Đã công khai");
        assertAccessible("the sender's tracking page");
    }

    @Test
    void statisticsWithChartsAndTheNineCriterionEvaluation() {
        driver.get(url("/thong-ke/hai-long?lang=vi&tu=2025-01-01"));
        expectText("sat-agencies", "Sở Tư pháp");
        waiting().until(d -> !d.findElements(By.cssSelector("#sat-chart[data-drawn='true'] canvas")).isEmpty());
        assertAccessible("satisfaction statistics with the chart");
        driver.get(url("/thong-ke/phan-anh?lang=en"));
        expectText("fbs-categories", "Conduct or attitude of an official");
        waiting().until(d -> !d.findElements(By.cssSelector("#fbs-cat-chart[data-drawn='true'] canvas")).isEmpty());
        assertAccessible("feedback statistics in English");
        login("kiemsoat");
        driver.get(url("/danh-gia-tthc?lang=vi"));
        expectText("ev-list", "Sở Tư pháp");
        assertAccessible("the evaluation overview");
        driver.findElement(By.linkText("Sở Tư pháp tỉnh An Giang")).click();
        expectText("ev-table", "Tổng thời gian giải quyết");
        assertAccessible("an agency's evaluation");
        driver.get(url("/danh-gia-tthc/tong-hop-phieu?lang=vi"));
        expectText("votes-filter", "Tháng");
        assertAccessible("the monthly vote summary");
        driver.get(url("/thong-ke/hai-long?lang=vi&tu=2025-01-01"));
        expectText("sat-officers", "Nguyễn Thị Mai");
        logout();
    }
}
