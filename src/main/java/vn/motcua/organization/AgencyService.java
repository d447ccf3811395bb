package vn.motcua.organization;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.organization.internal.AgencySnapshot;
import vn.motcua.organization.internal.AgencyStore;
import vn.motcua.organization.internal.ParentLink;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ReloadingCache;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Public API of the organization module. */
@Service
public class AgencyService {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{1,39}");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Z]{2,4}(\\.[0-9A-Z]{2,4}){2,4}");
    private static final Pattern PHONE = Pattern.compile("[0-9 .()+-]{8,20}");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyStore store;
    private final Clock clock;
    private final AuditLog audit;
    /** Today's tree: every permission check reads it, units change a few times a year. */
    private final ReloadingCache<LocalDate, AgencySnapshot> today = new ReloadingCache<>(Duration.ofSeconds(30));

    public AgencyService(AgencyStore store, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The tree as it stood on the date. */
    @Transactional(readOnly = true)
    public List<AgencyNode> tree(LocalDate date) {
        return snapshot(date).roots();
    }

    @Transactional(readOnly = true)
    public List<Agency> activeOn(LocalDate date) {
        return snapshot(date).active();
    }

    /** Every unit ever recorded, with its parent today (or the last it had). */
    @Transactional(readOnly = true)
    public List<Agency> all() {
        return snapshot(today()).all();
    }

    /** Every unit ever recorded, by id. */
    @Transactional(readOnly = true)
    public Map<Long, Agency> byId() {
        return snapshot(today()).byId();
    }

    @Transactional(readOnly = true)
    public Agency get(long id) {
        return snapshot(today()).find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy đơn vị có mã số " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<Agency> findByCode(String code) {
        return snapshot(today()).all().stream().filter(a -> a.code().equalsIgnoreCase(code)).findFirst();
    }

    @Transactional(readOnly = true)
    public boolean isWithin(long agencyId, long ancestorId) {
        return snapshot(today()).isWithin(agencyId, ancestorId);
    }

    /**
     * The agency a unit belongs to today: the unit itself, or for a specialist division (phòng chuyên môn) the
     * agency above it that the division is part of.
     */
    @Transactional(readOnly = true)
    public long owningAgency(long unitId) {
        AgencySnapshot s = snapshot(today());
        long current = unitId;
        for (int depth = 0; depth < 20; depth++) {
            Optional<Agency> a = s.find(current);
            if (a.isEmpty() || a.get().type() != AgencyType.DIVISION || a.get().parentId() == null) {
                return current;
            }
            current = a.get().parentId();
        }
        return current;
    }

    /** The agency a unit belongs to and its specialist divisions, today. */
    @Transactional(readOnly = true)
    public Set<Long> agencyUnits(long unitId) {
        long agency = owningAgency(unitId);
        Set<Long> units = new HashSet<>();
        for (long u : snapshot(today()).subtree(agency)) {
            if (owningAgency(u) == agency) {
                units.add(u);
            }
        }
        return units;
    }

    /** Whether two units are (parts of) the same agency today: the same unit, or divisions of one agency. */
    @Transactional(readOnly = true)
    public boolean sameAgency(long a, long b) {
        return a == b || owningAgency(a) == owningAgency(b);
    }

    /** The unit itself and all units below it today. */
    @Transactional(readOnly = true)
    public Set<Long> subtree(long agencyId) {
        return snapshot(today()).subtree(agencyId);
    }

    /** Where the work of a unit went: itself if in force on the date, else its successor chain. */
    @Transactional(readOnly = true)
    public Optional<Agency> successorOn(long agencyId, LocalDate date) {
        return snapshot(date).successorOnDate(agencyId);
    }

    /** Every parent period of the unit, oldest first. */
    @Transactional(readOnly = true)
    public List<AgencyHistoryEntry> history(long agencyId) {
        AgencySnapshot now = snapshot(today());
        return store.links().stream().filter(l -> l.agencyId() == agencyId)
                .sorted(Comparator.comparing(ParentLink::validFrom))
                .map(l -> new AgencyHistoryEntry(l.parentId(), now.find(l.parentId()).map(Agency::name).orElse("?"),
                        l.validFrom(), l.validUntil()))
                .toList();
    }

    @Transactional
    public Agency create(NewAgency request) {
        today.invalidate();
        Problems p = new Problems();
        String code = request.code() == null ? "" : request.code().trim().toUpperCase();
        p.require(CODE.matcher(code).matches(), "code",
                "Mã đơn vị chỉ gồm chữ in hoa, chữ số, dấu chấm, gạch ngang, gạch dưới (2–40 ký tự).");
        p.requireText(request.name(), "name", "Tên đơn vị");
        p.require(request.type() != null, "type", "Chưa chọn loại đơn vị.");
        p.require(request.validFrom() != null, "validFrom", "Chưa nhập ngày bắt đầu hoạt động.");
        p.throwIfAny();
        if (store.codeExists(code)) {
            p.add("code", "Mã đơn vị " + code + " đã được sử dụng.");
        }
        AgencySnapshot atStart = snapshot(request.validFrom());
        if (request.parentId() == null) {
            p.require(request.type() == AgencyType.PROVINCE_COMMITTEE, "parentId", "Đơn vị này phải thuộc một đơn vị cấp trên.");
        } else {
            p.require(atStart.isActive(request.parentId()), "parentId",
                    "Đơn vị cấp trên không còn hoạt động vào ngày " + VN_DATE.format(request.validFrom()) + ".");
        }
        p.throwIfAny();
        checkIdentifier(request.identifierCode(), -1, p);
        p.throwIfAny();
        long id = store.insert(new NewAgency(code, request.name(), request.shortName(), request.type(), request.parentId(),
                request.validFrom(), request.address(), request.phone(), request.email(), request.identifierCode()));
        if (request.parentId() != null) {
            store.link(id, request.parentId(), request.validFrom());
        }
        Agency created = snapshot(request.validFrom()).find(id).orElseThrow();
        audit.record("agency.created", "agency", id, null, created);
        return created;
    }

    /** The version of a unit's row, to be sent back with a change of its details (concurrent edits are refused). */
    @Transactional(readOnly = true)
    public long rowVersion(long agencyId) {
        get(agencyId);
        return store.rowVersion(agencyId);
    }

    /**
     * Sets a unit's identifier code (QCVN 102:2016, used in dossier codes) and contact details, as the user saw the
     * unit at {@code rowVersion}; refused when someone changed it since.
     */
    @Transactional
    public Agency updateDetails(long agencyId, long rowVersion, String identifierCode, String address, String phone, String email) {
        today.invalidate();
        Agency before = get(agencyId);
        Problems p = new Problems();
        checkIdentifier(identifierCode, agencyId, p);
        p.require(phone == null || phone.isBlank() || PHONE.matcher(phone.trim()).matches(), "phone", "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang (8–20 ký tự).");
        p.require(email == null || email.isBlank() || (email.contains("@") && email.trim().length() <= 120), "email", "Thư điện tử không hợp lệ.");
        p.require(address == null || address.length() <= 500, "address", "Địa chỉ dài quá 500 ký tự.");
        p.throwIfAny();
        if (store.updateDetails(agencyId, rowVersion, identifierCode, address, phone, email) != 1) {
            throw new ConflictException("Đơn vị vừa được người khác thay đổi. Vui lòng tải lại.");
        }
        Agency after = get(agencyId);
        audit.record("agency.details-changed", "agency", agencyId, before, after);
        return after;
    }

    private void checkIdentifier(String identifierCode, long agencyId, Problems p) {
        if (identifierCode == null || identifierCode.isBlank()) {
            return;
        }
        String c = identifierCode.trim();
        if (!IDENTIFIER.matcher(c).matches()) {
            p.add("identifierCode", "Mã định danh theo QCVN 102:2016/BTTTT có dạng 000.00.12.H55 (chữ số, dấu chấm, chữ in hoa).");
        } else if (store.identifierExists(c, agencyId)) {
            p.add("identifierCode", "Mã định danh " + c + " đã được gán cho đơn vị khác.");
        }
    }

    /** Moves a unit under another parent from the given date; the earlier parent stays in history. */
    @Transactional
    public void move(long agencyId, long newParentId, LocalDate effectiveOn) {
        today.invalidate();
        AgencySnapshot s = snapshot(effectiveOn);
        Problems p = new Problems();
        p.require(s.isActive(agencyId), "agencyId", "Đơn vị không còn hoạt động vào ngày hiệu lực.");
        p.require(s.isActive(newParentId), "parentId", "Đơn vị cấp trên mới không hoạt động vào ngày hiệu lực.");
        p.throwIfAny();
        p.require(!s.subtree(agencyId).contains(newParentId), "parentId",
                "Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.");
        p.throwIfAny();
        store.endLink(agencyId, effectiveOn);
        store.link(agencyId, newParentId, effectiveOn);
        audit.record("agency.moved", "agency", agencyId, Map.of("parentId", String.valueOf(s.find(agencyId).map(Agency::parentId).orElse(null))),
                Map.of("parentId", newParentId, "effectiveOn", effectiveOn.toString()));
    }

    /**
     * Merges units: each source ends on {@code effectiveOn} with the target as its successor, and
     * the units that sat under a source move under the target. Either all of it happens or none.
     */
    @Transactional
    public void merge(MergeRequest request) {
        today.invalidate();
        Problems p = new Problems();
        p.require(request.sourceIds() != null && !request.sourceIds().isEmpty(), "sourceIds", "Chưa chọn đơn vị bị sáp nhập.");
        p.require(request.targetId() != null, "targetId", "Chưa chọn đơn vị tiếp nhận.");
        p.require(request.effectiveOn() != null, "effectiveOn", "Chưa nhập ngày hiệu lực.");
        p.requireText(request.reason(), "reason", "Căn cứ (quyết định/nghị quyết sáp nhập)");
        p.throwIfAny();
        LocalDate on = request.effectiveOn();
        AgencySnapshot before = snapshot(on.minusDays(1));
        AgencySnapshot at = snapshot(on);
        Set<Long> sources = new HashSet<>(request.sourceIds());
        p.require(!sources.contains(request.targetId()), "targetId", "Đơn vị tiếp nhận không thể đồng thời là đơn vị bị sáp nhập.");
        p.require(at.isActive(request.targetId()), "targetId",
                "Đơn vị tiếp nhận chưa hoặc không còn hoạt động vào ngày " + VN_DATE.format(on) + ".");
        for (Long source : sources) {
            String name = before.find(source).map(Agency::name).orElse("#" + source);
            p.require(before.isActive(source) && at.isActive(source), "sourceIds",
                    "Đơn vị " + name + " không hoạt động vào ngày " + VN_DATE.format(on) + " nên không thể sáp nhập.");
            if (at.isActive(request.targetId())) {
                p.require(!at.subtree(source).contains(request.targetId()), "targetId",
                        "Đơn vị tiếp nhận đang trực thuộc " + name + "; hãy chuyển nó ra trước khi sáp nhập.");
            }
        }
        p.throwIfAny();
        for (Long source : sources) {
            for (Agency child : at.children(source)) {
                if (!sources.contains(child.id())) {
                    store.endLink(child.id(), on);
                    store.link(child.id(), request.targetId(), on);
                }
            }
            store.endLink(source, on);
            if (store.end(source, on, request.targetId(), request.reason().trim()) != 1) {
                throw new ConflictException("Đơn vị đã được người khác thay đổi trong lúc sáp nhập. Vui lòng tải lại.");
            }
        }
        audit.record("agency.merged", "agency", request.targetId(), Map.of("sourceIds", sources.stream().sorted().toList()), request);
    }

    private AgencySnapshot snapshot(LocalDate date) {
        return date.equals(today()) ? today.get(date, this::load) : load(date);
    }

    private AgencySnapshot load(LocalDate date) {
        return new AgencySnapshot(date, store.all(), store.links());
    }
}
