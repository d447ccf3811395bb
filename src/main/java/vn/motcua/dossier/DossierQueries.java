package vn.motcua.dossier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.rules.RuleSetService;
import vn.motcua.dossier.domain.TrackingSecret;
import vn.motcua.shared.AttemptLimiter;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.VietnameseText;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read side of the dossier module: queues, the dossier book, public tracking. */
@Service
@Transactional(readOnly = true)
public class DossierQueries {
    public static final int QUEUE_LIMIT = 200;
    private final DossierStore store;
    private final DossierService dossiers;
    private final AgencyService agencies;
    private final WorkingCalendarService calendars;
    private final RuleSetService ruleSets;

    /** Failed tracking attempts per client address: 10 free, then 1 s, 2 s, 4 s …, locked 15 minutes after 30. */
    private final AttemptLimiter byAddress;
    /** Failed tracking attempts per dossier code, from anywhere: 5 free, locked 30 minutes after 10. */
    private final AttemptLimiter byCode;

    private final vn.motcua.audit.AuditLog audit;

    public DossierQueries(DossierStore store, DossierService dossiers, AgencyService agencies, WorkingCalendarService calendars,
                          RuleSetService ruleSets, Clock clock, vn.motcua.audit.AuditLog audit) {
        this.audit = audit;
        this.byAddress = new AttemptLimiter(clock, 10, Duration.ofSeconds(1), 30, Duration.ofMinutes(15), Duration.ofHours(1), 100_000);
        this.byCode = new AttemptLimiter(clock, 5, Duration.ofSeconds(2), 10, Duration.ofMinutes(30), Duration.ofHours(1), 100_000);
        this.store = store;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.calendars = calendars;
        this.ruleSets = ruleSets;
    }

