package vn.motcua.identity.internal;

import org.springframework.security.core.AuthenticationException;

import vn.motcua.shared.TooManyAttemptsException;

import java.io.Serial;
import java.time.Duration;

/** A login attempt not even checked, because too many attempts failed recently. */
public class LoginRefusedException extends AuthenticationException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public LoginRefusedException(Duration retryAfter) {
        super("Đăng nhập sai quá nhiều lần; hãy thử lại sau " + TooManyAttemptsException.describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
