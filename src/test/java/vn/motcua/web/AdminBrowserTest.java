package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalog.CatalogService;

import static org.assertj.core.api.Assertions.assertThat;

/** A TTHC-control officer logs in, drafts a procedure, is told what is wrong, fixes it and publishes. */
class AdminBrowserTest extends BrowserTestBase {
    @Autowired CatalogService catalog;

    void fillDecision() {
        type("number", "3401/QĐ-UBND");
        type("title", "Công bố thủ tục hành chính mới lĩnh vực xây dựng");
        setValue("signedOn", "2026-11-18");
        setValue("effectiveOn", "2026-11-20");
    }

    @Test
    void draftValidateAndPublishAProcedure() throws Exception {
        driver.get(url("/dang-nhap?lang=vi"));
        type("username", "kiemsoat");
        type("password", "wrong-password");
        driver.findElement(By.id("login-submit")).click();
        expectText("login-error", "không đúng");
        login("kiemsoat");
        expectText("nav-logout", "Lê Thị Thu Hà");

        driver.get(url("/quan-tri/thu-tuc"));
        driver.findElement(By.id("new-procedure")).click();
        type("code", "1.077001");
        type("name", "Cấp phép hoạt động thử nghiệm trên trình duyệt");
        new Select(driver.findElement(By.id("fieldId"))).selectByVisibleText("Hoạt động xây dựng");
        new Select(driver.findElement(By.id("level"))).selectByValue("PROVINCE");
        new Select(driver.findElement(By.id("agencyId"))).selectByVisibleText("Sở Xây dựng tỉnh An Giang");
        type("implementingAgency", "Sở Xây dựng");
        driver.findElement(By.id("byOnline")).click();
        new Select(driver.findElement(By.id("onlineLevel"))).selectByValue("FULL");
        type("timeLimitDays", "5");
        setValue("onlineTimeLimitDays", "4.5");
        type("steps", "Nộp hồ sơ; nhận kết quả.");
        type("subjects", "Doanh nghiệp");
        type("resultType", "Giấy phép");
        type("legalBasis", "Luật Xây dựng 2014");
        type("component-0", "Đơn đề nghị cấp phép");
        type("feesNote", "Không thu phí, lệ phí.");
        type("step-0", "Tiếp nhận");
        driver.findElement(By.name("process[0].responsible")).sendKeys("Trung tâm PVHCC tỉnh");
        new Select(driver.findElement(By.name("process[0].role"))).selectByValue("RECEIVING_OFFICER");
        type("hours-0", "4");
        driver.findElement(By.id("save-draft")).click();
        // 4.5 days online is not 20% shorter than 5 days
        assertThat(expectText("form-errors", "ít nhất 20%")).contains("tối đa 4 ngày");
        BrowserSupport.screenshot(driver, "admin-validation");
        type("onlineTimeLimitDays", "4");
        driver.findElement(By.id("save-draft")).click();
        expectText("flash", "Đã lưu dự thảo");

        // publishing needs an online process too
        driver.findElement(By.id("go-publish")).click();
        fillDecision();
        driver.findElement(By.id("publish-submit")).click();
        expectText("form-errors", "quy trình nội bộ cho hồ sơ nộp trực tuyến");

        driver.findElement(By.linkText("← Quay lại dự thảo")).click();
        int row = driver.findElements(By.cssSelector("#step-rows tbody tr")).size() - 1;
        new Select(driver.findElement(By.name("process[" + row + "].variant"))).selectByValue("ONLINE");
        type("step-" + row, "Tiếp nhận trực tuyến");
        driver.findElement(By.name("process[" + row + "].responsible")).sendKeys("Trung tâm PVHCC tỉnh");
        new Select(driver.findElement(By.name("process[" + row + "].role"))).selectByValue("RECEIVING_OFFICER");
        type("hours-" + row, "2");
        driver.findElement(By.id("save-draft")).click();
        expectText("flash", "Đã lưu dự thảo");
        driver.findElement(By.id("go-publish")).click();
        fillDecision();
        driver.findElement(By.id("publish-submit")).click();
        assertThat(expectText("flash", "Đã công bố phiên bản 1")).contains("3401/QĐ-UBND");
        assertThat(catalog.current("1.077001").onlineTimeLimitDays()).isEqualByComparingTo("4");

        driver.get(url("/thu-tuc?q=thu+nghiem+tren+trinh+duyet"));
        expectText("result-table", "1.077001");
        logout();
    }
}
