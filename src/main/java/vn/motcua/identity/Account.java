package vn.motcua.identity;

import java.time.Instant;
import java.util.List;

/** An account as other modules see it: never the password hash. */
public record Account(long id, String username, String fullName, AccountType type, String email, String phone,
                      String idNumber, String taxCode, boolean enabled, Instant createdAt, List<RoleGrant> roles) {
}
