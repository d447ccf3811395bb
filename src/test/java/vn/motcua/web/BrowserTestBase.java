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

/**
 * Browser tests against the application on its random port. One headless browser serves every test class of the run
 * (started by the first, its cookies cleared between classes, closed when the JVM ends).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    @LocalServerPort int port;
    WebDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        driver = BrowserSupport.shared();
    }

    @AfterAll
    void forgetSession() {
        if (driver != null) {
            BrowserSupport.reset(driver);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        // htmx swaps content in place, so an element read a moment ago may be gone: look again
        return (WebDriverWait) new LookingAgainWait(driver).pollingEvery(Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class);
    }

    /**
     * A wait that also looks again when chromedriver answers about a node of the page a click is replacing with a
     * generic error instead of a stale element (DocumentsBrowserTest failed so once).
     */
    private static final class LookingAgainWait extends WebDriverWait {
        LookingAgainWait(WebDriver driver) {
            super(driver, Duration.ofSeconds(10));
        }

        @Override
        public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> condition) {
            return super.until(d -> {
                try {
                    return condition.apply(d);
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                        return null; // not yet
                    }
                    throw e;
                }
            });
        }
    }

    /** Whether the page shows no element found by the locator, asked without the implicit wait for it to appear. */
    boolean absent(By locator) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(locator).isEmpty();
        } finally {
            driver.manage().timeouts().implicitlyWait(BrowserSupport.IMPLICIT_WAIT);
        }
    }

    /**
     * Logs in as the login page does (its form posted with its CSRF token, the second factor for the administrator) by
     * HTTP from the test, hands the session's cookie to the browser and opens the home page in Vietnamese, logged in.
     * The form itself is driven by {@link #loginWithForm} (SecurityBrowserTest); here it would cost each test a page,
     * its typing and a redirect.
     */
    void login(String username) {
        vn.motcua.Browser http = new vn.motcua.Browser();
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("username", username, "password", "MotCua@2026"));
        if (username.equals("quantri")) {
            form.put("otp", vn.motcua.TestLogins.freshAdminCode());
        }
        try {
            http.get(url("/dang-nhap?lang=vi"));
            var answer = http.postForm(url("/dang-nhap"), form);
            org.assertj.core.api.Assertions.assertThat(answer.headers().firstValue("Location").orElse(""))
                    .as(username + " logged in").doesNotContain("/dang-nhap");
        } catch (Exception e) {
            throw new IllegalStateException("logging in " + username + " by HTTP failed", e);
        }
        String session = http.cookie("SESSION").orElseThrow(() -> new AssertionError("no session cookie after logging in " + username));
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Network.setCookie", java.util.Map.of("name", "SESSION",
                "value", session, "url", url("/"), "httpOnly", true, "sameSite", "Lax"));
        driver.get(url("/?lang=vi")); // in Vietnamese, as the login page opened with ?lang=vi leaves the browser
        expectText("nav-logout", "Đăng xuất");
    }

    /** Logs in through the login page, typing as a person does, and waits for the logged-in page. */
    void loginWithForm(String username) {
        driver.get(url("/dang-nhap?lang=vi"));
        type("username", username);
        type("password", "MotCua@2026");
        if (username.equals("quantri")) {
            type("otp", vn.motcua.TestLogins.freshAdminCode());
        }
        driver.findElement(By.id("login-submit")).click();
        expectText("nav-logout", "Đăng xuất");
    }

    void logout() {
        driver.findElement(By.id("nav-logout")).click();
        expectText("nav-login", "Đăng nhập");
    }

    /** Waits until the element (on the page a click is loading) shows the text; returns the whole text. */
    String expectText(String id, String text) {
        try {
            waiting().until(d -> !d.findElements(By.id(id)).isEmpty() && d.findElement(By.id(id)).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // keep what the browser showed, for the person reading the failure
            try {
                BrowserSupport.screenshot(driver, "failed-" + id);
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "screenshots", "failed-" + id + ".html"), driver.getPageSource());
            } catch (java.io.IOException ignored) {
                // the failure itself matters more
            }
            throw new AssertionError("Expected #" + id + " to show \"" + text + "\" on " + driver.getCurrentUrl(), e);
        }
        return driver.findElement(By.id(id)).getText();
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static final String AXE_VERSION = "4.6.3";
    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (var in = BrowserTestBase.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js")) {
                axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return axe;
    }

    /**
     * Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now and fails with the violations found (only those are
     * gathered in full: axe keeps one example of each passed rule); then
     * checks that the page fits a 320-pixel-wide phone screen without sideways scrolling.
     */
    void assertAccessible(String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // axe-core from the application's webjars by a script element (the browser keeps the script and its compiled code
        // between pages); sent whole through the driver where the page cannot load it
        Object loaded = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "if (window.axe) { done(true); return; }"
                + "var s = document.createElement('script'); s.src = arguments[0];"
                + "s.onload = function () { done(!!window.axe); }; s.onerror = function () { done(false); };"
                + "document.head.appendChild(s);", url("/webjars/axe-core/" + AXE_VERSION + "/axe.min.js"));
        if (!Boolean.TRUE.equals(loaded)) {
            js.executeScript(axeSource());
        }
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' @ '"
                + " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) result).as("WCAG 2.1 AA violations on " + page).isEmpty();
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
            Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth;");
            Number width = (Number) js.executeScript("return document.documentElement.clientWidth;");
            if (scroll.intValue() > width.intValue()) {
                // name the widest elements that stick out, for the person reading the failure
                Object wide = js.executeScript("var w = document.documentElement.clientWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if (r.right > w + 1 && !(e.parentElement && e.parentElement.closest('.scroll')) && out.length < 5) { out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right)); } });"
                        + "return out.join(', ');");
                org.assertj.core.api.Assertions.fail(page + " does not fit a 320-px screen (" + scroll + " > " + width + "): " + wide);
            }
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Sets an input as the browser stores it (dates, decimals), whatever the locale's display format. */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
