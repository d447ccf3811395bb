package vn.motcua.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A login through the national identity (VNeID, level 2) by OpenID Connect: the session's authentication carries it,
 * so that a dossier submitted in that session records that its applicant was authenticated this way.
 */
public final class NationalIdentity {
    private NationalIdentity() {
    }

    /** Whether the current request's user logged in with the national identity. */
    public static boolean currentLogin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser;
    }
}
