package vn.motcua;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.identity.domain.Totp;

import java.time.Instant;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Logins for tests. Administrators must use a second factor, so the demo administrator {@code quantri} gets a known
 * TOTP secret when the test application is ready; tests compute its current code like an authenticator app would.
 */
public class TestLogins {
    public static final String PASSWORD = "MotCua@2026";
    public static final String ADMIN_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static volatile JdbcClient jdbc;

    TestLogins(JdbcClient jdbc) {
        TestLogins.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enrolAdministrator() {
        jdbc.sql("update user_account set totp_secret = ?, totp_enabled_at = current_timestamp, totp_last_step = null where username = 'quantri'")
                .param(ADMIN_SECRET).update();
    }

    /** HTTP Basic as the administrator, with the current code in the X-OTP header. */
    public static RequestPostProcessor admin() {
        return request -> {
            httpBasic("quantri", PASSWORD).postProcessRequest(request);
            request.addHeader("X-OTP", Totp.code(ADMIN_SECRET, Instant.now()));
            return request;
        };
    }

    /** A code for the administrator's next page login (a code is accepted once, so the last use is forgotten first). */
    public static String freshAdminCode() {
        jdbc.sql("update user_account set totp_last_step = null where username = 'quantri'").update();
        return Totp.code(ADMIN_SECRET, Instant.now());
    }
}
