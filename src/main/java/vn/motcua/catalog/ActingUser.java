package vn.motcua.catalog;

import java.util.Set;

/** Who is changing the catalog, and over which units (null = the whole province). */
public record ActingUser(String username, Set<Long> scopeUnits) {
    public static ActingUser system(String name) {
        return new ActingUser(name, null);
    }
}
