package vn.motcua.organization.internal;

import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole agency tree as it stood on one date, computed in plain Java from the unit rows and
 * their parent periods. Units that had ended by that date are still known (for history) but are
 * not part of the tree.
 */
public final class AgencySnapshot {
    private final LocalDate date;
    private final Map<Long, AgencyRecord> records = new HashMap<>();
    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, Long> lastParentOf = new HashMap<>();

    public AgencySnapshot(LocalDate date, List<AgencyRecord> agencies, List<ParentLink> links) {
        this.date = date;
        agencies.forEach(a -> records.put(a.id(), a));
        Map<Long, ParentLink> latest = new HashMap<>();
        for (ParentLink link : links) {
            if (link.activeOn(date)) {
                parentOf.put(link.agencyId(), link.parentId());
            }
            if (!link.validFrom().isAfter(date)) {
                latest.merge(link.agencyId(), link, (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
            }
        }
        latest.forEach((id, link) -> lastParentOf.put(id, link.parentId()));
    }

    public LocalDate date() {
        return date;
    }

    public Optional<Agency> find(long id) {
        AgencyRecord r = records.get(id);
        return r == null ? Optional.empty() : Optional.of(view(r));
    }

    public boolean isActive(long id) {
        AgencyRecord r = records.get(id);
        return r != null && !r.validFrom().isAfter(date) && (r.validUntil() == null || r.validUntil().isAfter(date));
    }

    /** All units in force on the date, ordered by name. */
    public List<Agency> active() {
        return records.values().stream().filter(r -> isActive(r.id())).map(this::view)
                .sorted(Comparator.comparing(Agency::type).thenComparing(Agency::name)).toList();
    }

    /** Every unit that ever existed, with its parent on the date (or the last one it had). */
    public List<Agency> all() {
        return records.values().stream().map(this::view)
                .sorted(Comparator.comparing(Agency::type).thenComparing(Agency::name)).toList();
    }

    /** Every unit that ever existed, by id (as {@link #all()}). */
    public Map<Long, Agency> byId() {
        Map<Long, Agency> byId = new HashMap<>();
        records.values().forEach(r -> byId.put(r.id(), view(r)));
        return byId;
    }

    public List<AgencyNode> roots() {
        return active().stream().filter(a -> a.parentId() == null || !isActive(a.parentId()))
                .map(this::node).toList();
    }

    private AgencyNode node(Agency agency) {
        return new AgencyNode(agency, children(agency.id()).stream().map(this::node).toList());
    }

    public List<Agency> children(long id) {
        return active().stream().filter(a -> a.parentId() != null && a.parentId() == id).toList();
    }

    /** The unit itself and every unit below it on the date. */
    public Set<Long> subtree(long id) {
        Set<Long> result = new LinkedHashSet<>();
        List<Long> queue = new ArrayList<>(List.of(id));
        while (!queue.isEmpty()) {
            long current = queue.remove(0);
            if (result.add(current)) {
                children(current).forEach(c -> queue.add(c.id()));
            }
        }
        return result;
    }

    /**
     * Whether {@code id} is {@code ancestorId} or lies below it. A unit that has ended is judged by
     * the last parent it had, and an ended ancestor also covers what its successor now holds.
     */
    public boolean isWithin(long id, long ancestorId) {
        Set<Long> seen = new LinkedHashSet<>();
        Long current = id;
        while (current != null && seen.add(current)) {
            if (current == ancestorId) {
                return true;
            }
            Long parent = parentOf.get(current);
            current = parent != null ? parent : lastParentOf.get(current);
        }
        return false;
    }

    /** Follows the chain of successors until a unit that is in force on the date. */
    public Optional<Agency> successorOnDate(long id) {
        Set<Long> seen = new LinkedHashSet<>();
        Long current = id;
        while (current != null && seen.add(current)) {
            if (isActive(current)) {
                return find(current);
            }
            AgencyRecord r = records.get(current);
            current = r == null ? null : r.successorId();
        }
        return Optional.empty();
    }

    private Agency view(AgencyRecord r) {
        Long parent = parentOf.containsKey(r.id()) ? parentOf.get(r.id()) : lastParentOf.get(r.id());
        return new Agency(r.id(), r.code(), r.name(), r.shortName(), r.type(), parent, r.validFrom(), r.validUntil(),
                r.successorId(), r.endReason(), r.address(), r.phone(), r.email(), r.identifierCode());
    }
}
