package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.dossier.DossierService;
import vn.motcua.integration.OutboxService;
import vn.motcua.simulators.Simulators;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national systems in a real browser: a citizen logs in with the national identity on the provider's page and books
 * a pick-up by public post; the receiving officer checks an applicant against the population database at intake and
 * the dossier records it; the administrator follows the outbox, resends, reconciles and imports a file of old dossiers;
 * the control officer pulls the national catalog and answers a proposal. Every page passes WCAG 2.1 AA and fits a phone.
 */
class IntegrationBrowserTest extends BrowserTestBase {
    @Autowired CatalogService catalog;
    @Autowired DossierService dossiers;
    @Autowired OutboxService outbox;
    @Autowired Simulators sims;
    @Autowired JdbcClient jdbc;

    @Test
    void aCitizenLogsInWithTheNationalIdentityAndBooksAPickUpByPost() {
        driver.get(url("/dang-nhap?lang=vi"));
        assertAccessible("the login page with the national identity");
        driver.findElement(By.id("vneid-login-link")).click();
        expectText("vneid-citizens", "Trần Thị Bích");
        assertAccessible("the national identity provider's page (simulator)");
        driver.findElement(By.id("vneid-089190101001")).click();
        expectText("nav-logout", "Trần Thị Bích");
        driver.get(url("/nop-ho-so/buu-chinh?lang=vi"));
        assertAccessible("booking a pick-up by public post");
        String code = catalog.search(SearchQuery.all(), 0, 1000).items().stream().map(ProcedureSummary::code)
                .filter(c -> catalog.current(c).byPost()).findFirst().orElseThrow();
        new Select(driver.findElement(By.id("procedureCode"))).selectByValue(code);
        new Select(driver.findElement(By.id("receivingAgencyId"))).selectByIndex(1);
        type("address", "ngắn");
        driver.findElement(By.id("post-book-submit")).click();
        expectText("form-errors", "Nhập địa chỉ để bưu tá đến nhận hồ sơ");
        type("address", "Số 12 đường Hà Hoàng Hổ, phường Long Xuyên, An Giang");
        driver.findElement(By.id("post-book-submit")).click();
        String flash = expectText("flash", "Đã đặt đơn");
        String order = flash.replaceAll(".*(BCN-[0-9-]+).*", "$1");
        expectText("my-post-orders", order);
        outbox.deliverDue();
        driver.navigate().refresh();
        expectText("my-status-" + order, "Bưu chính đã nhận đơn");
        assertAccessible("the citizen's post orders");
        logout();
    }

