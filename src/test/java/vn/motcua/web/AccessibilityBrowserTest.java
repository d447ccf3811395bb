package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every page that matters, as each of its users sees it, passes axe-core's WCAG 2.1 A and AA rules, fits a
 * 320-pixel phone screen, offers a skip link, and has an English version.
 */
class AccessibilityBrowserTest extends BrowserTestBase {

    void check(String path) {
        driver.get(url(path));
        waiting().until(d -> !d.findElements(By.id("main")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("a.skip")).getAttribute("href")).endsWith("#main");
        assertAccessible(path);
    }

    /** The check itself: a page with an image without text, an unlabelled field and pale text fails it, naming each. */
    @Test
    void theCheckFindsViolations() {
        driver.get("data:text/html;charset=utf-8,<!doctype html><html lang='vi'><head><title>x</title></head><body><main>"
                + "<img src='data:,'><input type='text'><p style='color:%23ccc;background:%23fff'>nhạt</p></main></body></html>");
        assertThatThrownBy(() -> assertAccessible("a page made wrong")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt").hasMessageContaining("label").hasMessageContaining("color-contrast");
    }

    @Test
    void publicPages() {
        driver.get(url("/?lang=vi"));
        assertThat(driver.findElement(By.id("main")).getText()).doesNotContain("Bạn đã đăng xuất");
        for (String path : List.of("/", "/thu-tuc", "/thu-tuc?q=ho+tich", "/thu-tuc/1.001193", "/thu-tuc/1.001193/niem-yet", "/thong-ke/cong-bo",
                "/thong-ke/ho-so", "/tra-cuu", "/dang-nhap", "/dang-ky")) {
            check(path);
        }
    }

    @Test
    void officersPages() {
        login("tiepnhan");
        for (String path : List.of("/can-bo", "/can-bo?hang=FINISHED", "/can-bo/tiep-nhan?q=khai+sinh", "/can-bo/tiep-nhan?thuTuc=1.001193",
                "/can-bo/so-theo-doi")) {
            check(path);
        }
        driver.get(url("/can-bo?hang=FINISHED"));
        driver.get(driver.findElements(By.cssSelector("a.dossier-link")).get(0).getAttribute("href"));
        waiting().until(d -> !d.findElements(By.id("history")).isEmpty());
        assertAccessible("a finished dossier");
        logout();
        login("lanhdao.stp");
        driver.get(url("/can-bo?hang=MY_STEP"));
        driver.get(driver.findElements(By.cssSelector("a.dossier-link")).get(0).getAttribute("href"));
        waiting().until(d -> !d.findElements(By.id("history")).isEmpty());
        assertAccessible("a dossier at the leader");
        logout();
    }

    @Test
    void adminAndControlPages() {
        login("quantri");
        for (String path : List.of("/quan-tri/thu-tuc", "/quan-tri/thu-tuc/moi", "/quan-tri/don-vi", "/quan-tri/tai-khoan", "/quan-tri/lich",
                "/quan-tri/quy-tac", "/quan-tri/su-kien")) {
            check(path);
        }
        driver.get(url("/quan-tri/don-vi"));
        driver.findElement(By.id("edit-details")).click();
        waiting().until(d -> !d.findElements(By.id("agency-details")).isEmpty());
        assertAccessible("a unit's details being edited");
        logout();
    }

    @Test
    void citizensPages() {
        login("congdan");
        check("/ho-so-cua-toi");
        driver.get(driver.findElements(By.cssSelector("a.my-dossier-link")).get(0).getAttribute("href"));
        waiting().until(d -> !d.findElements(By.id("my-history")).isEmpty());
        assertAccessible("a citizen's dossier");
        check("/nop-ho-so/1.001193");
        logout();
    }

    @Test
    void englishModeTranslatesTheWorkPages() {
        login("tiepnhan");
        driver.get(url("/can-bo?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dossier work");
        driver.get(url("/can-bo/tiep-nhan?thuTuc=1.001193&lang=en"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("Check the components").doesNotContain("Kiểm tra thành phần hồ sơ");
        driver.get(url("/can-bo/so-theo-doi?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dossier book");
        driver.get(url("/tra-cuu?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Track a dossier");
        driver.get(url("/thong-ke/ho-so?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dossiers handled per agency");
        driver.get(url("/?lang=vi"));
        logout();
        login("quantri");
        driver.get(url("/quan-tri/thu-tuc?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Managing administrative procedures");
        driver.get(url("/quan-tri/don-vi?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Agency tree");
        driver.get(url("/quan-tri/quy-tac?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Legal rule sets by effective date");
        driver.get(url("/?lang=vi"));
        logout();
    }

    @Test
    void feesAndNotificationPagesInEnglish() {
        login("ketoan");
        check("/ke-toan?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fees and charges");
        check("/ke-toan/doanh-thu?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fees and charges collected");
        driver.get(url("/?lang=vi"));
        logout();
        login("kiemsoat");
        check("/quan-tri/thu-phi?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fees and charges: when paid, collecting accounts");
        check("/quan-tri/mau-thong-bao/RECEIVED?lang=en");
        assertThat(driver.findElement(By.id("main")).getText()).contains("Dossier code").contains("Preview (example dossier)")
                .doesNotContain("Tên người nộp hồ sơ");
        driver.get(url("/?lang=vi"));
        logout();
        login("congdan");
        check("/ho-so-cua-toi/thong-bao?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Notifications about my dossiers");
        driver.get(url("/?lang=vi"));
        logout();
    }
}
