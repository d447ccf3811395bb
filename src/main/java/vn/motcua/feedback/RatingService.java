package vn.motcua.feedback;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.feedback.internal.RatingStore;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.AttemptLimiter;
import vn.motcua.shared.Digests;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Satisfaction ratings of dossiers whose result was returned: by the applicant on their own page, by whoever holds the
 * tracking values on the tracking page, and by a counter kiosk for the dossier its officer just returned. One rating
 * per dossier; a change is kept as history. Also the kiosks, and the figures per agency, procedure and officer.
 */
@Service
public class RatingService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RatingStore store;
    private final DossierService dossiers;
    private final DossierQueries queries;
    private final AgencyService agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FeedbackProperties props;
    private final Clock clock;
    private final vn.motcua.identity.AccountService accounts;
    private final AttemptLimiter kioskGuesses;

    public RatingService(RatingStore store, DossierService dossiers, DossierQueries queries, AgencyService agencies, AuditLog audit,
                         ApplicationEventPublisher events, FeedbackProperties props, Clock clock, vn.motcua.identity.AccountService accounts) {
        this.accounts = accounts;
        this.store = store;
        this.dossiers = dossiers;
        this.queries = queries;
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
        this.kioskGuesses = new AttemptLimiter(clock, 5, Duration.ofSeconds(2), 20, Duration.ofMinutes(15), Duration.ofHours(1), 10_000);
    }

    /** What a rating says. */
    public record Input(Satisfaction satisfaction, Rating.Scores scores, String comment) {
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public Optional<Rating> ofDossier(long dossierId) {
        return store.byDossier(dossierId);
    }

    public List<Rating.Change> changes(Rating r) {
        return store.changes(r.id());
    }

    /** A dossier can be rated once its result was returned. */
    public static boolean ratable(Dossier d) {
        return d.status() == DossierStatus.RETURNED;
    }

    // ------------------------------------------------------------------ rating

    /** The applicant rates their own dossier (from "my dossiers"). */
    @Transactional
    public Rating rateAsApplicant(long dossierId, Input input, CurrentUser user) {
        Dossier d = dossiers.get(dossierId);
        if (!dossiers.isApplicant(user, d)) {
            audit.recordAttempt("rating.refused", "dossier", dossierId, Map.of("reason", "not the applicant"));
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return rate(d, input, RatingSource.ONLINE, null, user.username());
    }

    /** Whoever holds the dossier code, its tracking secret and the check digits rates it from the tracking page. */
    @Transactional
    public Rating rateFromTracking(String code, String secret, String check, String clientAddress, Input input) {
        Dossier d = queries.trackedDossier(code, secret, check, clientAddress);
        return rate(d, input, RatingSource.TRACKING, null, AuditLog.ANONYMOUS);
    }

    /** The counter kiosk rates the dossier its officer returned at the counter within the window, once. */
    @Transactional
    public Rating rateAtKiosk(String token, long dossierId, Input input, String clientAddress) {
        RatingStore.Kiosk k = kiosk(token, clientAddress);
        RatingStore.Due due = store.latestReturnBy(k.officer(), now().minus(props.kioskWindow()), now())
                .filter(u -> u.dossierId() == dossierId)
                .orElseThrow(() -> new ValidationException(List.of(new vn.motcua.shared.FieldProblem("dossier",
                        "Hồ sơ này không còn chờ đánh giá tại quầy (đã đánh giá, hoặc đã quá " + props.kioskWindow().toMinutes() + " phút sau khi trả)."))));
        Dossier d = dossiers.get(due.dossierId());
        return rate(d, input, RatingSource.KIOSK, k.id(), "kiosk:" + k.id());
    }

    private Rating rate(Dossier d, Input input, RatingSource source, Long kioskId, String actor) {
        if (!ratable(d)) {
            throw ValidationException.of("satisfaction", "Chỉ đánh giá được hồ sơ đã trả kết quả.");
        }
        Problems p = new Problems();
        p.require(input.satisfaction() != null, "satisfaction", "Vui lòng chọn mức độ hài lòng.");
        Rating.Scores s = input.scores() == null ? Rating.Scores.NONE : input.scores();
        for (Integer v : s.list()) {
            p.require(v == null || (v >= 0 && v <= 2), "scores", "Điểm từng tiêu chí phải là 0, 1 hoặc 2.");
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        p.require(comment == null || comment.length() <= 1000, "comment", "Ý kiến tối đa 1000 ký tự.");
        p.throwIfAny();
        LocalDateTime now = now();
        String officer = store.due(d.id()).map(RatingStore.Due::returnedBy).orElseGet(() -> returnedBy(d));
        Optional<Rating> existing = store.byDossierForUpdate(d.id());
        Rating r = new Rating(existing.map(Rating::id).orElse(0L), d.id(), d.code(), d.procedureCode(), d.procedureName(), d.handlingAgencyId(),
                d.receivingAgencyId(), officer, input.satisfaction(), s, comment, source, now, existing.map(Rating::changes).orElse(0), 0);
        long id;
        if (existing.isPresent()) {
            if (source == RatingSource.KIOSK && existing.get().source() != RatingSource.KIOSK) {
                throw ValidationException.of("satisfaction", "Người nộp hồ sơ đã tự đánh giá hồ sơ này.");
            }
            store.update(r, existing.get().rowVersion(), kioskId);
            id = existing.get().id();
        } else {
            id = store.insert(r, kioskId);
        }
        store.history(id, r, actor);
        Rating saved = store.byDossier(d.id()).orElseThrow();
        audit.recordAs(actor, existing.isPresent() ? "rating.changed" : "rating.given", "dossier", d.id(), existing.orElse(null),
                Map.of("satisfaction", saved.satisfaction().name(), "source", source.name(), "scores", s.list().toString(),
                        "comment", comment == null ? "" : comment));
        events.publishEvent(new FeedbackEvents.Rated(d.id(), d.code(), now, saved.satisfaction(), source, existing.isPresent()));
        return saved;
    }

    /** The officer who returned the result: the actor of the dossier's last return. */
    private static String returnedBy(Dossier d) {
        return d.history().stream().filter(h -> h.action() == DossierAction.RETURN_RESULT).reduce((a, b) -> b)
                .map(DossierHistoryEntry::actor).orElse(null);
    }

    /** Records who returned the result and how (the listener of ResultReturned): what a kiosk offers for rating. */
    @Transactional
    public void recordReturn(long dossierId) {
        Dossier d = dossiers.get(dossierId);
        String by = returnedBy(d);
        if (by == null || d.delivery() == null) {
            return;
        }
        LocalDateTime at = d.finishedAt() != null ? d.finishedAt() : now();
        store.recordReturn(d.id(), d.code(), d.receivingAgencyId(), at, by, d.delivery().name());
    }

    // ------------------------------------------------------------------ kiosks

    /** A paired kiosk and, once, its address (the token is never shown again). */
    public record KioskPairing(RatingStore.Kiosk kiosk, String token) {
    }

    /** What a kiosk shows: the dossier its officer just returned at the counter, if any. */
    public record KioskScreen(long kioskId, String kioskName, String officerName, String agencyName, Long dossierId, String dossierCode,
                              String procedureName, LocalDateTime returnedAt) {
    }

    public List<RatingStore.Kiosk> kiosks(CurrentUser officer) {
        return store.kiosksOf(officer.username());
    }

    @Transactional
    public KioskPairing pairKiosk(CurrentUser officer, String name) {
        Long unit = officer.unitsFor(Role.RECEIVING_OFFICER).stream().findFirst()
                .orElseThrow(() -> ValidationException.of("name", "Chỉ cán bộ tiếp nhận, trả kết quả mới gắn được thiết bị đánh giá tại quầy."));
        String clean = name == null ? "" : name.strip();
        Problems p = new Problems();
        p.require(!clean.isEmpty() && clean.length() <= 100, "name", "Nhập tên quầy (tối đa 100 ký tự), ví dụ \"Quầy số 3\".");
        p.throwIfAny();
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = store.insertKiosk(unit, officer.username(), clean, Digests.sha256Hex(token), now());
        audit.record("rating.kiosk-paired", "rating_kiosk", id, null, Map.of("name", clean, "agency", unit));
        return new KioskPairing(store.kiosk(id).orElseThrow(), token);
    }

    @Transactional
    public void revokeKiosk(long id, CurrentUser officer) {
        RatingStore.Kiosk k = store.kiosk(id).filter(x -> x.officer().equals(officer.username()))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy thiết bị."));
        store.revoke(k.id(), now());
        audit.record("rating.kiosk-revoked", "rating_kiosk", id, k, null);
    }

    public KioskScreen kioskScreen(String token, String clientAddress) {
        RatingStore.Kiosk k = kiosk(token, clientAddress);
        Optional<RatingStore.Due> due = store.latestReturnBy(k.officer(), now().minus(props.kioskWindow()), now());
        Dossier d = due.map(u -> dossiers.get(u.dossierId())).orElse(null);
        // the officer's name only while a dossier is shown (the waiting screen is asked for every few seconds)
        String officer = d == null ? k.officer() : Optional.ofNullable(returnedBy(d)).orElse(k.officer());
        String officerName = d == null ? null : accounts.list().stream().filter(a -> a.username().equals(officer)).findFirst()
                .map(vn.motcua.identity.Account::fullName).orElse(officer);
        return new KioskScreen(k.id(), k.name(), officerName, agencies.get(k.agencyId()).name(), d == null ? null : d.id(),
                d == null ? null : d.code(), d == null ? null : d.procedureName(), due.map(RatingStore.Due::returnedAt).orElse(null));
    }

    private RatingStore.Kiosk kiosk(String token, String clientAddress) {
        String address = clientAddress == null ? "?" : clientAddress;
        kioskGuesses.blockedFor(address).ifPresent(w -> {
            throw new TooManyAttemptsException(w);
        });
        if (token == null || token.length() < 20 || token.length() > 64) {
            kioskGuesses.failed(address);
            throw new NotFoundException("Thiết bị đánh giá không hợp lệ hoặc đã bị thu hồi.");
        }
        Optional<RatingStore.Kiosk> k = store.kioskByToken(Digests.sha256Hex(token));
        if (k.isEmpty()) {
            kioskGuesses.failed(address);
            throw new NotFoundException("Thiết bị đánh giá không hợp lệ hoặc đã bị thu hồi.");
        }
        return k.get();
    }

    // ------------------------------------------------------------------ figures

    /** Ratings per handling agency given between the days (inclusive). */
    public List<SatisfactionRow> byAgency(LocalDate from, LocalDate to) {
        Map<Long, Agency> names = agencies.byId();
        return rows(store.between(from.atStartOfDay(), to.plusDays(1).atStartOfDay()), r -> Long.toString(agencies.owningAgency(r.agencyId())),
                key -> Optional.ofNullable(names.get(Long.parseLong(key))).map(Agency::name).orElse(key));
    }

    public List<SatisfactionRow> byProcedure(LocalDate from, LocalDate to) {
        List<Rating> list = store.between(from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        Map<String, String> names = new java.util.HashMap<>();
        list.forEach(r -> names.put(r.procedureCode(), r.procedureName()));
        return rows(list, Rating::procedureCode, key -> key + " — " + names.get(key));
    }

    /** Per officer who returned the result (internal figures: only for leaders and control officers). */
    public List<SatisfactionRow> byOfficer(LocalDate from, LocalDate to, Function<String, String> displayName) {
        return rows(store.between(from.atStartOfDay(), to.plusDays(1).atStartOfDay()).stream().filter(r -> r.officer() != null).toList(),
                Rating::officer, displayName);
    }

    /** Ratings of the dossiers (for the evaluation). */
    public Map<Long, Rating> ofDossiers(java.util.Collection<Long> dossierIds) {
        Map<Long, Rating> out = new java.util.HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(dossierIds), 500)) {
            store.ofDossiers(chunk).forEach(r -> out.put(r.dossierId(), r));
        }
        return out;
    }

    /** The list in consecutive parts of at most {@code size} (for IN lists of a bounded length). */
    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    private static List<SatisfactionRow> rows(List<Rating> ratings, Function<Rating, String> key, Function<String, String> name) {
        Map<String, List<Rating>> groups = new LinkedHashMap<>();
        ratings.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> row(e.getKey(), name.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(SatisfactionRow::total).reversed().thenComparing(VietnameseText.by(SatisfactionRow::name)))
                .toList();
    }

    static SatisfactionRow row(String key, String name, List<Rating> list) {
        long very = list.stream().filter(r -> r.satisfaction() == Satisfaction.VERY_SATISFIED).count();
        long sat = list.stream().filter(r -> r.satisfaction() == Satisfaction.SATISFIED).count();
        long not = list.stream().filter(r -> r.satisfaction() == Satisfaction.NOT_SATISFIED).count();
        return new SatisfactionRow(key, name, very, sat, not, avg(list, s -> s.time()), avg(list, s -> s.contacts()),
                avg(list, s -> s.agencies()), avg(list, s -> s.attitude()), avg(list, s -> s.online()));
    }

    private static BigDecimal avg(List<Rating> list, Function<Rating.Scores, Integer> f) {
        List<Integer> v = list.stream().map(r -> f.apply(r.scores())).filter(java.util.Objects::nonNull).toList();
        return v.isEmpty() ? null : BigDecimal.valueOf(v.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(v.size()), 2, RoundingMode.HALF_UP);
    }

    /**
     * The month's vote summary per procedure and unit, as the national portal takes it (DongBoDanhGia): ratings given in
     * the month, the shares of each level (2 decimals) and the comments.
     */
    public List<VoteSummary> monthlySummary(YearMonth month) {
        List<Rating> list = store.between(month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay());
        Map<String, List<Rating>> groups = new java.util.TreeMap<>();
        Map<Long, Long> owner = new java.util.HashMap<>();
        for (Rating r : list) {
            long unit = owner.computeIfAbsent(r.agencyId(), agencies::owningAgency);
            groups.computeIfAbsent(unit + "|" + r.procedureCode(), k -> new ArrayList<>()).add(r);
        }
        String label = month.getMonthValue() + "-" + month.getYear();
        List<VoteSummary> out = new ArrayList<>();
        groups.forEach((k, rs) -> {
            Agency a = agencies.get(Long.parseLong(k.substring(0, k.indexOf('|'))));
            SatisfactionRow row = row(k, a.name(), rs);
            out.add(new VoteSummary(label, a.identifierCode() != null ? a.identifierCode() : a.code(), a.name(), rs.get(0).procedureCode(),
                    rs.get(0).procedureName(), row.total(), row.percent(row.very()), row.percent(row.satisfied()), row.percent(row.notSatisfied()),
                    rs.stream().map(Rating::comment).filter(c -> c != null && !c.isBlank()).toList()));
        });
        return out;
    }
}
