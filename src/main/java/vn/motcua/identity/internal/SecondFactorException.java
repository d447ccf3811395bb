package vn.motcua.identity.internal;

import org.springframework.security.authentication.BadCredentialsException;

import java.io.Serial;

/** The password was right but the second-factor code is missing or wrong. */
public class SecondFactorException extends BadCredentialsException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SecondFactorException() {
        super("Cần mã xác thực hai bước đúng (6 chữ số trên ứng dụng xác thực).");
    }
}
