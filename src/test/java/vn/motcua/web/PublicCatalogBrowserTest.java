package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public catalog as a citizen uses it, in a real headless browser. */
class PublicCatalogBrowserTest extends BrowserTestBase {

    @Test
    void searchWithoutDiacriticsThenOpenTheProcedure() throws Exception {
        driver.get(url("/?lang=vi"));
        driver.findElement(By.id("q")).sendKeys("ho tich");
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result-table")));
        List<String> names = driver.findElements(By.cssSelector("a.procedure-link")).stream().map(WebElement::getText).toList();
        assertThat(names).contains("Đăng ký khai sinh", "Đăng ký kết hôn");
        BrowserSupport.screenshot(driver, "search-ho-tich");

        driver.findElement(By.linkText("Đăng ký khai sinh")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-name")));
        expectText("procedure-name", "Đăng ký khai sinh");
        assertThat(driver.findElement(By.id("proc-code")).getText()).isEqualTo("1.001193");
        assertThat(driver.findElement(By.id("components")).getText()).contains("Tờ khai đăng ký khai sinh theo mẫu");
        assertThat(driver.findElement(By.id("time-limit")).getText()).isEqualTo("Trong ngày làm việc");
        assertThat(driver.findElement(By.id("implementing")).getText()).isEqualTo("Ủy ban nhân dân cấp xã");
        assertThat(driver.findElement(By.id("office-hours")).getText()).contains("07:30–11:30").contains("15:00");
        assertThat(driver.findElement(By.id("process-STANDARD")).getText()).contains("Tên bước").contains("4 giờ 48 phút").doesNotContain("4,8");
        assertThat(driver.findElement(By.id("history")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
        BrowserSupport.screenshot(driver, "procedure-page");
    }

    @Test
    void liveSearchAndFiltersUpdateTheResults() {
        driver.get(url("/thu-tuc"));
        String all = driver.findElement(By.id("result-count")).getText();
        new Select(driver.findElement(By.id("online"))).selectByValue("FULL");
        waiting().until(d -> !d.findElement(By.id("result-count")).getText().equals(all));
        waiting().until(d -> {
            List<String> badges = d.findElements(By.cssSelector("#result-table tbody .badge")).stream().map(WebElement::getText).toList();
            return !badges.isEmpty() && badges.stream().allMatch("Toàn trình"::equals);
        });
        assertThat(driver.getCurrentUrl()).contains("online=FULL");

        String filtered = driver.findElement(By.id("result-count")).getText();
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("DOANH NGHIEP TU NHAN");
        waiting().until(d -> !d.findElement(By.id("result-count")).getText().equals(filtered));
        waiting().until(d -> d.findElements(By.cssSelector("a.procedure-link")).stream().map(WebElement::getText).toList()
                .equals(List.of("Đăng ký thành lập doanh nghiệp tư nhân")));
        assertThat(driver.getCurrentUrl()).contains("online=FULL").contains("q=DOANH");
    }

    @Test
    void nothingFoundSaysSoInVietnamese() {
        driver.get(url("/thu-tuc?q=khong+co+thu+tuc+nay"));
        expectText("no-results", "Không tìm thấy thủ tục nào");
    }

    @Test
    void postingSheetShowsAQrCodeImage() throws Exception {
        driver.get(url("/thu-tuc/1.012760/niem-yet"));
        WebElement qr = driver.findElement(By.id("qr"));
        waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", qr)).intValue() > 0);
        assertThat(driver.findElement(By.tagName("h1")).getText()).containsIgnoringCase("cấp giấy chứng nhận quyền sử dụng đất lần đầu");
        assertThat(driver.findElement(By.id("components")).getText()).contains("Mẫu số 04/ĐK");
        BrowserSupport.screenshot(driver, "posting-sheet");
    }

    @Test
    void englishOnRequest() {
        driver.get(url("/thu-tuc?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Procedure catalog");
        driver.get(url("/thu-tuc?lang=vi"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Danh mục thủ tục hành chính");
    }
}
