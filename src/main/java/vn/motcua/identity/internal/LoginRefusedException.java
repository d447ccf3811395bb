package vn.motcua.identity.internal;

import org.springframework.security.core.AuthenticationException;

import java.io.Serial;
import java.time.Duration;

/** A login attempt not even checked, because too many attempts failed recently. */
public class LoginRefusedException extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public LoginRefusedException(Duration retryAfter) {
        super("Đăng nhập sai quá nhiều lần; hãy thử lại sau " + minutes(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public static String minutes(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 60 ? s + " giây" : ((s + 59) / 60) + " phút";
    }
}
