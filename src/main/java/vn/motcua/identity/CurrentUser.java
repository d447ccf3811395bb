package vn.motcua.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The person logged in, with the units each role is held for. */
public record CurrentUser(long id, String username, String fullName, List<RoleGrant> grants) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The account acting as a user (for background jobs, imports and demo data). */
    public static CurrentUser of(Account account) {
        return new CurrentUser(account.id(), account.username(), account.fullName(), account.roles());
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** The units for which the user holds the role (empty when not held). */
    public Set<Long> unitsFor(Role role) {
        return grants.stream().filter(g -> g.role() == role && g.agencyId() != null)
                .map(RoleGrant::agencyId).collect(Collectors.toSet());
    }

    /** The user from the security context, if someone is logged in. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Principal p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }

    /** The principal kept in the session. */
    public interface Principal extends UserDetails {
        CurrentUser user();

        @Override
        Collection<? extends org.springframework.security.core.GrantedAuthority> getAuthorities();
    }
}
