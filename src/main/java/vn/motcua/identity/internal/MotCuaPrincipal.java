package vn.motcua.identity.internal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import vn.motcua.identity.CurrentUser;

import java.io.Serial;
import java.util.Collection;

/**
 * The security principal: the user plus the password hash the login is checked against and whether the account
 * had a second factor when it was loaded for this login.
 */
public record MotCuaPrincipal(CurrentUser user, String password, boolean enabled, boolean secondFactor) implements CurrentUser.Principal {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.grants().stream().map(g -> new SimpleGrantedAuthority(g.role().authority())).distinct().toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
