package vn.motcua.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.shared.AttemptLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins slow down and then lock, per account and per client address (so that neither guessing one account's
 * password from many addresses nor trying many accounts from one address works). A correct password clears the
 * account's count; the address's count only ages out.
 */
@Component
public class LoginThrottle {
    private final AttemptLimiter accounts;
    private final AttemptLimiter addresses;

    public LoginThrottle(Clock clock,
                         @Value("${motcua.security.login.account-free-failures:5}") int accountFree,
                         @Value("${motcua.security.login.account-lock-after:10}") int accountLock,
                         @Value("${motcua.security.login.address-free-failures:20}") int addressFree,
                         @Value("${motcua.security.login.address-lock-after:100}") int addressLock,
                         @Value("${motcua.security.login.first-delay:PT1S}") Duration firstDelay,
                         @Value("${motcua.security.login.lock-for:PT15M}") Duration lockFor) {
        this.accounts = new AttemptLimiter(clock, accountFree, firstDelay, accountLock, lockFor, Duration.ofHours(1), 100_000);
        this.addresses = new AttemptLimiter(clock, addressFree, firstDelay, addressLock, lockFor, Duration.ofHours(1), 100_000);
    }

    /** How long this attempt must wait (the longer of the account's and the address's wait), if at all. */
    public Optional<Duration> blockedFor(String username, String address) {
        Optional<Duration> a = accounts.blockedFor(key(username));
        Optional<Duration> b = address == null ? Optional.empty() : addresses.blockedFor(address);
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }

    public void failed(String username, String address) {
        accounts.failed(key(username));
        if (address != null) {
            addresses.failed(address);
        }
    }

    public void succeeded(String username) {
        accounts.succeeded(key(username));
    }

    /** Lifts every lock (tests; an administrator restarting the service does the same). */
    public void clear() {
        accounts.clear();
        addresses.clear();
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
