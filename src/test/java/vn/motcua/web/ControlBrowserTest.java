package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TTHC control in a real browser: the control officer's overview with its warnings; the compliance-cost calculator
 * (a refused row, a simulated simplification, the saved assessment) turned into a proposal that is submitted and
 * approved, with the tracker's charts drawn; a review plan with its progress; the decentralisation round; an internal
 * procedure published; publication timeliness; a draft regulation; an inspection with a finding; the step times mined
 * from history with their chart. Every page passes WCAG 2.1 AA and fits a 320-px phone.
 */
class ControlBrowserTest extends BrowserTestBase {

    private void chartDrawn(String id) {
        waiting().until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-drawn")));
    }

    @Test
    void theControlOfficerSimulatesASimplificationAndCarriesTheProposalToApproval() {
        login("kiemsoat");
        driver.findElement(By.id("nav-control")).click();
        expectText("warnings", "Quá hạn");
        expectText("fig-13", "1.3");
        assertAccessible("the control overview");
        driver.get(url("/kiem-soat/chi-phi?lang=vi"));
        expectText("assessments", "1.009972");
        assertAccessible("the compliance-cost page");
        new Select(driver.findElement(By.id("calc-code"))).selectByValue("1.001078");
        driver.findElement(By.id("calc-open")).click();
        assertThat(driver.findElement(By.id("description_0")).getAttribute("value")).startsWith("Tìm hiểu thủ tục");
        assertAccessible("the calculator");
        type("c-subjects", "18000");
        type("hours_0", "nhiều");
        driver.findElement(By.id("calc-compute")).click();
        expectText("form-errors", "Số giờ (dòng 1) phải là số");
        type("hours_0", "3");
        type("hoursAfter_0", "1");
        driver.findElement(By.id("drop_1")).click();
        driver.findElement(By.id("calc-compute")).click();
        String result = expectText("calc-result", "Tiết kiệm/lần");
        assertThat(result).contains("Chi phí hằng năm");
        assertAccessible("the calculator with its result");
        driver.findElement(By.id("calc-save")).click();
        expectText("flash", "Đã lưu bản đánh giá");
        expectText("lines-after", "Cộng");
        assertAccessible("a saved assessment");
        String assessmentUrl = driver.getCurrentUrl();
        String assessmentId = assessmentUrl.replaceAll(".*/chi-phi/(\\d+).*", "$1");

        driver.findElement(By.id("a-propose")).click();
        chartDrawn("cut-chart");
        chartDrawn("count-chart");
        expectText("tracker-total", "Toàn tỉnh");
        assertAccessible("the simplification tracker with its charts");
        // the form comes prefilled from the assessment
        assertThat(driver.findElement(By.id("pr-code")).getAttribute("value")).isEqualTo("1.001078");
        assertThat(new Select(driver.findElement(By.id("pr-assessment"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(assessmentId);
        type("pr-content", "Nộp trực tuyến toàn trình, bỏ bản sao giấy tờ cư trú");
        type("pr-time", "99");
        driver.findElement(By.id("proposal-submit")).click();
        expectText("form-errors", "không được dài hơn hiện nay");
        assertThat(driver.findElement(By.id("pr-content")).getAttribute("value")).startsWith("Nộp trực tuyến toàn trình");
        type("pr-time", "8");
        driver.findElement(By.id("proposal-submit")).click();
        expectText("flash", "Đã lập phương án");
        expectText("p-status", "Dự thảo");
        expectText("p-cost", "%");
        assertAccessible("a drafted proposal");
        driver.findElement(By.id("p-submit")).click();
        expectText("p-status", "Đã trình");
        type("approve-ref", "2999/QĐ-UBND");
        driver.findElement(By.id("p-approve")).click();
        expectText("p-status", "Đã thông qua");
        assertAccessible("an approved proposal");
        logout();
    }

    @Test
    void reviewPlansTheDecentralisationRoundAndInternalProcedures() {
        login("kiemsoat");
        driver.get(url("/kiem-soat/ra-soat?lang=vi"));
        expectText("plans", "45/KH-UBND");
        assertAccessible("review plans");
        type("plan-reference", "KH-TRINH-DUYET");
        type("plan-title", "Rà soát thủ tục lĩnh vực hộ tịch");
        new Select(driver.findElement(By.id("plan-owner"))).selectByVisibleText("Sở Tư pháp tỉnh An Giang");
        driver.findElement(By.id("plan-submit")).click();
        expectText("flash", "Đã lập kế hoạch");
        new Select(driver.findElement(By.id("item-code"))).selectByValue("1.001193");
        new Select(driver.findElement(By.id("item-agency"))).selectByVisibleText("Sở Tư pháp tỉnh An Giang");
        setValue("item-due", "2026-12-20");
        driver.findElement(By.id("item-submit")).click();
        expectText("flash", "Đã thêm nội dung");
        expectText("items", "Đăng ký khai sinh");
        driver.findElement(By.cssSelector("#items details summary")).click();
        driver.findElement(By.cssSelector("#items input[name=progress]")).clear();
        driver.findElement(By.cssSelector("#items input[name=progress]")).sendKeys("60");
        driver.findElement(By.cssSelector("#items form button")).click();
        expectText("plan-progress", "60%");
        assertAccessible("a review plan with an item in progress");

        driver.get(url("/kiem-soat/phan-cap?lang=vi"));
        expectText("dc-summary", "Đã rà soát");
        assertAccessible("the decentralisation round");
        assertThat(driver.findElement(By.id("dc-xlsx")).getAttribute("href")).contains("phan-cap.xlsx");

        driver.get(url("/kiem-soat/noi-bo?lang=vi"));
        expectText("internals", "NB.AG.01");
        assertAccessible("internal procedures");
        type("in-code", "NB.TRINH.01");
        type("in-name", "Lấy ý kiến dự thảo quyết định công bố");
        type("in-field", "Kiểm soát thủ tục hành chính");
        new Select(driver.findElement(By.id("in-agency"))).selectByVisibleText("Văn phòng Ủy ban nhân dân tỉnh An Giang");
        type("in-limit", "5");
        type("in-steps", "1. Gửi dự thảo\n2. Góp ý");
        type("in-components", "Dự thảo quyết định");
        type("in-basis", "Thông tư 02/2017/TT-VPCP");
        driver.findElement(By.id("internal-submit")).click();
        expectText("flash", "Đã thêm dự thảo thủ tục nội bộ");
        type("pub-number", "3001/QĐ-UBND");
        setValue("pub-on", "2026-11-30");
        driver.findElement(By.id("publish")).click();
        expectText("flash", "Đã công bố");
        expectText("versions", "3001/QĐ-UBND");
        assertAccessible("a published internal procedure");
        logout();
    }

    @Test
    void publicationDraftsInspectionsAndStepTimes() {
        login("kiemsoat");
        driver.get(url("/kiem-soat/cong-bo?lang=vi"));
        expectText("pub-items", "2890/QĐ-UBND");
        expectText("pf-11", "1.1");
        assertAccessible("publication timeliness");
        type("w-ref", "Thông tư 99/2026/TT-BTP");
        type("w-title", "Sửa đổi thủ tục chứng thực");
        new Select(driver.findElement(By.id("w-agency"))).selectByVisibleText("Sở Tư pháp tỉnh An Giang");
        setValue("w-effective", "2027-01-15");
        type("w-count", "2");
        driver.findElement(By.id("watch-submit")).click();
        expectText("flash", "Đã thêm văn bản");
        expectText("pub-items", "Thông tư 99/2026/TT-BTP");

        driver.get(url("/kiem-soat/du-thao?lang=vi"));
        expectText("drafts", "hỗ trợ đầu tư");
        assertAccessible("draft regulations");
        type("dr-title", "Quyết định quy định thủ tục cấp phép kiểm thử");
        new Select(driver.findElement(By.id("dr-agency"))).selectByVisibleText("Sở Tư pháp tỉnh An Giang");
        type("dr-nec", "Cần thiết");
        type("dr-rea", "Hợp lý");
        type("dr-leg", "Hợp pháp");
        type("dr-cost", "200.000 đồng/hồ sơ");
        setValue("dr-reg", "2026-12-01");
        setValue("dr-od", "2026-11-20");
        driver.findElement(By.id("draft-submit")).click();
        expectText("form-errors", "Hạn có ý kiến không được trước ngày đăng ký");
        assertThat(driver.findElement(By.id("dr-title")).getAttribute("value")).isEqualTo("Quyết định quy định thủ tục cấp phép kiểm thử");
        setValue("dr-od", "");
        driver.findElement(By.id("draft-submit")).click();
        expectText("flash", "Đã đăng ký dự thảo");
        type("l-code", "1.013001");
        driver.findElement(By.id("link-submit")).click();
        expectText("d-procedures", "Chưa có trong danh mục TTHC");
        type("d-text", "Thống nhất nội dung thủ tục");
        driver.findElement(By.id("d-step")).click();
        expectText("d-status", "chờ thẩm định");
        assertAccessible("a draft regulation after the office's opinion");

        driver.get(url("/kiem-soat/kiem-tra-don-vi?lang=vi"));
        expectText("inspections", "Ủy ban nhân dân phường Long Xuyên");
        assertAccessible("inspections");
        driver.findElement(By.partialLinkText("Long Xuyên")).click();
        expectText("findings", "Niêm yết TTHC chưa đủ mã QR");
        assertAccessible("an inspection with its findings");

        driver.get(url("/kiem-soat/thoi-gian-buoc?lang=vi"));
        new Select(driver.findElement(By.id("st-code"))).selectByValue("1.001193");
        driver.findElement(By.id("steps-show")).click();
        expectText("steps-summary", "hồ sơ");
        expectText("steps-table", "Phân vị 90");
        chartDrawn("steps-chart");
        assertAccessible("step times with their chart");
        driver.findElement(By.id("steps-propose")).click();
        assertThat(driver.findElement(By.id("pr-code")).getAttribute("value")).isEqualTo("1.001193");
        logout();
    }
}