    /** A queue of the officer's units, oldest due first (the first {@value #QUEUE_LIMIT}; {@link #count} says how many in all). */
    public List<DossierView> queue(CurrentUser user, Queue queue) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(user, queue, params);
        // a dossier being processed has its due time (those without one come last); one at the counter, its submission
        String order = switch (queue) {
            case FINISHED -> "finished_at desc";
            case INTAKE -> "coalesce(due_at, submitted_at), id";
            default -> "due_at, id";
        };
        return views(store.list(where, params, order, QUEUE_LIMIT));
    }

    /** How many dossiers a queue holds, however long. */
    public long count(CurrentUser user, Queue queue) {
        Map<String, Object> params = new LinkedHashMap<>();
        return store.count(where(user, queue, params), params);
    }

    /**
     * How many dossiers a queue holds, counted up to {@code cap} (the tabs of the officer's page: the finished queue
     * of a busy unit holds hundreds of thousands, and counting them all on every visit costs more than the page).
     */
    public long countUpTo(CurrentUser user, Queue queue, int cap) {
        Map<String, Object> params = new LinkedHashMap<>();
        return store.countUpTo(where(user, queue, params), params, cap);
    }

    private String where(CurrentUser user, Queue queue, Map<String, Object> params) {
        return switch (queue) {
            case INTAKE -> {
                params.put("units", units(user, Role.RECEIVING_OFFICER));
                yield "status in ('SUBMITTED', 'INTAKE_SUPPLEMENT') and receiving_agency_id in (:units)";
            }
            case MY_STEP -> {
                List<String> parts = new ArrayList<>();
                for (Role role : List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.LEADER)) {
                    Set<Long> units = units(user, role);
                    if (!units.isEmpty()) {
                        params.put("u_" + role.name(), units);
                        parts.add("(step_role = '" + role.name() + "' and " + (role == Role.RECEIVING_OFFICER ? "receiving" : "handling")
                                + "_agency_id in (:u_" + role.name() + "))");
                    }
                }
                Set<Long> leaderUnits = units(user, Role.LEADER);
                if (user.has(Role.LEADER)) {
                    params.put("u_APPROVAL", leaderUnits);
                }
                String approval = user.has(Role.LEADER) ? " or (status = 'SUPPLEMENT_APPROVAL' and handling_agency_id in (:u_APPROVAL))" : "";
                yield parts.isEmpty() && approval.isEmpty() ? "1 = 0"
                        : "((status = 'PROCESSING' and (" + (parts.isEmpty() ? "1 = 0" : String.join(" or ", parts)) + "))" + approval + ")";
            }
            case PAUSED -> scoped(user, params, "status = 'PAUSED'");
            case OVERDUE -> {
                params.put("now", Timestamp.valueOf(dossiers.now()));
                yield scoped(user, params, "((status in ('PROCESSING', 'SUPPLEMENT_APPROVAL') and (late or due_at < :now)) or (status = 'PAUSED' and late))");
            }
            case FINISHED -> scoped(user, params, "status in ('RETURNED', 'REFUSED', 'WITHDRAWN', 'STOPPED')");
        };
    }

    /**
     * Sổ theo dõi hồ sơ: the dossiers a one-stop unit (and the units under it) received in a period, in the order of
     * the book's sequence numbers. Dossiers never received (refused at intake, withdrawn before) are not in the book.
     */
    public List<BookRow> book(long agencyId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", agencies.subtree(agencyId));
        params.put("from", Timestamp.valueOf(from.atStartOfDay()));
        params.put("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        Map<Long, Agency> names = agencies.byId();
        WorkingCalendar cal = calendars.calendar();
        List<BookRow> rows = new ArrayList<>();
        for (Dossier d : store.list("receiving_agency_id in (:units) and received_at is not null and received_at >= :from and received_at < :to",
                params, "received_at, id", 5000)) {
            LocalDateTime handedOver = d.paper() ? cal.countingStart(d.receivedAt(), ruleSets.get(d.ruleSetId()).cutoff()) : d.receivedAt();
            String note = switch (d.status()) {
                case RETURNED -> d.late() ? "Trễ hạn" + (d.lateExplanation() != null ? ", đã xin lỗi" : "") : "Đúng hạn";
                case STOPPED -> "Dừng giải quyết";
                case PAUSED -> "Chờ bổ sung";
                default -> d.late() ? "Quá hạn" : "";
            };
            rows.add(BookRow.of(d, names.get(d.handlingAgencyId()).name(), handedOver, d.processedAt(), note));
        }
        return withUnusedNumbers(rows);
    }

    /**
     * The book's numbers are taken when an intake receives a dossier and committed at once (see
     * {@code internal.CodeNumbers}): one whose intake then failed is held by no dossier. Each run of such numbers between
     * two of a unit's lines is shown as a line of its own after the line before it. A number missing from the period
     * but held by a dossier outside it (received around midnight of the period's edge) is not one.
     */
    private List<BookRow> withUnusedNumbers(List<BookRow> rows) {
        Map<String, List<Dossier>> books = new LinkedHashMap<>();
        for (BookRow r : rows) {
            Dossier d = r.dossier();
            if (d.bookNumber() != null && d.bookVolume() != null) {
                books.computeIfAbsent(d.receivingAgencyId() + "|" + d.bookVolume(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<Long, List<BookRow>> after = new HashMap<>(); // dossier id → unused runs after its line
        for (List<Dossier> book : books.values()) {
            book.sort(Comparator.comparing(Dossier::bookNumber));
            Dossier first = book.get(0);
            Set<Integer> held = null;
            for (int i = 1; i < book.size(); i++) {
                int previous = book.get(i - 1).bookNumber();
                int next = book.get(i).bookNumber();
                if (next - previous <= 1) {
                    continue;
                }
                if (held == null) {
                    held = store.bookNumbersHeld(first.receivingAgencyId(), first.bookVolume(), first.bookNumber(),
                            book.get(book.size() - 1).bookNumber());
                }
                Integer start = null;
                for (int n = previous + 1; n <= next; n++) {
                    boolean free = n < next && !held.contains(n);
                    if (free && start == null) {
                        start = n;
                    } else if (!free && start != null) {
                        after.computeIfAbsent(book.get(i - 1).id(), k -> new ArrayList<>()).add(BookRow.unused(start, n - 1));
                        start = null;
                    }
                }
            }
        }
        if (after.isEmpty()) {
            return rows;
        }
        List<BookRow> lines = new ArrayList<>();
        for (BookRow r : rows) {
            lines.add(r);
            lines.addAll(after.getOrDefault(r.dossier().id(), List.of()));
        }
        return lines;
    }

    /**
     * Public tracking: the dossier code, its tracking secret (printed on the receipt, shown to the applicant) and the
     * last four digits of the applicant's phone or ID number. Failed attempts slow down and then lock, per client
     * address and per dossier code. The answer holds the status and dates only: no procedure, no names, no notes.
     */
    public Tracking track(String code, String secret, String check, String clientAddress) {
        Dossier d = tracked(code, secret, check, clientAddress);
        boolean supplement = d.openSupplement().filter(s -> s.status() == SupplementStatus.OPEN).isPresent();
        return new Tracking(d.code(), d.status(), d.channel(), d.submittedAt(), d.receivedAt(), d.dueAt(), d.newAppointmentAt(), d.finishedAt(),
                dossiers.deadline(d), publicHistory(d), supplement, dossiers.result(d).isPresent());
    }

    /**
     * The signed electronic result, for whoever holds the dossier code, its tracking secret and the check digits
     * (the same checks and limits as tracking); "not found" while there is no result.
     */
    public DossierFile.Content trackedResult(String code, String secret, String check, String clientAddress) {
        Dossier d = tracked(code, secret, check, clientAddress);
        DossierFile result = dossiers.result(d).orElseThrow(() -> new NotFoundException("Hồ sơ chưa có kết quả điện tử."));
        audit.recordAs(vn.motcua.audit.AuditLog.ANONYMOUS, "dossier.result-downloaded", "dossier", d.id(), null, Map.of("via", "tracking", "address", clientAddress));
        return dossiers.fileContent(d, result.id());
    }

    /**
     * The dossier itself, after the same checks and limits as tracking: for what another module lets the holder of the
     * tracking values do from the tracking page (rate the dossier once its result is returned).
     */
    public Dossier trackedDossier(String code, String secret, String check, String clientAddress) {
        return tracked(code, secret, check, clientAddress);
    }

    private Dossier tracked(String code, String secret, String check, String clientAddress) {
        String key = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        String address = clientAddress == null ? "?" : clientAddress;
        Optional<Duration> wait = Stream.of(byAddress.blockedFor(address), byCode.blockedFor(key)).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        // the secret is checked on one small row first: a wrong guess never loads the dossier
        Dossier d = key.isEmpty() || key.length() > 60 ? null : store.trackingKey(key)
                .filter(k -> TrackingSecret.matches(k.secret(), secret)).flatMap(k -> store.find(k.id())).orElse(null);
        String c = check == null ? "" : check.trim();
        boolean matches = d != null && c.length() >= 4
                && ((d.applicant().phone() != null && d.applicant().phone().endsWith(c))
                || (d.applicant().idNumber() != null && d.applicant().idNumber().endsWith(c)));
        if (!matches) {
            byAddress.failed(address);
            byCode.failed(key);
            throw new NotFoundException("Không tìm thấy hồ sơ với mã, mã tra cứu và số kiểm tra đã nhập.");
        }
        byCode.succeeded(key);
        return d;
    }

    /** The tracking secret of a dossier, for its applicant and the officers who may see it (receipt, pages). */
    public String trackingSecret(Dossier d) {
        return TrackingSecret.display(store.trackingSecret(d.id()));
    }

    /** Lifts every tracking lock (tests). */
    public void clearTrackingLimits() {
        byAddress.clear();
        byCode.clear();
    }

    /** What the applicant sees of a dossier's history: what happened and when; no internal notes, no officers' names. */
    public List<Tracking.Step> publicHistory(Dossier d) {
        return d.history().stream().filter(e -> e.action().shownToApplicant())
                .map(e -> new Tracking.Step(e.at(), e.action())).toList();
    }

    /** Dossier statistics per handling agency for a period (by date of receipt and of return). */
    public List<AgencyDossierStatistic> statistics(LocalDate from, LocalDate to) {
        Map<Long, Agency> names = agencies.byId();
        return store.statistics(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), dossiers.now()).stream()
                .map(r -> new AgencyDossierStatistic(r[0], names.get(r[0]).name(), r[1], r[2], r[3], r[4], r[5], r[6]))
                .filter(s -> s.received() + s.finishedOnTime() + s.finishedLate() + s.ended() + s.open() > 0)
                .sorted(VietnameseText.by(AgencyDossierStatistic::agencyName)).toList();
    }

    /** Dossiers handled by one of the units whose result was returned between the two days (inclusive). */
    public List<FinishedDossier> finished(java.util.Collection<Long> handlingUnits, LocalDate from, LocalDate to) {
        return store.finished(handlingUnits, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    /** The trails through the internal process of the dossiers of one procedure finished in the days given (inclusive). */
    public List<StepTrail> stepTrails(String procedureCode, LocalDate from, LocalDate to) {
        return store.stepTrails(procedureCode, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    /** Dossiers of a citizen's own account. */
    /**
     * The dossiers handled in this system that were received (or submitted, when not yet received) in the days from
     * {@code from} to {@code to} inclusive: id → code (what the national portal should hold for that period).
     */
    public Map<Long, String> receivedBetween(LocalDate from, LocalDate to) {
        return store.receivedBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    public List<DossierView> mine(CurrentUser user) {
        return views(store.list("applicant_username = :u", Map.of("u", user.username()), "submitted_at desc", QUEUE_LIMIT));
    }

    public DossierView view(Dossier d) {
        return views(List.of(d)).get(0);
    }

    private List<DossierView> views(List<Dossier> list) {
        Map<Long, Agency> names = agencies.byId();
        // published versions never change, so one load per version and variant serves the whole list
        Map<String, List<ProcessStep>> processes = new java.util.HashMap<>();
        List<DossierView> result = new ArrayList<>();
        for (Dossier d : list) {
            String stepName = null;
            String stepRole = null;
            if (d.currentStep() != null && d.open()) {
                List<ProcessStep> steps = processes.computeIfAbsent(d.procedureVersionId() + "/" + d.processVariant(), k -> dossiers.steps(d));
                if (d.currentStep() <= steps.size()) {
                    ProcessStep s = steps.get(d.currentStep() - 1);
                    stepName = d.currentStep() + ". " + s.name();
                    stepRole = s.role().label();
                }
            }
            result.add(new DossierView(d, dossiers.deadline(d), names.get(d.receivingAgencyId()).name(),
                    names.get(d.handlingAgencyId()).name(), stepName, stepRole));
        }
        return result;
    }

    private String scoped(CurrentUser user, Map<String, Object> params, String condition) {
        Set<Long> units = new HashSet<>();
        for (Role role : Role.values()) {
            if (role != Role.CITIZEN) {
                units.addAll(units(user, role));
            }
        }
        params.put("scope", units.isEmpty() ? Set.of(-1L) : units);
        return condition + " and (handling_agency_id in (:scope) or receiving_agency_id in (:scope))";
    }

    /**
     * The units whose dossiers a role works on, as {@link DossierService#mayAct} and {@link DossierService#maySee} decide:
     * for the counter, specialists and leaders the agency the role is granted in with its specialist divisions; for
     * inspectors the granted unit and everything below it; administrators and TTHC-control officers none.
     */
    private Set<Long> units(CurrentUser user, Role role) {
        Set<Long> units = new HashSet<>();
        for (Long u : user.unitsFor(role)) {
            switch (role) {
                case AUDITOR -> units.addAll(agencies.subtree(u));
                case RECEIVING_OFFICER, PROCESSING_OFFICER, LEADER -> units.addAll(agencies.agencyUnits(u));
                default -> {
                    // administrators and TTHC-control officers do not handle dossiers
                }
            }
        }
        return units.isEmpty() ? Set.of(-1L) : units;
    }

    private String name(long agencyId) {
        return agencies.get(agencyId).name();
    }
}
