package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 766 index in a real browser: a leader's dashboard with its four charts drawn, a unit chosen from the ranking, the
 * drill-down from a lost point to the dossiers behind it and on to a dossier; the public summary without a login; the
 * settings page with a refused value. Every page passes WCAG 2.1 AA and fits a 320-px phone.
 */
class QualityBrowserTest extends BrowserTestBase {

    private void chartDrawn(String id) {
        waiting().until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-drawn")));
    }

    @Test
    void aLeaderFollowsALostPointToTheDossiersBehindIt() {
        login("lanhdao.stp");
        driver.findElement(By.id("nav-index")).click();
        expectText("qi-total", "Toàn tỉnh");
        new Select(driver.findElement(By.id("qi-unit"))).selectByVisibleText("Toàn tỉnh");
        driver.findElement(By.id("qi-period")).clear();
        driver.findElement(By.id("qi-period")).sendKeys("2026-11");
        driver.findElement(By.id("qi-show")).click();
        expectText("qi-total-title", "Tháng 11/2026");
        for (String chart : List.of("qi-groups-chart", "qi-trend-chart", "qi-ranking-chart", "qi-late-chart", "qi-fields-chart")) {
            chartDrawn(chart);
        }
        expectText("qi-indicators", "2.1");
        assertThat(driver.findElement(By.id("qi-score")).getText()).matches("\\d+(,\\d+)?");
        assertAccessible("the index dashboard");
        // a unit from the ranking
        List<WebElement> units = driver.findElements(By.cssSelector("#qi-ranking tbody a"));
        assertThat(units).isNotEmpty();
        String unitName = units.get(0).getText();
        units.get(0).click();
        expectText("qi-total-title", unitName);
        // from a lost point of the leader's own department to its dossiers
        new Select(driver.findElement(By.id("qi-unit"))).selectByVisibleText("Sở Tư pháp tỉnh An Giang");
        driver.findElement(By.id("qi-period")).clear();
        driver.findElement(By.id("qi-period")).sendKeys("2026-11");
        driver.findElement(By.id("qi-show")).click();
        expectText("qi-total-title", "Sở Tư pháp");
        WebElement dossierLink = driver.findElements(By.cssSelector("a[id^='qi-explain-']")).stream()
                .filter(a -> a.getText().contains("hồ sơ")).findFirst().orElseThrow();
        dossierLink.click();
        expectText("qi-lost-list-title", "hồ sơ làm mất điểm");
        assertAccessible("a drill-down to dossiers");
        WebElement first = driver.findElement(By.cssSelector("#qi-lost-dossiers tbody a"));
        String code = first.getText();
        first.click();
        waiting().until(d -> d.getPageSource().contains(code));
        assertThat(driver.getCurrentUrl()).contains("/can-bo/ho-so/");
        logout();
    }

    @Test
    void thePublicSummaryAndTheSettings() {
        driver.get(url("/?lang=vi"));
        driver.findElement(By.id("nav-index-public")).click();
        expectText("qp-total", "Toàn tỉnh");
        chartDrawn("qp-groups-chart");
        chartDrawn("qp-ranking-chart");
        assertThat(driver.getPageSource()).doesNotContain("/can-bo/ho-so/");
        assertAccessible("the public index summary");

        login("kiemsoat");
        driver.get(url("/chi-so/cau-hinh?lang=vi"));
        expectText("qi-settings", "2.1");
        assertAccessible("the index settings");
        type("thr-3-3", "150");
        driver.findElement(By.id("save-3-3")).click();
        expectText("form-errors", "Ngưỡng phải lớn hơn 0");
        assertThat(driver.findElement(By.id("thr-3-3")).getAttribute("value")).isEqualTo("50.00");
        driver.get(url("/chi-so?lang=en"));
        expectText("qi-indicators-title", "Points of each indicator");
        assertAccessible("the index dashboard in English");
        driver.get(url("/chi-so?lang=vi"));
        logout();
    }
    @Test
    void theMondayReviewAndTheReports() {
        login("lanhdao.stp");
        driver.get(url("/chi-so/tuan?lang=vi"));
        expectText("wk-summary-title", "Tuần từ");
        assertAccessible("the Monday review of a unit");
        type("tk-what", "Nhắc chuyên viên trả kết quả điện tử trong ngày");
        driver.findElement(By.id("tk-add")).click();
        expectText("flash", "Đã giao việc khắc phục");
        expectText("wk-tasks", "Nhắc chuyên viên trả kết quả điện tử");
        if (!absent(By.id("wk-reviewed"))) {
            type("wk-note", "Tập trung xử lý hồ sơ sắp đến hạn.");
            driver.findElement(By.id("wk-reviewed")).click();
            expectText("wk-review", "Đã kiểm tra, chỉ đạo");
        }
        assertAccessible("the Monday review after it was recorded");
        driver.get(url("/chi-so/bao-cao?lang=vi"));
        expectText("report-list", "Biểu 06");
        assertAccessible("the reports");
        driver.findElement(By.cssSelector("#report-list tbody a")).click();
        expectText("report-head", "Quý");
        assertAccessible("a Biểu 06 report");
        logout();

        login("kiemsoat");
        driver.get(url("/chi-so/tuan?lang=vi"));
        expectText("wk-status", "Sở Tư pháp");
        assertAccessible("the province's view of the Monday reviews");
        // a report of another form, made from the reports page: its own columns, grouped as the form has them
        driver.get(url("/chi-so/bao-cao?lang=vi"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rp-form"))).selectByValue("ONLINE");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rp-unit"))).selectByIndex(1);
        driver.findElement(By.id("rp-create")).click();
        expectText("report-title", "môi trường điện tử");
        expectText("report-table", "Đồng bộ Cổng DVCQG");
        assertAccessible("a report on the electronic environment");
        driver.get(driver.getCurrentUrl().replace("lang=vi", "") + (driver.getCurrentUrl().contains("?") ? "&" : "?") + "lang=en");
        expectText("report-table", "Paid online");
        driver.get(url("/chi-so/bao-cao?lang=vi"));
        logout();
    }
}
