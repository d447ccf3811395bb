package vn.motcua.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by the Debian chromedriver, with no download of any browser or
 * driver. Without Chromium on the machine the browser tests are skipped, except in CI (CI=true),
 * where they fail so that a missing browser cannot pass unnoticed.
 */
final class BrowserSupport {
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private static WebDriver shared;

    private BrowserSupport() {
    }

    /**
     * The browser shared by the test classes of this JVM: started on first use (a browser start and its first page cost
     * seconds on a small machine), quit when the JVM ends.
     */
    static synchronized WebDriver shared() throws IOException {
        if (shared == null) {
            WebDriver started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
            shared = started;
        }
        return shared;
    }

    /** Leaves the shared browser as a new one: a blank page, no cookies (no session), the usual window and waits. */
    static void reset(WebDriver driver) {
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    }

    static WebDriver start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium/chromedriver not found at " + CHROMIUM + " and " + DRIVER
                        + " (install Debian packages chromium and chromium-driver)");
            }
            Assumptions.abort("Chromium not installed: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=vi-VN",
                "--user-data-dir=" + Files.createTempDirectory("motcua-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
