package vn.motcua.catalog;

import org.springframework.stereotype.Service;
import vn.motcua.catalog.internal.CatalogStore;
import vn.motcua.catalog.internal.DecisionRow;
import vn.motcua.catalog.internal.ProcedureRow;
import vn.motcua.catalog.internal.VersionRow;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.VietnameseText;

import vn.motcua.shared.VietnameseText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Public API of the catalog: what is published, as of any date. Its reads need no transaction of their own (each
 * query sees what is committed; inside a caller's transaction they join it): most are answered from what this node
 * keeps, and a read-only transaction around them took a pooled connection, a BEGIN and a COMMIT for an answer that
 * needs none — under load the public pages queued for connections to read a number held in memory.
 */
@Service
public class CatalogService {
    private final CatalogStore store;
    private final AgencyService agencies;

    /** Bumped by every change the public pages show (publication, abolition, a new field), at once and when its transaction ends. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** The published catalog's generation on this node: cached public pages of an older one are stale. */
    public long generation() {
        return generation.get();
    }

    /** Call when what the public pages show changes; bumps again when the changing transaction ends (commit or rollback). */
    void published() {
        generation.incrementAndGet();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            generation.incrementAndGet();
                        }
                    });
        }
    }

    public CatalogService(CatalogStore store, AgencyService agencies) {
        this.store = store;
        this.agencies = agencies;
    }

    /** The fields, in Vietnamese alphabetical order. */
    public List<ProcedureField> fields() {
        return store.fields().stream().sorted(VietnameseText.by(ProcedureField::name)).toList();
    }

    public SearchResult search(SearchQuery q, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, 100));
        int safePage = Math.max(1, Math.min(page, 1_000_000)); // beyond that, an empty page rather than an overflowing offset
        List<String> terms = VietnameseText.terms(q.text());
        LocalDate today = agencies.today();
        SearchKey key = new SearchKey(terms, q.agencyId(), q.fieldId(), q.level(), q.onlineLevel(), today, safePage, safeSize);
        long gen = generation.get();
        boolean keep = terms.size() <= MAX_KEPT_TERMS;
        Searched kept = keep ? searches.get(key) : null;
        if (kept != null && kept.generation() == gen && System.nanoTime() - kept.at() < FULL_TTL_NANOS) {
            return kept.result();
        }
        SearchResult result = search(terms, q, today, safePage, safeSize);
        if (keep) {
            if (searches.size() >= 2000) {
                searches.clear();
            }
            searches.put(key, new Searched(gen, System.nanoTime(), result));
        }
        return result;
    }

    /**
     * Searches are kept like published versions (below): the same search — citizens' commonest ones come again and
     * again — is answered from memory while this node's catalog has not changed and for at most 30 s (another node's
     * publication, a renamed unit), on the day it was made.
     */
    private record SearchKey(List<String> terms, Long agencyId, Long fieldId, ProcedureLevel level, OnlineLevel onlineLevel, LocalDate day,
                             int page, int size) {
    }

    private record Searched(long generation, long at, SearchResult result) {
    }

    private static final int MAX_KEPT_TERMS = 12;
    private final Map<SearchKey, Searched> searches = new java.util.concurrent.ConcurrentHashMap<>();

    private SearchResult search(List<String> terms, SearchQuery q, LocalDate today, int safePage, int safeSize) {
        long total = store.count(terms, q.agencyId(), q.fieldId(), q.level(), q.onlineLevel(), today);
        Map<Long, Agency> names = agencies.byId();
        Map<Long, ProcedureField> fields = store.fields().stream().collect(Collectors.toMap(ProcedureField::id, Function.identity()));
        List<ProcedureSummary> items = store.search(terms, q.agencyId(), q.fieldId(), q.level(), q.onlineLevel(), today,
                        (safePage - 1) * safeSize, safeSize).stream()
                .map(v -> new ProcedureSummary(v.code(), v.versionNo(), v.name(), fields.get(v.fieldId()).name(), v.level(),
                        names.containsKey(v.agencyId()) ? names.get(v.agencyId()).name() : "", v.onlineLevel(), v.timeLimitDays(),
                        v.onlineTimeLimitDays(), v.validFrom(), v.implementingAgency()))
                .toList();
        return new SearchResult(items, total, safePage, safeSize);
    }

    /** The version of the procedure in force today. */
    public ProcedureVersion current(String code) {
        return inForceOn(code, agencies.today()).orElseThrow(() -> notInForce(code));
    }

    /** The exact version in force on a date: what a dossier received that day must point to. */
    public Optional<ProcedureVersion> inForceOn(String code, LocalDate date) {
        return store.inForce(code, date).map(this::full);
    }

    public ProcedureVersion version(long versionId) {
        return store.version(versionId).map(this::full)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy phiên bản thủ tục."));
    }

    /**
     * The internal process of a version, one variant's steps. A published version's process never changes (an
     * amendment is a new version; only drafts are edited), so it is read once per node and kept; a draft's is read
     * each time.
     */
    public List<ProcessStep> process(long versionId, ProcessVariant variant) {
        List<ProcessStep> all = publishedProcesses.get(versionId);
        if (all == null) {
            ProcedureVersion v = version(versionId);
            all = v.process();
            if (v.status() != VersionStatus.PUBLISHED) {
                return v.process(variant);
            }
            if (publishedProcesses.size() >= 5000) {
                publishedProcesses.clear();
            }
            publishedProcesses.put(versionId, all);
        }
        return all.stream().filter(s -> s.variant() == variant).toList();
    }

    private final Map<Long, List<ProcessStep>> publishedProcesses = new java.util.concurrent.ConcurrentHashMap<>();

    /** A published version by number (drafts are not public). */
    public ProcedureVersion publishedVersion(String code, int versionNo) {
        return store.byNumber(code, versionNo).filter(v -> v.status() == VersionStatus.PUBLISHED).map(this::full)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy phiên bản " + versionNo + " của thủ tục " + code + "."));
    }

    /** Versions of a procedure, newest first; drafts only when asked. */
    public List<VersionHistoryEntry> history(String code, boolean withDrafts) {
        ProcedureRow p = store.procedureByCode(code).orElseThrow(() -> new NotFoundException("Không tìm thấy thủ tục có mã " + code + "."));
        List<VersionHistoryEntry> list = new ArrayList<>();
        for (VersionRow v : store.versionsOf(p.id())) {
            if (v.status() == VersionStatus.DRAFT && !withDrafts) {
                continue;
            }
            Optional<DecisionRow> d = v.decisionId() == null ? Optional.empty() : store.decision(v.decisionId());
            list.add(new VersionHistoryEntry(v.id(), v.versionNo(), v.status(), v.name(), v.action(),
                    d.map(DecisionRow::number).orElse(null), d.map(DecisionRow::signedOn).orElse(null), v.validFrom(), v.validUntil()));
        }
        list.sort(Comparator.comparing(VersionHistoryEntry::versionNo).reversed());
        return list;
    }

    /** The latest published version even if it is no longer (or not yet) in force, for a procedure page. */
    public ProcedureVersion latestPublished(String code) {
        ProcedureRow p = store.procedureByCode(code).orElseThrow(() -> notInForce(code));
        return store.versionsOf(p.id()).stream().filter(v -> v.status() == VersionStatus.PUBLISHED)
                .max(Comparator.comparing(VersionRow::versionNo)).map(this::full).orElseThrow(() -> notInForce(code));
    }

    /** Whether a text is a procedure code of the national TTHC database (1.001234, optionally with the local suffix). */
    public static boolean isProcedureCode(String code) {
        return code != null && vn.motcua.catalog.domain.ProcedureRules.CODE.matcher(code.trim()).matches();
    }

    /** Every procedure in force on a day, with all its parts. */
    public List<ProcedureVersion> allInForce(LocalDate date) {
        return store.allInForce(date).stream().map(this::full).toList();
    }

    /** The publication decisions signed between two days (inclusive), oldest first. */
    public List<PublishedDecision> decisions(LocalDate from, LocalDate to) {
        List<Object[]> rows = store.decisionsSigned(from, to);
        Map<Long, List<String>> codes = store.decisionCodes(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream().map(r -> new PublishedDecision((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (LocalDate) r[4],
                (LocalDate) r[5], codes.getOrDefault((Long) r[0], List.of()), (LocalDate) r[6])).toList();
    }

    /** One publication decision by number. */
    public Optional<PublishedDecision> decision(String number) {
        return store.decision(number).flatMap(d -> decisions(d.signedOn(), d.signedOn()).stream().filter(x -> x.id() == d.id()).findFirst());
    }

    public FormFile formFile(long versionId, long componentId) {
        VersionRow v = store.version(versionId).orElseThrow(() -> new NotFoundException("Không tìm thấy biểu mẫu."));
        Component c = store.components(v.id()).stream().filter(x -> x.id() == componentId && x.formFileId() != null).findFirst()
                .orElseThrow(() -> new NotFoundException("Thành phần hồ sơ này không có mẫu đơn, tờ khai."));
        return store.file(c.formFileId()).orElseThrow(() -> new NotFoundException("Không tìm thấy tệp biểu mẫu."));
    }

    /** Per month and agency: procedures published new, amended, replaced, abolished in the year. */
    public List<MonthlyStatistic> monthlyStatistics(int year) {
        Map<Long, Agency> names = agencies.byId();
        Map<String, long[]> counts = new TreeMap<>();
        for (Object[] row : store.decisionCounts(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))) {
            LocalDate on = (LocalDate) row[0];
            String key = String.format("%02d|%d", on.getMonthValue(), (Long) row[1]);
            counts.computeIfAbsent(key, k -> new long[4])[((PublicationAction) row[2]).ordinal()]++;
        }
        List<MonthlyStatistic> result = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            long agencyId = Long.parseLong(parts[1]);
            String name = names.containsKey(agencyId) ? names.get(agencyId).name() : "#" + agencyId;
            result.add(new MonthlyStatistic(year, Integer.parseInt(parts[0]), agencyId, name, c[0], c[1], c[2], c[3]));
        });
        result.sort(Comparator.comparing(MonthlyStatistic::month).thenComparing(MonthlyStatistic::agencyName));
        return result;
    }

    /**
     * A published version with its components, fees and process: read on every dossier transition and by every listener
     * of its events, so kept in memory. A kept copy serves only while its version row reads the same, this node's catalog
     * has not changed since, and for at most 30 s (another node's changes to what a version shows: a renamed unit, an
     * abolition). Drafts are always read.
     */
    ProcedureVersion full(VersionRow v) {
        if (v.status() != VersionStatus.PUBLISHED) {
            return load(v);
        }
        long gen = generation.get();
        Full kept = fullVersions.get(v.id());
        if (kept != null && kept.generation() == gen && kept.row().equals(v) && System.nanoTime() - kept.loadedAt() < FULL_TTL_NANOS) {
            return kept.version();
        }
        ProcedureVersion loaded = load(v);
        if (fullVersions.size() >= 2000) {
            fullVersions.clear();
        }
        fullVersions.put(v.id(), new Full(v, gen, System.nanoTime(), loaded));
        return loaded;
    }

    private static final long FULL_TTL_NANOS = java.time.Duration.ofSeconds(30).toNanos();
    private final Map<Long, Full> fullVersions = new java.util.concurrent.ConcurrentHashMap<>();

    private record Full(VersionRow row, long generation, long loadedAt, ProcedureVersion version) {
    }

    private ProcedureVersion load(VersionRow v) {
        Map<Long, Agency> names = agencies.byId();
        ProcedureField field = store.fields().stream().filter(f -> f.id() == v.fieldId()).findFirst().orElseThrow();
        ProcedureRow p = store.procedure(v.procedureId()).orElseThrow();
        String decisionNumber = v.decisionId() == null ? null : store.decision(v.decisionId()).map(DecisionRow::number).orElse(null);
        String replacesCode = v.replacesProcedureId() == null ? null : store.procedure(v.replacesProcedureId()).map(ProcedureRow::code).orElse(null);
        String replacedByCode = p.replacedById() == null ? null : store.procedure(p.replacedById()).map(ProcedureRow::code).orElse(null);
        return new ProcedureVersion(v.id(), v.procedureId(), v.code(), v.versionNo(), v.status(), v.name(), field, v.level(),
                v.agencyId(), names.containsKey(v.agencyId()) ? names.get(v.agencyId()).name() : "", v.implementingAgency(),
                v.steps(), v.methodDetails(), v.byCounter(), v.byOnline(), v.byPost(), v.onlineLevel(), v.timeLimitDays(),
                v.onlineTimeLimitDays(), v.timeLimitNote(), v.subjects(), v.resultType(), v.feesNote(), v.requirements(),
                v.legalBasis(), replacesCode, v.validFrom(), v.validUntil(), v.decisionId(), decisionNumber, v.action(),
                store.components(v.id()), store.fees(v.id()), store.process(v.id()), v.createdBy(), v.updatedAt(), v.rowVersion(),
                p.abolishedOn(), replacedByCode);
    }

    private static NotFoundException notInForce(String code) {
        return new NotFoundException("Không tìm thấy thủ tục hành chính đang có hiệu lực với mã " + code + ".");
    }
}
