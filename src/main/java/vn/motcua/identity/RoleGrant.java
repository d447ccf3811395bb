package vn.motcua.identity;

/** A role held for a unit ({@code agencyId} is null for citizens). */
public record RoleGrant(Role role, Long agencyId) implements java.io.Serializable {
}
