package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentTiming;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fees and notifications in a real browser: the citizen pays online on the payment platform's (simulated) page and
 * comes back to a paid dossier with its receipt; the one-stop officer takes cash; the accountant reconciles and reads
 * the revenue report; the control officer sets when fees are paid and edits a template with its preview; the citizen
 * chooses channels; the simulators' inbox. Every page passes the WCAG 2.1 AA rules and fits a phone.
 */
class PaymentBrowserTest extends BrowserTestBase {
    @Autowired DossierService dossiers;
    @Autowired PaymentService payments;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;

    CurrentUser as(String username) {
        return vn.motcua.TestSupport.user(accounts, username);
    }

    @Test
    void theCitizenPaysOnlineThroughThePlatformAndGetsTheReceipt() {
        List<UploadedDocument> files = catalog.current("1.001022").components().stream().filter(c -> !c.showOnly())
                .map(c -> new UploadedDocument(c.id(), "giay-to.pdf", "application/pdf", "%PDF-1.4".getBytes())).toList();
        Dossier d = dossiers.submitOnline(new OnlineSubmission("1.001022", agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id(),
                new Applicant("Nguyễn Văn An", "089090001234", "0912345678", "an.nguyen@example.vn", "An Giang"), null, null, files, Map.of()),
                as("congdan"));
        login("congdan");
        driver.get(url("/ho-so-cua-toi/" + d.id() + "?lang=vi"));
        expectText("payment-box", "8.000");
        expectText("payment-wait", "được tiếp nhận sau khi");
        long paymentId = payments.active(d.id(), PaymentTiming.AT_SUBMISSION).orElseThrow().id();
        expectText("payment-status-" + paymentId, "Chờ thanh toán");
        assertAccessible("the citizen's dossier with fees due");

        driver.findElement(By.id("pay-online-" + paymentId)).click();
        expectText("sim-amount", "8.000");
        assertAccessible("the payment platform's page (simulator)");
        driver.findElement(By.id("inst-qr")).click();
        driver.findElement(By.id("outcome-paid")).click();
        driver.findElement(By.id("sim-pay")).click();

        expectText("payment-result-status", "Đã thanh toán");
        assertThat(driver.findElement(By.id("back-receipt")).getAttribute("href")).endsWith("/thanh-toan/" + paymentId + "/bien-lai.pdf");
        assertAccessible("the payment result page");
        driver.findElement(By.id("back-dossier")).click();
        expectText("payment-status-" + paymentId, "Đã thanh toán");
        assertThat(absent(By.id("payment-wait"))).as("no payment waits").isTrue();
        expectText("notification-log", "Đề nghị nộp phí, lệ phí");
        logout();
    }

    @Test
    void theOfficerTakesCashAndTheAccountantReconcilesAndReports() {
        Applicant a = new Applicant("Phạm Văn Tiền Mặt", "089199007788", "0908111222", null, "An Giang");
        Set<Long> all = catalog.current("1.001022").components().stream().map(c -> c.id()).collect(Collectors.toSet());
        Dossier d = dossiers.receive(new IntakeRequest("1.001022", agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id(), Channel.COUNTER, a, null,
                null, 1, Delivery.COUNTER, all, Map.of(), IntakeDecision.ACCEPT, null), as("tiepnhan.longxuyen"));
        payments.requestAutomatically(d.id(), "tiepnhan.longxuyen");
        long paymentId = payments.active(d.id(), PaymentTiming.AT_SUBMISSION).orElseThrow().id();
        login("tiepnhan.longxuyen");
        driver.get(url("/can-bo/ho-so/" + d.id() + "?lang=vi"));
        expectText("payment-box", "8.000");
        driver.findElement(By.id("pay-cash-" + paymentId)).click();
        expectText("flash", "biên lai");
        expectText("receipt-" + paymentId, "PLX-26E");
        assertAccessible("the officer's dossier page with a paid fee");
        logout();

        login("ketoan");
        driver.get(url("/ke-toan?lang=vi"));
        expectText("latest-payments", d.code());
        assertAccessible("the accountant's page");
        driver.findElement(By.id("reconcile")).click();
        expectText("flash", "Đã đối soát");
        driver.findElement(By.id("to-revenue")).click();
        expectText("revenue", "1.001022");
        assertThat(driver.findElement(By.id("revenue-excel")).getAttribute("href")).contains("/ke-toan/doanh-thu.xlsx?from=");
        assertAccessible("the revenue report");
        setValue("from", "2026-12-31");
        setValue("to", "2026-01-01");
        driver.findElement(By.id("revenue-show")).click();
        expectText("form-errors", "Khoảng thời gian không hợp lệ");
        logout();
    }

    @Test
    void theControlOfficerSetsFeeTimingAndEditsATemplateWithItsPreview() {
        login("kiemsoat");
        driver.get(url("/quan-tri/thu-phi?lang=vi"));
        expectText("fee-timings", "1.012760");
        assertAccessible("fee settings");
        driver.findElement(By.id("save-timing-1.001022")).click();
        expectText("flash", "thời điểm nộp");

        driver.get(url("/quan-tri/mau-thong-bao?lang=vi"));
        expectText("templates", "Hồ sơ được tiếp nhận");
        assertAccessible("notification templates");
        driver.findElement(By.id("edit-RECEIVED")).click();
        expectText("preview-subject", "000.00.01.H01-261124-0001");
        type("subject", "Đã tiếp nhận hồ sơ {maHoSO}");
        driver.findElement(By.id("save-template")).click();
        expectText("form-errors", "{maHoSO}");
        type("subject", "Đã tiếp nhận hồ sơ {maHoSo} của {nguoiNop}");
        driver.findElement(By.id("preview")).click();
        expectText("preview-subject", "Đã tiếp nhận hồ sơ 000.00.01.H01-261124-0001 của Nguyễn Văn An");
        assertAccessible("a template with its preview");
        type("subject", "Hồ sơ {maHoSo} đã được tiếp nhận");
        driver.findElement(By.id("save-template")).click();
        expectText("flash", "Đã lưu mẫu");
        logout();
    }

    @Test
    void theCitizenChoosesChannelsAndAnyoneReadsTheSimulatorsInbox() {
        login("congdan05");
        driver.get(url("/ho-so-cua-toi/thong-bao?lang=vi"));
        assertAccessible("notification preferences");
        driver.findElement(By.id("pref-zalo")).click();
        driver.findElement(By.id("save-preferences")).click();
        expectText("flash", "Đã lưu lựa chọn");
        assertThat(driver.findElement(By.id("pref-zalo")).isSelected()).isTrue();
        logout();
        driver.get(url("/gia-lap?lang=vi"));
        expectText("knobs", "Cách hoạt động");
        assertAccessible("the simulators' inbox");
        driver.get(url("/?lang=en"));
        expectText("nav-simulators", "Simulators");
    }
}
