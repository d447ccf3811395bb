package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen submits a dossier online from the procedure page and follows it; results are public. */
class CitizenBrowserTest extends BrowserTestBase {

    @Test
    void submitOnlineAndFollowIt() throws Exception {
        login("congdan");
        expectText("nav-logout", "Nguyễn Văn An");

        driver.get(url("/thu-tuc/1.000656"));
        driver.findElement(By.id("submit-online")).click();
        expectText("upload-components", "Tờ khai đăng ký khai tử");
        // nothing attached: a clear message, nothing saved
        driver.findElement(By.id("submit-dossier")).click();
        expectText("form-errors", "Chưa đính kèm");
        Path file = Files.createTempFile("giay-to", ".pdf");
        Files.writeString(file, "%PDF-1.4 giấy tờ");
        for (WebElement input : driver.findElements(By.cssSelector("#upload-components input[type=file]"))) {
            input.sendKeys(file.toAbsolutePath().toString());
        }
        driver.findElement(By.id("submit-dossier")).click();
        String flash = expectText("flash", "Đã nộp hồ sơ");
        String code = flash.replaceAll(".*Đã nộp hồ sơ (\\S+)\\..*", "$1");
        assertThat(expectText("my-dossiers", code)).contains("Chờ tiếp nhận");
        BrowserSupport.screenshot(driver, "citizen-submitted");

        driver.get(url("/thong-ke/ho-so"));
        expectText("dossier-stats", "Ủy ban nhân dân phường Long Xuyên");
    }
}
