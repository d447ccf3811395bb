package vn.motcua.identity;

import java.util.List;

/** Input for creating an account; {@code password} is plain text and is hashed at once. */
public record NewAccount(String username, String password, String fullName, AccountType type, String email,
                         String phone, String idNumber, String taxCode, List<RoleGrant> roles) {
}
