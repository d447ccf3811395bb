package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen submits a dossier online, keeps the chosen files after a mistake, follows it in "my dossiers", and
 * sends the supplement the handling agency asks for; the officers see it come back with its time limit restarted.
 */
class CitizenBrowserTest extends BrowserTestBase {

    static Path pdf(String name) throws Exception {
        Path file = Files.createTempFile(name, ".pdf");
        Files.writeString(file, "%PDF-1.4 giấy tờ");
        return file;
    }

    @Test
    void submitOnlineFollowItAndSendTheSupplement() throws Exception {
        login("congdan");
        expectText("nav-logout", "Nguyễn Văn An");

        driver.get(url("/thu-tuc/1.001078"));
        driver.findElement(By.id("submit-online")).click();
        expectText("upload-components", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp");
        assertAccessible("online submission");
        // the blank template of the declaration can be downloaded
        assertThat(driver.findElements(By.cssSelector("#upload-components a[id^=template-]"))).isNotEmpty();
        // documents of congdan's data store may be offered (other tests and the demo keep some): this test attaches files
        driver.findElements(By.cssSelector("input[type=radio][id$=-khong]")).forEach(org.openqa.selenium.WebElement::click);
        // nothing attached: a clear message, nothing saved
        driver.findElement(By.id("submit-dossier")).click();
        expectText("form-errors", "Chưa đính kèm");
        // one file chosen, the other forgotten: the chosen one is kept for the next attempt
        Path file = pdf("giay-to");
        driver.findElements(By.cssSelector("#upload-components input[type=file]")).get(0).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("submit-dossier")).click();
        expectText("form-errors", "Chưa đính kèm");
        assertThat(driver.findElement(By.id("upload-components")).getText()).contains("Giữ tệp đã chọn: " + file.getFileName());
        driver.findElements(By.cssSelector("#upload-components input[type=file]")).get(1).sendKeys(file.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("receivingAgencyId"))).selectByVisibleText("Trung tâm Phục vụ hành chính công tỉnh An Giang");
        driver.findElement(By.id("submit-dossier")).click();
        String flash = expectText("flash", "Đã nộp hồ sơ");
        String code = flash.replaceAll(".*Đã nộp hồ sơ (\\S+)\\. .*", "$1");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Chờ tiếp nhận");
        assertThat(driver.findElement(By.id("my-files")).getText()).contains(file.getFileName().toString());
        assertAccessible("my dossier page");
        // the criminal-record fee has two rates: the applicant says which applies, then pays on the payment platform's page
        expectText("payment-wait", "sau khi");
        type("q-1", "1");
        driver.findElement(By.id("payment-request")).click();
        expectText("flash", "Đã tạo yêu cầu thanh toán");
        driver.findElement(By.cssSelector("button[id^=pay-online-]")).click();
        expectText("sim-amount", "200.000");
        driver.findElement(By.id("sim-pay")).click();
        expectText("payment-result-status", "Đã thanh toán");
        driver.get(url("/ho-so-cua-toi"));
        assertThat(expectText("my-dossiers", code)).contains("Chờ tiếp nhận");
        logout();

        // the province's centre receives it; the handling agency asks for a supplement
        login("tiepnhan");
        driver.get(url("/can-bo/tim?ma=" + code));
        expectText("dossier-code", code);
        new Select(driver.findElement(By.id("intake-decision"))).selectByValue("ACCEPT");
        driver.findElement(By.id("intake-decide")).click();
        expectText("status", "Đang giải quyết");
        logout();
        login("chuyenvien.stp");
        driver.get(url("/can-bo/tim?ma=" + code));
        expectText("dossier-code", code);
        WebElement reason = driver.findElements(By.cssSelector("#supplement-box input[id^=sup-]")).get(1);
        reason.sendKeys("Ảnh chụp căn cước bị mờ");
        driver.findElement(By.id("request-supplement")).click();
        expectText("status", "Chờ bổ sung");
        assertThat(driver.findElement(By.id("deadline")).getText()).contains("Dừng tính thời hạn");
        logout();

        // the citizen sees the request, downloads it and sends the supplement
        login("congdan");
        driver.get(url("/ho-so-cua-toi"));
        driver.findElement(By.linkText(code)).click();
        assertThat(expectText("supplement-box", "Ảnh chụp căn cước bị mờ")).contains("Đặng Văn Hùng");
        assertThat(driver.findElement(By.id("my-forms")).getText()).contains("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(driver.findElement(By.id("my-history")).getText()).contains("Yêu cầu bổ sung");
        assertAccessible("supplement request seen by the citizen");
        driver.findElement(By.cssSelector("#supplement-form input[type=file]")).sendKeys(pdf("anh-ro").toAbsolutePath().toString());
        driver.findElement(By.id("send-supplement")).click();
        expectText("flash", "Đã gửi hồ sơ bổ sung");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đang giải quyết");
        assertThat(driver.findElement(By.id("my-history")).getText()).contains("Nhận hồ sơ bổ sung");
        BrowserSupport.screenshot(driver, "citizen-supplemented");
        logout();

        login("chuyenvien.stp");
        driver.get(url("/can-bo/tim?ma=" + code));
        assertThat(expectText("history", "tính lại từ đầu")).contains("Đã nhận đủ hồ sơ bổ sung");
        assertThat(driver.findElement(By.id("supplements")).getText()).contains("Đã nhận bổ sung");
        logout();

        driver.get(url("/thong-ke/ho-so"));
        expectText("dossier-stats", "Sở Tư pháp tỉnh An Giang");
        assertAccessible("dossier statistics");
    }
}
