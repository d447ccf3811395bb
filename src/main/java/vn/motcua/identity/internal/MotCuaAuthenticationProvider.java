package vn.motcua.identity.internal;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.AccountService;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Password login (form and HTTP Basic) with the abuse limits: an attempt while the account or the address is slowed
 * down or locked is refused before the password is even checked; a wrong password counts against both; an account
 * with a second factor also needs its current code. Every outcome goes to the audit log.
 */
public class MotCuaAuthenticationProvider extends DaoAuthenticationProvider {
    private final LoginThrottle throttle;
    private final AccountService accounts;
    private final AuditLog audit;

    public MotCuaAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                        AccountService accounts, AuditLog audit) {
        super(encoder);
        setUserDetailsService(users);
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof LoginDetails d ? d.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.blockedFor(username, address);
        if (wait.isPresent()) {
            audit.recordAs(username, "login.refused", "account", username, null, Map.of("retryAfterSeconds", wait.get().toSeconds()));
            throw new LoginRefusedException(wait.get());
        }
        Authentication result;
        try {
            result = super.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            audit.recordAs(username, "login.failed", "account", username, null, Map.of("reason", "bad-credentials"));
            throw e;
        } catch (AuthenticationException e) {
            audit.recordAs(username, "login.failed", "account", username, null, Map.of("reason", e.getClass().getSimpleName()));
            throw e;
        }
        MotCuaPrincipal principal = (MotCuaPrincipal) result.getPrincipal();
        long userId = principal.user().id();
        boolean form = authentication.getDetails() instanceof LoginDetails d && d.form();
        if (principal.secondFactor()) {
            String code = authentication.getDetails() instanceof LoginDetails d ? d.otp() : null;
            // a login page code is used up; an API request may repeat the current code while it is valid (±30 s)
            if (!(form ? accounts.acceptSecondFactor(userId, code) : accounts.checkSecondFactor(userId, code))) {
                throttle.failed(username, address);
                audit.recordAs(principal.getUsername(), "login.failed", "account", userId, null, Map.of("reason", "second-factor"));
                throw new SecondFactorException();
            }
        }
        throttle.succeeded(username);
        if (form) {
            audit.recordAs(principal.getUsername(), "login.succeeded", "account", userId, null, null);
        }
        return result;
    }
}
