package vn.motcua.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.motcua.identity.CurrentUser;

/** Loads local accounts for form login and HTTP Basic. */
@Service
public class AccountUserDetailsService implements UserDetailsService {
    private final AccountStore store;

    public AccountUserDetailsService(AccountStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountStore.Credentials c = store.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("Tài khoản không tồn tại"));
        CurrentUser user = new CurrentUser(c.id(), c.username(), c.fullName(), store.grants(c.id()));
        return new MotCuaPrincipal(user, c.passwordHash() == null
                // no password (an account entered only through the national identity): nothing typed can match
                ? "{noop}" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID() : c.passwordHash(), c.enabled(), c.secondFactor());
    }
}
