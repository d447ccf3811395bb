package vn.motcua.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.IntegrationTest;

import java.time.Duration;

/** One headless browser per test class, against the application on its random port. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    @LocalServerPort int port;
    WebDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        driver = BrowserSupport.start();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        // htmx swaps content in place, so an element read a moment ago may be gone: look again
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    /** Logs in through the login page and waits for the logged-in page. */
    void login(String username) {
        driver.get(url("/dang-nhap?lang=vi"));
        type("username", username);
        type("password", "MotCua@2026");
        driver.findElement(By.id("login-submit")).click();
        expectText("nav-logout", "Đăng xuất");
    }

    void logout() {
        driver.findElement(By.id("nav-logout")).click();
        expectText("nav-login", "Đăng nhập");
    }

    /** Waits until the element (on the page a click is loading) shows the text; returns the whole text. */
    String expectText(String id, String text) {
        waiting().until(d -> !d.findElements(By.id(id)).isEmpty() && d.findElement(By.id(id)).getText().contains(text));
        return driver.findElement(By.id(id)).getText();
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Sets an input as the browser stores it (dates, decimals), whatever the locale's display format. */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
