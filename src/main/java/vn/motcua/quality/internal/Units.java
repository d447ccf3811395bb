package vn.motcua.quality.internal;

import org.springframework.stereotype.Component;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units the index judges: departments (sở, ban, ngành), communes and wards, and the district committees while they
 * existed. A dossier counts for the unit its handling agency belongs to (a division or a one-stop department counts
 * for the agency above it); a unit merged into another counts for its successor from then on.
 */
@Component("indexUnits")
public class Units {
    public static final Set<AgencyType> JUDGED_TYPES = EnumSet.of(AgencyType.DEPARTMENT, AgencyType.COMMUNE_COMMITTEE, AgencyType.DISTRICT_COMMITTEE,
            AgencyType.PROVINCE_COMMITTEE);

    private final AgencyService agencies;

    public Units(AgencyService agencies) {
        this.agencies = agencies;
    }

    /** The judged unit an agency belongs to (itself when it is one; the top of its tree when none is above it). */
    public long unitOf(long agencyId) {
        Map<Long, Agency> all = agencies.byId();
        long current = agencyId;
        for (int depth = 0; depth < 20; depth++) {
            Agency a = all.get(current);
            if (a == null) {
                return agencyId;
            }
            if (JUDGED_TYPES.contains(a.type()) || a.parentId() == null) {
                return current;
            }
            current = a.parentId();
        }
        return current;
    }

    /** Units judged today, by name. */
    public List<Agency> judgedToday() {
        LocalDate today = agencies.today();
        return agencies.activeOn(today).stream().filter(a -> JUDGED_TYPES.contains(a.type()))
                .sorted(java.util.Comparator.comparing(Agency::type).thenComparing(Agency::name)).toList();
    }

    /** The unit and every unit merged into it (whose work it took over): the fact rows that count for it. */
    public Set<Long> factUnits(long unitId) {
        Set<Long> out = new HashSet<>();
        out.add(unitId);
        LocalDate today = agencies.today();
        for (Agency a : agencies.all()) {
            if (a.id() != unitId && JUDGED_TYPES.contains(a.type()) && !a.activeOn(today)) {
                Optional<Agency> successor = agencies.successorOn(a.id(), today);
                if (successor.isPresent() && successor.get().id() == unitId) {
                    out.add(a.id());
                }
            }
        }
        return out;
    }

    /** The agencies (with their divisions and one-stop departments) under the unit and the units merged into it. */
    public Set<Long> agenciesOf(long unitId) {
        Set<Long> out = new HashSet<>();
        for (long u : factUnits(unitId)) {
            out.addAll(agencies.subtree(u));
        }
        return out;
    }

    public String name(long unitId) {
        Agency a = agencies.byId().get(unitId);
        return a == null ? "#" + unitId : a.name();
    }

    public Optional<Agency> find(long unitId) {
        return Optional.ofNullable(agencies.byId().get(unitId));
    }

    public Optional<Long> idOfCode(String code) {
        return agencies.findByCode(code).map(Agency::id);
    }

    public LocalDate today() {
        return agencies.today();
    }
}
