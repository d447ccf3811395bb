package vn.motcua.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.identity.domain.Totp;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account security page as a citizen uses it (turn on the second factor with an authenticator app, then log in
 * with a code) and the auditor's log page (verify the chain), both accessible and phone-sized.
 */
class SecurityBrowserTest extends BrowserTestBase {
    @Autowired JdbcClient jdbc;

    @Test
    void aCitizenTurnsOnTheSecondFactorAndLogsInWithACode() {
        try {
            loginWithForm("congdan04");
            driver.get(url("/tai-khoan/bao-mat"));
            expectText("two-factor-state", "Đang tắt");
            assertAccessible("account security page");
            driver.findElement(By.id("start-2fa")).click();
            String secret = expectText("totp-secret", "").replace(" ", "");
            assertAccessible("second factor being set up");
            type("code", "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000");
            driver.findElement(By.id("confirm-2fa")).click();
            expectText("form-errors", "Mã xác thực không đúng");
            type("code", Totp.code(secret, Instant.now()));
            driver.findElement(By.id("confirm-2fa")).click();
            expectText("flash", "Đã bật xác thực hai bước");
            assertThat(driver.findElement(By.id("sessions")).getText()).contains("Phiên đang dùng");
            logout();

            // the password alone is no longer enough
            driver.get(url("/dang-nhap?lang=vi"));
            type("username", "congdan04");
            type("password", "MotCua@2026");
            driver.findElement(By.id("login-submit")).click();
            expectText("login-otp-error", "mã xác thực hai bước");
            assertAccessible("login refused for a missing code");
            type("username", "congdan04");
            type("password", "MotCua@2026");
            type("otp", Totp.code(secret, Instant.now().plusSeconds(30))); // the next code: the current one was used to turn it on
            driver.findElement(By.id("login-submit")).click();
            expectText("nav-logout", "Đăng xuất");
            logout();
        } finally {
            jdbc.sql("update user_account set totp_secret = null, totp_enabled_at = null, totp_last_step = null where username = 'congdan04'").update();
        }
    }

    @Test
    void theAuditorReadsTheLogAndVerifiesItsChain() {
        loginWithForm("thanhtra");
        driver.get(url("/kiem-tra/nhat-ky"));
        expectText("audit-total", "Nhật ký có");
        assertThat(driver.findElement(By.id("audit-entries")).getText()).contains("login.succeeded");
        assertAccessible("audit log");
        driver.findElement(By.id("verify")).click();
        expectText("verification", "Chuỗi nguyên vẹn");
        assertAccessible("audit log verified");
        driver.get(url("/kiem-tra/nhat-ky?actor=thanhtra&action=login"));
        assertThat(driver.findElement(By.id("audit-entries")).getText()).contains("login.succeeded").doesNotContain("dossier.");
        logout();
    }
}
