package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** A birth registration from the counter to the citizen, through the officers' pages in a real browser. */
class DossierJourneyBrowserTest extends BrowserTestBase {

    void openDossier(String code) {
        driver.get(url("/can-bo/tim?ma=" + code));
        expectText("dossier-code", code);
    }

    @Test
    void birthRegistrationFromCounterToCitizen() throws Exception {
        login("tiepnhan.longxuyen");
        driver.findElement(By.id("nav-work")).click();
        driver.findElement(By.id("new-intake")).click();
        type("procedure-q", "khai sinh");
        driver.findElement(By.cssSelector("#choose-procedure button")).click();
        driver.findElement(By.partialLinkText("1.001193")).click();
        type("name", "Trần Văn Bình");
        type("phone", "0987001122");
        type("idNumber", "089201005566");
        // two components missing: accepting is refused with the list of what is missing
        driver.findElements(By.cssSelector("#components-check input[type=checkbox]")).get(0).click();
        driver.findElement(By.id("intake-submit")).click();
        assertThat(expectText("form-errors", "còn 2 thành phần thiếu hoặc chưa đạt")).contains("Giấy chứng sinh");
        assertAccessible("intake form with errors");
        for (WebElement box : driver.findElements(By.cssSelector("#components-check input[type=checkbox]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        driver.findElement(By.id("intake-submit")).click();
        expectText("flash", "Đang giải quyết");
        String code = driver.findElement(By.id("dossier-code")).getText().replace("Hồ sơ ", "").trim();
        assertThat(driver.findElement(By.id("forms")).getText()).contains("Mẫu số 01. Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(driver.findElement(By.id("due")).getText()).contains("Trong ngày làm việc");
        assertAccessible("dossier page");
        BrowserSupport.screenshot(driver, "dossier-received");
        logout();

        login("chuyenvien.longxuyen");
        driver.get(url("/can-bo?hang=MY_STEP"));
        assertThat(driver.findElement(By.id("queue")).getText()).contains(code);
        openDossier(code);
        driver.findElement(By.id("forward")).click();
        expectText("current-step", "Phê duyệt");
        logout();

        login("lanhdao.longxuyen");
        openDossier(code);
        driver.findElement(By.id("forward")).click();
        expectText("form-errors", "Chưa ghi kết quả giải quyết");
        new Select(driver.findElement(By.id("outcome"))).selectByValue("GRANTED");
        type("resultText", "Giấy khai sinh số 102/2026");
        driver.findElement(By.id("forward")).click();
        expectText("result", "Giấy khai sinh số 102/2026");
        logout();

        login("tiepnhan.longxuyen");
        openDossier(code);
        new Select(driver.findElement(By.id("delivery"))).selectByValue("COUNTER");
        driver.findElement(By.id("return-result")).click();
        expectText("status", "Đã trả kết quả");
        assertThat(driver.findElement(By.id("deadline")).getText()).isEqualTo("Hoàn thành đúng hạn");
        assertThat(driver.findElement(By.id("history")).getText()).contains("Tiếp nhận, hẹn trả kết quả").contains("Phê duyệt, ký kết quả")
                .contains("Trả kết quả");
        BrowserSupport.screenshot(driver, "dossier-returned");
        String secret = driver.findElement(By.id("tracking-secret")).getText();
        logout();

        driver.get(url("/tra-cuu"));
        type("ma", code);
        type("bimat", secret);
        type("kiemtra", "1122");
        driver.findElement(By.id("track-submit")).click();
        expectText("track-status", "Đã trả kết quả");
        assertThat(driver.findElement(By.id("track-steps")).getText()).contains("Trả kết quả");
        type("bimat", secret);
        type("kiemtra", "9999");
        driver.findElement(By.id("track-submit")).click();
        expectText("track-error", "Không tìm thấy hồ sơ");
        assertAccessible("tracking page");
    }
}
