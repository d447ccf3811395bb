package vn.motcua.identity.internal;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.motcua.identity.CurrentUser;

import java.io.Serial;
import java.util.Collection;
import java.util.Map;

/**
 * A person logged in with the national identity: the provider's verified identity (ID token and user info) and the
 * local account it was linked to, whose roles apply.
 */
public record NationalIdentityUser(CurrentUser user, OidcIdToken idToken, OidcUserInfo userInfo) implements OidcUser, CurrentUser.Principal {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.grants().stream().map(g -> new SimpleGrantedAuthority(g.role().authority())).distinct().toList();
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