    @Test
    void theReceivingOfficerChecksTheApplicantAgainstThePopulationDatabase() {
        login("tiepnhan");
        driver.get(url("/can-bo/tiep-nhan?thuTuc=1.001078&lang=vi"));
        type("name", "nguyen van an");
        type("idNumber", "089090001234");
        type("phone", "0912345678");
        setValue("birthDate", "1990-03-11");
        driver.findElement(By.id("population-lookup")).click();
        expectText("population-result", "Không khớp");
        setValue("birthDate", "1990-03-12");
        driver.findElement(By.id("population-lookup")).click();
        expectText("population-result", "Khớp với Cơ sở dữ liệu quốc gia về dân cư");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Nguyễn Văn An");
        assertThat(driver.findElement(By.id("address")).getAttribute("value")).contains("Long Xuyên");
        assertAccessible("the intake form after a population check");
        new Select(driver.findElement(By.id("receivingAgencyId"))).selectByIndex(0);
        for (WebElement box : driver.findElements(By.cssSelector("#components-check input[type=checkbox]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        expectText("sync-population", "Có, đối chiếu lúc");
        expectText("sync-handled-in", "Hệ thống này");
        assertAccessible("the dossier with its integration box");
        logout();
    }

    @Test
    void theAdministratorFollowsTheOutboxReconcilesAndImportsOldDossiers() throws Exception {
        login("quantri");
        driver.get(url("/quan-tri/lien-thong?lang=vi"));
        expectText("counts-title", "Hàng đợi theo hệ thống");
        assertAccessible("the outbox overview");
        driver.findElement(By.id("deliver-now")).click();
        expectText("flash", "Đã gửi");
        String code = jdbc.sql("select dossier_code from outbox_message where system = 'DVCQG' and dossier_code is not null order by id fetch first 1 rows only")
                .query(String.class).single();
        type("hoSo", code);
        driver.findElement(By.id("find-dossier")).click();
        expectText("dossier-messages", "DongBoHoSoMC");
        assertAccessible("one dossier's sync");
        driver.findElement(By.id("reconcile")).click();
        expectText("flash", "Đã đối soát");
        expectText("reconciliations", "%");
        type("sys-code", "BCA-CT");
        type("sys-name", "Hệ thống cư trú (Bộ Công an)");
        driver.findElement(By.id("register-system")).click();
        expectText("new-key", "BCA-CT");
        assertAccessible("reconciliation and sectoral systems");

        driver.findElement(By.id("to-import")).click();
        expectText("import-columns", "ma_ho_so");
        assertAccessible("the import page");
        Path file = Files.createTempFile("he-thong-cu", ".csv");
        Files.writeString(file, """
                ma_ho_so;ma_thu_tuc;ma_don_vi_tiep_nhan;ho_ten;so_dinh_danh;ngay_nop;ngay_tiep_nhan;ngay_hen_tra;trang_thai;ngay_ket_thuc
                WEB-0001;1.001078;AG.TTPVHCC;Nguyễn Văn Web;089190200001;2025-06-02 08:00;2025-06-02 08:05;2025-06-12;RETURNED;2025-06-11 15:00
                WEB-0002;1.001078;AG.KHONGCO;Lê Văn Web;089190200002;2025-06-02 08:00;;;SUBMITTED;
                """, StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.id("import-submit")).click();
        expectText("import-summary", "2 dòng: 1 nhập hoặc cập nhật, 0 đã có (không đổi), 1 lỗi");
        expectText("import-rows", "Không có đơn vị mang mã AG.KHONGCO");
        assertAccessible("an import's row-by-row result");
        logout();
    }

    @Test
    void theControlOfficerPullsTheNationalCatalogAndAnswersAProposal() {
        login("kiemsoat");
        driver.get(url("/quan-tri/danh-muc-quoc-gia?lang=vi"));
        assertAccessible("the national catalog before a pull");
        driver.findElement(By.id("pull-catalog")).click();
        expectText("flash", "Đã bắt đầu kéo");
        long until = System.currentTimeMillis() + 20_000;
        while (!absent(By.id("reload-pull")) && System.currentTimeMillis() < until) {
            driver.findElement(By.id("reload-pull")).click();
        }
        expectText("last-pull", "Lần kéo gần nhất xong lúc");
        expectText("portal-procedures", "Đề xuất");
        assertAccessible("the national catalog's proposals");
        // a pull started elsewhere (another test's request) may still renew the rows: a stale form is refused with a
        // message, and the officer reloads and decides again
        String shown = "";
        for (int attempt = 0; attempt < 3 && !shown.contains("Đã bỏ qua"); attempt++) {
            driver.get(url("/quan-tri/danh-muc-quoc-gia?lang=vi"));
            WebElement dismiss = driver.findElement(By.cssSelector("[id^='dismiss-']"));
            String national = dismiss.getAttribute("id").substring("dismiss-".length());
            dismiss.submit();
            waiting().until(d -> !d.findElements(By.cssSelector("#flash, [role=alert]")).isEmpty());
            shown = driver.findElements(By.id("flash")).stream().map(WebElement::getText).findFirst().orElse("");
            if (!shown.isEmpty()) {
                org.assertj.core.api.Assertions.assertThat(shown).contains(national);
            }
        }
        org.assertj.core.api.Assertions.assertThat(shown).as("the dismissal's confirmation").contains("Đã bỏ qua");
        logout();
    }

    @Test
    void theSimulatorsPageShowsWhatThePortalAndThePostReceivedAndSubmitsADossierOnThePortal() {
        driver.get(url("/gia-lap?lang=vi"));
        expectText("dvcqg-summary", "hồ sơ");
        assertAccessible("the simulators' inbox with the national systems");
        // a commune-level procedure submitted on the portal, with the applicant's commune
        String code = catalog.search(SearchQuery.all(), 0, 1000).items().stream().map(ProcedureSummary::code)
                .filter(c -> catalog.current(c).byOnline() && catalog.current(c).level() == vn.motcua.catalog.ProcedureLevel.COMMUNE)
                .findFirst().orElseThrow();
        new Select(driver.findElement(By.id("ho-procedure"))).selectByValue(code);
        new Select(driver.findElement(By.id("ho-counter"))).selectByValue("AG.TTPVHCC");
        new Select(driver.findElement(By.id("ho-commune"))).selectByIndex(1);
        driver.findElement(By.id("handover-submit")).click();
        expectText("flash", "\"outcome\":\"CREATED\"");
    }
}
