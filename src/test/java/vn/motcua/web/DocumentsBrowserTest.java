package vn.motcua.web;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digitisation and signed results in a real browser: counter intake with scans; the same applicant's documents
 * offered and reused on a second dossier; the leader's approval that signs the result; the public verification page
 * with the signed file and with a tampered copy; the citizen's data store; the document-type catalog.
 */
class DocumentsBrowserTest extends BrowserTestBase {
    @Autowired CatalogService catalog;
    @Autowired DossierService dossiers;

    Component component(String code, int position) {
        return catalog.current(code).components().stream().filter(c -> c.position() == position).findFirst().orElseThrow();
    }

    static Path file(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p.toAbsolutePath();
    }

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    String dossierCode() {
        return driver.findElement(By.id("dossier-code")).getText().replace("Hồ sơ ", "").trim();
    }

    void fillApplicant(String idNumber) {
        type("name", "Lê Thị Số Hóa");
        type("phone", "0907654321");
        type("idNumber", idNumber);
    }

    void tickAll() {
        for (WebElement box : driver.findElements(By.cssSelector("#components-check input[type=checkbox]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
    }

    @Test
    void scansAtTheCounterThenTheSameApplicantsDocumentIsOfferedAndReusedOnASecondDossier() throws Exception {
        String idNumber = "0893" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Component form = component("1.001078", 1);
        Component identity = component("1.001078", 2);
        login("tiepnhan");
        driver.get(url("/can-bo/tiep-nhan?thuTuc=1.001078"));
        fillApplicant(idNumber);
        tickAll();
        driver.findElement(By.id("scan-" + form.id())).sendKeys(file("to-khai.pdf", pdf()).toString());
        driver.findElement(By.id("scan-" + identity.id())).sendKeys(file("cccd.png", png()).toString());
        driver.findElement(By.cssSelector("#components-check tr:nth-child(2) details summary")).click();
        type("so-" + identity.id(), idNumber);
        type("noi-cap-" + identity.id(), "Cục Cảnh sát QLHC về TTXH");
        setValue("ngay-cap-" + identity.id(), "2022-03-15");
        assertAccessible("intake form with scans");
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        assertThat(driver.findElement(By.id("digitised-" + form.id())).getText()).isEqualTo("Đã số hóa");
        assertThat(driver.findElement(By.id("digitised-" + identity.id())).getText()).isEqualTo("Đã số hóa");
        assertThat(driver.findElement(By.id("documents")).getText()).contains("cccd.png", "Bản số hóa tại bộ phận một cửa");
        assertAccessible("dossier page with scans and the digitise box");
        BrowserSupport.screenshot(driver, "dossier-scanned");

        // a second dossier, another procedure: the identity paper is offered from the store, already chosen
        Component legalPaper = component("2.001610", 2);
        driver.get(url("/can-bo/tiep-nhan?thuTuc=2.001610"));
        type("idNumber", idNumber);
        driver.findElement(By.id("lookup-store")).click();
        expectText("lookup-result", "dùng lại được cho 1 thành phần");
        WebElement offered = driver.findElement(By.cssSelector("#reuse-" + legalPaper.id() + " input[type=radio]"));
        assertThat(offered.isSelected()).isTrue();
        assertThat(driver.findElement(By.id("reuse-" + legalPaper.id())).getText()).contains("Giấy tờ tùy thân", "số " + idNumber);
        assertAccessible("intake form with a reuse offer");
        BrowserSupport.screenshot(driver, "intake-reuse-offer");
        fillApplicant(idNumber);
        tickAll();
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        assertThat(driver.findElement(By.id("digitised-" + legalPaper.id())).getText()).isEqualTo("Dùng lại từ kho dữ liệu");
        assertThat(driver.findElement(By.id("documents")).getText()).contains("Dùng lại từ kho dữ liệu");
        logout();
    }

    @Test
    void theLeadersApprovalSignsTheResultWhichTheVerificationPageAcceptsAndATamperedCopyFails() throws Exception {
        login("tiepnhan");
        driver.get(url("/can-bo/tiep-nhan?thuTuc=1.001078"));
        fillApplicant("0894" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        tickAll();
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        String code = dossierCode();
        logout();

        login("chuyenvien.stp");
        driver.get(url("/can-bo/tim?ma=" + code));
        driver.findElement(By.id("forward")).click();
        expectText("current-step", "Phê duyệt");
        logout();

        login("lanhdao.stp");
        driver.get(url("/can-bo/tim?ma=" + code));
        expectText("dossier-code", code);
        new Select(driver.findElement(By.id("outcome"))).selectByValue("GRANTED");
        type("resultText", "Phiếu lý lịch tư pháp số 901/2026");
        assertAccessible("approval with the result upload");
        driver.findElement(By.id("forward")).click();
        expectText("flash", "kết quả điện tử đã được ký số");
        String results = expectText("results", "Mã kết quả");
        assertThat(results).contains("Tải kết quả đã ký số");
        BrowserSupport.screenshot(driver, "dossier-signed-result");
        logout();

        Dossier d = dossiers.byCode(code);
        DossierFile result = dossiers.result(d).orElseThrow();
        byte[] signed = dossiers.fileContent(d, result.id()).content();
        byte[] tampered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("/MediaBox");
        tampered[at + 2] = (byte) (tampered[at + 2] ^ 0x20);

        driver.get(url("/xac-thuc"));
        driver.findElement(By.id("verify-file")).sendKeys(file("ket-qua.pdf", signed).toString());
        driver.findElement(By.id("verify-submit")).click();
        expectText("verify-verdict", "HỢP LỆ");
        assertThat(driver.findElement(By.id("verify-registered")).getText()).contains(result.resultCode(), code);
        assertThat(driver.findElement(By.id("signatures")).getText()).contains("Sở Tư pháp tỉnh An Giang");
        assertAccessible("verification page, valid file");
        BrowserSupport.screenshot(driver, "verify-valid");

        driver.findElement(By.id("verify-file")).sendKeys(file("ket-qua-sua.pdf", tampered).toString());
        driver.findElement(By.id("verify-submit")).click();
        expectText("verify-verdict", "KHÔNG HỢP LỆ");
        assertThat(driver.findElement(By.id("verify-verdict")).getText()).contains("thay đổi");
        assertAccessible("verification page, tampered file");
        BrowserSupport.screenshot(driver, "verify-tampered");

        driver.get(url("/xac-thuc/" + result.resultCode()));
        expectText("verify-verdict", "HỢP LỆ");
    }

    @Test
    void theCitizensStoreAndTheDocumentTypeCatalogAreAccessible() {
        login("congdan");
        driver.findElement(By.id("nav-store")).click();
        expectText("main", "Kho dữ liệu của tôi");
        assertAccessible("the citizen's data store");
        logout();

        login("kiemsoat");
        driver.findElement(By.id("nav-document-types")).click();
        expectText("types", "GCN_QSDD");
        new Select(driver.findElement(By.id("mapping-procedure"))).selectByValue("1.001078");
        driver.findElement(By.id("mapping-open")).click();
        expectText("mapping", "Bản chụp giấy tờ tùy thân");
        assertThat(new Select(driver.findElement(By.id("loai-ket-qua"))).getFirstSelectedOption().getText()).isEqualTo("Phiếu lý lịch tư pháp");
        assertAccessible("document types and mapping");
        driver.findElement(By.id("mapping-save")).click();
        expectText("flash", "Đã lưu ánh xạ");
        logout();
    }

    @Test
    void aCertifiedCopyIsMadeOnTheDossierPageOnlyAfterTheOriginalWasCompared() throws Exception {
        Component original = component("2.000815", 1);
        login("tiepnhan.longxuyen");
        driver.get(url("/can-bo/tiep-nhan?thuTuc=2.000815"));
        fillApplicant("0895" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        tickAll();
        driver.findElement(By.id("scan-" + original.id())).sendKeys(file("ban-chinh.png", png()).toString());
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        String code = dossierCode();
        logout();

        login("chuyenvien.longxuyen");
        driver.get(url("/can-bo/tim?ma=" + code));
        expectText("certify-box", "Chứng thực bản sao điện tử");
        assertAccessible("dossier page with the certify box");
        new Select(driver.findElement(By.id("certify-source"))).selectByVisibleText("ban-chinh.png");
        type("certify-title", "Bằng tốt nghiệp trung học phổ thông");
        driver.findElement(By.id("certify-submit")).click();
        expectText("form-errors", "đối chiếu bản chính");
        new Select(driver.findElement(By.id("certify-source"))).selectByVisibleText("ban-chinh.png");
        type("certify-title", "Bằng tốt nghiệp trung học phổ thông");
        driver.findElement(By.id("certify-compared")).click();
        driver.findElement(By.id("certify-submit")).click();
        expectText("results", "Bản sao điện tử được chứng thực");
        logout();
    }
}
