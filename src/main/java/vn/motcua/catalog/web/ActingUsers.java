package vn.motcua.catalog.web;

import vn.motcua.catalog.ActingUser;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;

/** Maps the logged-in officer to the catalog's idea of who is acting and over which units. */
final class ActingUsers {
    private ActingUsers() {
    }

    static ActingUser current() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new IllegalStateException("not logged in"));
        return new ActingUser(user.username(), user.has(Role.ADMIN) ? null : user.unitsFor(Role.TTHC_CONTROL));
    }
}
