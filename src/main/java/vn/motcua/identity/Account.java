package vn.motcua.identity;

import java.time.Instant;
import java.util.List;

/** An account as other modules see it: never the password hash. */
public record Account(long id, String username, String fullName, AccountType type, String email, String phone,
                      String idNumber, String taxCode, boolean enabled, Instant createdAt, List<RoleGrant> roles) {

    /** Who the holder is to the state: a citizen's personal ID number, else a business's tax (enterprise) code. */
    public String identifier() {
        return idNumber != null ? idNumber : taxCode;
    }
}
