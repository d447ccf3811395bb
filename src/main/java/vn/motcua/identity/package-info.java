/**
 * Identity and access: accounts of citizens, businesses and officers, roles granted per unit,
 * login (local accounts with hashed passwords; room for an OpenID Connect provider such as VNeID),
 * sessions and CSRF protection. Public API: {@link vn.motcua.identity.AccountService},
 * {@link vn.motcua.identity.CurrentUser}, {@link vn.motcua.identity.Role}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity (accounts, roles)")
package vn.motcua.identity;
