package vn.motcua.control;

import org.springframework.stereotype.Component;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.Problems;

import java.util.HashSet;
import java.util.Set;

/**
 * Over which units a TTHC-control officer works: the units their role is granted for and every unit below (the
 * provincial office's officer: the whole province); an administrator: everywhere.
 */
@Component
class Scope {
    private final AgencyService agencies;

    Scope(AgencyService agencies) {
        this.agencies = agencies;
    }

    /** The units the user works over; null = all. */
    Set<Long> units(CurrentUser user) {
        if (user.has(Role.ADMIN)) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (long u : user.unitsFor(Role.TTHC_CONTROL)) {
            out.addAll(agencies.subtree(u));
        }
        return out;
    }

    boolean covers(CurrentUser user, long agencyId) {
        Set<Long> units = units(user);
        return units == null || units.contains(agencyId);
    }

    /** The province (the root unit). */
    long province() {
        return agencies.tree(agencies.today()).get(0).agency().id();
    }

    /** A unit in force today, chosen by id in a form; a problem on the field when missing or unknown. */
    Agency agency(String id, String field, Problems p) {
        if (id == null || id.isBlank()) {
            p.add(field, "Chưa chọn đơn vị.");
            return null;
        }
        try {
            long value = Long.parseLong(id.trim());
            Agency a = agencies.byId().get(value);
            if (a != null && a.activeOn(agencies.today())) {
                return a;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        p.add(field, "Đơn vị không hợp lệ.");
        return null;
    }

    /** Every unit's name by id (units that ended too: old rows name them). */
    java.util.Map<Long, String> names() {
        java.util.Map<Long, String> m = new java.util.HashMap<>();
        agencies.all().forEach(a -> m.put(a.id(), a.name()));
        return m;
    }

    /** The units in force today that a form may choose, by name. */
    java.util.List<Agency> choosable(CurrentUser user) {
        return agencies.activeOn(agencies.today()).stream().filter(a -> covers(user, a.id()))
                .sorted(vn.motcua.shared.VietnameseText.by(Agency::name)).toList();
    }

    void require(CurrentUser user, long agencyId) {
        if (!covers(user, agencyId)) {
            throw new org.springframework.security.access.AccessDeniedException("Đơn vị này ngoài phạm vi kiểm soát TTHC của bạn.");
        }
    }
}
