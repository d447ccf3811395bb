package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.io.Serial;

/**
 * What a login attempt carries besides the username and password: the client address (behind trusted proxies) and
 * the second-factor code, from the login form's {@code otp} field or, for HTTP Basic, the {@code X-OTP} header.
 * The code is not kept in the session.
 */
public class LoginDetails extends WebAuthenticationDetails {
    @Serial
    private static final long serialVersionUID = 1L;
    public static final String OTP_HEADER = "X-OTP";
    private final transient String otp;
    private final boolean form;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.form = "POST".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + "/dang-nhap");
        this.otp = form ? request.getParameter("otp") : request.getHeader(OTP_HEADER);
    }

    public String otp() {
        return otp;
    }

    /** A login on the login page (opening a session), not an API request signed with HTTP Basic. */
    public boolean form() {
        return form;
    }

    static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> source() {
        return LoginDetails::new;
    }
}
