package vn.motcua.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.ActingUser;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureAdminService;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.VoteSummary;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.integration.domain.CatalogComparison;
import vn.motcua.integration.internal.OutboxStore;
import vn.motcua.integration.internal.PartnerHttp;
import vn.motcua.integration.internal.PortalSync;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.Digests;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.UnavailableException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The national public-service portal: the catalog pulled from it and what it means for the local catalog (a code
 * mapping, drafts proposed for amended procedures), the monthly vote summary pushed to it, and the reconciliation of
 * what it holds with what was received here. Dossiers and their status changes reach it through the outbox
 * ({@link OutboxService}).
 */
@Service
public class PortalService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String COLUMNS = """
            national_code, name, field_code, agency_level, pulled_at, local_code, proposal_status, differences, decided_by, decided_at,
            draft_version_id, row_version""";
    private static final RowMapper<PortalProcedure> PROCEDURE = (rs, n) -> new PortalProcedure(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getObject(10, LocalDateTime.class), rs.getObject(11, Long.class), rs.getLong(12));

    private final JdbcClient jdbc;
    private final PartnerHttp http;
    private final IntegrationProperties props;
    private final ObjectMapper json;
    private final CatalogService catalog;
    private final ProcedureAdminService procedures;
    private final DossierQueries dossiers;
    private final PortalSync sync;
    private final OutboxStore outbox;
    private final RatingService ratings;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    PortalService(org.springframework.transaction.support.TransactionTemplate tx, JdbcClient jdbc, PartnerHttp http, IntegrationProperties props, ObjectMapper json, CatalogService catalog,
                  ProcedureAdminService procedures, DossierQueries dossiers, PortalSync sync, OutboxStore outbox, RatingService ratings,
                  AuditLog audit, Clock clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.http = http;
        this.props = props;
        this.json = json;
        this.catalog = catalog;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.sync = sync;
        this.outbox = outbox;
        this.ratings = ratings;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private JsonNode call(String service, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("MaDonVi", props.portal().clientId());
        body.putAll(fields);
        try {
            JsonNode a = http.post(props.portal(), "", json.writeValueAsString(body), null);
            if (a.path("error_code").asInt(-1) != 0) {
                throw new UnavailableException("Cổng DVCQG trả lời lỗi: " + a.path("message").asText(), null);
            }
            return a;
        } catch (PartnerHttp.Failed e) {
            throw new UnavailableException("Cổng DVCQG chưa trả lời (" + e.getMessage() + "). Thử lại sau.", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- catalog

    /** What a pull found. */
    public record PullResult(int procedures, int fields, int agencies, int proposals) {
    }

    /** A pull of the national catalog: running while {@code finishedAt} is null; {@code error} when the portal did not answer. */
    public record CatalogPull(long id, LocalDateTime startedAt, LocalDateTime finishedAt, String pulledBy, int procedures, int proposals,
                              String error) {
        public boolean running() {
            return finishedAt == null;
        }
    }

    private final java.util.concurrent.ExecutorService pulls = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-pull");
        t.setDaemon(true);
        return t;
    });

    @jakarta.annotation.PreDestroy
    void stop() {
        pulls.shutdownNow();
    }

    /**
     * Starts a pull in the background (the officer does not wait on the portal) and returns it; a pull already running
     * is returned instead of starting another.
     */
    public CatalogPull startPull(CurrentUser user) {
        requireControl(user);
        Optional<CatalogPull> running = lastPull().filter(p -> p.running() && p.startedAt().isAfter(now().minusMinutes(30)));
        if (running.isPresent()) {
            return running.get();
        }
        long id = beginPull(user);
        pulls.submit(() -> {
            try {
                runPull(id, user);
            } catch (RuntimeException e) {
                // recorded on the pull
            }
        });
        return pull(id);
    }

    /**
     * Pulls the national catalog (fields, agencies, procedures with their details) and compares each procedure with the
     * local one of the same code (or mapped to it): the differences become proposals a control officer accepts (a draft
     * amendment is made), maps or dismisses. Nothing in the local catalog changes by itself. Waits for the portal.
     *
     * @throws UnavailableException when the portal does not answer
     */
    public PullResult pullCatalog(CurrentUser user) {
        requireControl(user);
        return runPull(beginPull(user), user);
    }

    private long beginPull(CurrentUser user) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into portal_pull (started_at, pulled_by) values (?, ?)").params(now(), user.username()).update(keys, "id");
        return keys.getKey().longValue();
    }

    private PullResult runPull(long id, CurrentUser user) {
        try {
            JsonNode fields = call("LayDanhMucLinhVuc", Map.of()).path("data");
            JsonNode agencies = call("LayDanhMucCoQuan", Map.of()).path("data");
            JsonNode list = call("LayDanhSachTTHC", Map.of()).path("data");
            Map<String, JsonNode> details = new LinkedHashMap<>();
            for (JsonNode p : list) {
                String code = p.path("MaTTHC").asText();
                details.put(code, call("LayThuTuc", Map.of("MaTTHC", code)).path("data"));
            }
            Integer proposals = tx.execute(s -> {
                int n = store(user, fields, agencies, details);
                jdbc.sql("update portal_pull set finished_at = ?, procedures = ?, proposals = ? where id = ?").params(now(), details.size(), n, id).update();
                return n;
            });
            return new PullResult(details.size(), fields.size(), agencies.size(), proposals == null ? 0 : proposals);
        } catch (RuntimeException e) {
            jdbc.sql("update portal_pull set finished_at = ?, error = ? where id = ?").params(now(), cut(e.getMessage(), 1000), id).update();
            throw e;
        }
    }

    private CatalogPull pull(long id) {
        return jdbc.sql("select id, started_at, finished_at, pulled_by, procedures, proposals, error from portal_pull where id = ?").param(id)
                .query(PULL).single();
    }

    private static final RowMapper<CatalogPull> PULL = (rs, n) -> new CatalogPull(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
            rs.getObject(3, LocalDateTime.class), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7));

    private int store(CurrentUser user, JsonNode fields, JsonNode agencies, Map<String, JsonNode> details) {
        LocalDateTime now = now();
        for (JsonNode f : fields) {
            upsert("portal_field", "national_code", f.path("MaLinhVuc").asText(), Map.of("name", f.path("TenLinhVuc").asText(), "pulled_at", now));
        }
        for (JsonNode a : agencies) {
            upsert("portal_agency", "national_code", a.path("MaCoQuan").asText(), Map.of("name", a.path("TenCoQuan").asText(),
                    "parent_code", a.path("MaCoQuanCha").asText(""), "pulled_at", now));
        }
        int proposals = 0;
        for (Map.Entry<String, JsonNode> e : details.entrySet()) {
            JsonNode d = e.getValue();
            String text = d.toString();
            String hash = Digests.sha256Hex(text);
            Optional<PortalProcedure> known = procedure(e.getKey());
            String localCode = known.map(PortalProcedure::localCode).orElse(null);
            if (localCode == null) {
                localCode = local(e.getKey()).map(ProcedureVersion::code).orElse(null);
            }
            ProcedureVersion v = localCode == null ? null : local(localCode).orElse(null);
            List<String> diff = v == null ? List.of() : CatalogComparison.differences(d, v);
            String status = v == null ? "NEW" : diff.isEmpty() ? "SAME" : "CHANGED";
            boolean unchanged = known.isPresent() && hash.equals(jdbc.sql("select detail_hash from portal_procedure where national_code = ?")
                    .param(e.getKey()).query(String.class).single());
            if (unchanged && !known.get().open() && !"SAME".equals(status)) {
                status = known.get().proposal(); // already decided on this national version
            }
            if ("CHANGED".equals(status) || "NEW".equals(status)) {
                proposals++;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", d.path("TenTTHC").asText());
            values.put("field_code", d.path("MaLinhVuc").asText(null));
            values.put("agency_level", d.path("CapThucHien").asText(null));
            values.put("detail", text);
            values.put("detail_hash", hash);
            values.put("pulled_at", now);
            values.put("local_code", v == null ? localCode : v.code());
            values.put("proposal_status", status);
            values.put("differences", diff.isEmpty() ? null : cut(String.join("\n", diff), 4000));
            upsert("portal_procedure", "national_code", e.getKey(), values);
        }
        audit.recordAs(user.username(), "portal.catalog-pulled", "portal_pull", null, null, Map.of("procedures", details.size(), "proposals", proposals));
        return proposals;
    }

    /** The local version in force today (a lookup that finds nothing must not mark the surrounding transaction for rollback). */
    private Optional<ProcedureVersion> local(String code) {
        return code == null || code.isBlank() ? Optional.empty() : catalog.inForceOn(code, LocalDate.now(clock));
    }

    private void upsert(String table, String keyColumn, String key, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(values.keySet());
        int updated = jdbc.sql("update " + table + " set " + String.join(", ", columns.stream().map(c -> c + " = :" + c).toList())
                + (table.equals("portal_procedure") ? ", row_version = row_version + 1" : "") + " where " + keyColumn + " = :key")
                .params(values).param("key", key).update();
        if (updated == 0) {
            jdbc.sql("insert into " + table + " (" + keyColumn + ", " + String.join(", ", columns) + ") values (:key, "
                    + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")").params(values).param("key", key).update();
        }
    }

    public List<PortalProcedure> procedures(boolean openOnly) {
        return jdbc.sql("select " + COLUMNS + " from portal_procedure" + (openOnly ? " where proposal_status in ('CHANGED', 'NEW')" : "")
                + " order by case proposal_status when 'CHANGED' then 0 when 'NEW' then 1 else 2 end, national_code").query(PROCEDURE).list();
    }

    public Optional<PortalProcedure> procedure(String nationalCode) {
        return jdbc.sql("select " + COLUMNS + " from portal_procedure where national_code = ?").param(nationalCode).query(PROCEDURE).optional();
    }

    /** The latest pull, running or done. */
    public Optional<CatalogPull> lastPull() {
        return jdbc.sql("select id, started_at, finished_at, pulled_by, procedures, proposals, error from portal_pull order by id desc")
                .query(PULL).list().stream().findFirst();
    }

    /**
     * Accepts an amendment: a draft of the local procedure with the national time limit, name and legal basis (the
     * officer completes and publishes it by decision as usual).
     */
    @Transactional
    public PortalProcedure accept(String nationalCode, long rowVersion, CurrentUser user) {
        requireControl(user);
        PortalProcedure p = current(nationalCode, rowVersion);
        if (!"CHANGED".equals(p.proposal()) || p.localCode() == null) {
            throw ValidationException.of("proposal", "Chỉ đề xuất \"có thay đổi\" của một thủ tục đã có ở địa phương mới tạo được dự thảo sửa đổi.");
        }
        JsonNode d = detail(nationalCode);
        ActingUser acting = new ActingUser(user.username(), user.has(Role.ADMIN) ? null : user.unitsFor(Role.TTHC_CONTROL));
        long draftId = procedures.startAmendment(p.localCode(), acting);
        ProcedureVersion draft = catalog.version(draftId);
        ProcedureDraft base = ProcedureAdminService.toDraft(draft);
        BigDecimal days = d.path("ThoiHanGiaiQuyet").isNumber() ? d.path("ThoiHanGiaiQuyet").decimalValue() : base.timeLimitDays();
        ProcedureDraft amended = new ProcedureDraft(base.code(), d.path("TenTTHC").asText(base.name()), base.fieldId(), base.level(), base.agencyId(),
                base.implementingAgency(), base.steps(), base.methodDetails(), base.byCounter(), base.byOnline(), base.byPost(), base.onlineLevel(),
                days, online(base.onlineTimeLimitDays(), days),
                base.timeLimitNote(), base.subjects(), base.resultType(), base.feesNote(), base.requirements(),
                d.path("CanCuPhapLy").asText(base.legalBasis()), base.components(), base.fees(),
                fitted(base.process(), base.timeLimitDays(), days, base.onlineTimeLimitDays(), online(base.onlineTimeLimitDays(), days)));
        procedures.saveDraft(draftId, draft.rowVersion(), amended, List.of(), acting);
        decide(nationalCode, "ACCEPTED", p.localCode(), draftId, user);
        return procedure(nationalCode).orElseThrow();
    }

    /**
     * The internal process shortened in proportion when the time limit is cut (each step's hours scaled down, to the
     * tenth of an hour), so that the draft stays within the new limit; the officer reviews it before publication.
     */
    private static List<vn.motcua.catalog.ProcessStep> fitted(List<vn.motcua.catalog.ProcessStep> steps, BigDecimal oldDays, BigDecimal newDays,
                                                             BigDecimal oldOnline, BigDecimal newOnline) {
        if (steps == null) {
            return null;
        }
        return steps.stream().map(st -> {
            boolean online = st.variant() == vn.motcua.catalog.ProcessVariant.ONLINE;
            BigDecimal from = online && oldOnline != null ? oldOnline : oldDays;
            BigDecimal to = online && newOnline != null ? newOnline : newDays;
            if (from == null || to == null || from.signum() == 0 || to.compareTo(from) >= 0) {
                return st;
            }
            BigDecimal hours = st.durationHours().multiply(to).divide(from, 1, java.math.RoundingMode.FLOOR);
            return new vn.motcua.catalog.ProcessStep(st.variant(), st.position(), st.name(), st.responsible(), st.role(), hours);
        }).toList();
    }

    /** The online time limit kept, shortened when needed to stay the province's required cut below the new time limit. */
    private BigDecimal online(BigDecimal current, BigDecimal days) {
        if (current == null) {
            return null;
        }
        BigDecimal max = procedures.maxOnlineDays(days);
        return current.compareTo(max) > 0 ? max : current;
    }

    /** Maps a national procedure to a local code (the portal's code is then sent for dossiers of that procedure). */
    @Transactional
    public PortalProcedure map(String nationalCode, long rowVersion, String localCode, CurrentUser user) {
        requireControl(user);
        current(nationalCode, rowVersion);
        Problems p = new Problems();
        p.require(localCode != null && local(localCode.trim()).isPresent(), "localCode", "Không có thủ tục địa phương mang mã này.");
        p.throwIfAny();
        decide(nationalCode, "MAPPED", localCode.trim(), null, user);
        return procedure(nationalCode).orElseThrow();
    }

    @Transactional
    public PortalProcedure dismiss(String nationalCode, long rowVersion, CurrentUser user) {
        requireControl(user);
        PortalProcedure p = current(nationalCode, rowVersion);
        decide(nationalCode, "DISMISSED", p.localCode(), null, user);
        return procedure(nationalCode).orElseThrow();
    }

    private PortalProcedure current(String nationalCode, long rowVersion) {
        PortalProcedure p = procedure(nationalCode).orElseThrow(() -> new NotFoundException("Không có thủ tục " + nationalCode + " trong danh mục đã kéo về."));
        if (p.rowVersion() != rowVersion) {
            throw new ConflictException("Đề xuất này vừa được người khác xử lý. Tải lại trang để xem.");
        }
        return p;
    }

    private void decide(String nationalCode, String status, String localCode, Long draftId, CurrentUser user) {
        PortalProcedure before = procedure(nationalCode).orElseThrow();
        jdbc.sql("""
                update portal_procedure set proposal_status = ?, local_code = ?, draft_version_id = ?, decided_by = ?, decided_at = ?,
                  row_version = row_version + 1 where national_code = ?""").params(status, localCode, draftId, user.username(), now(), nationalCode).update();
        audit.record("portal.proposal-" + status.toLowerCase(), "portal_procedure", nationalCode, Map.of("status", before.proposal()),
                Map.of("status", status, "localCode", localCode == null ? "" : localCode));
    }

    public JsonNode detail(String nationalCode) {
        String text = jdbc.sql("select detail from portal_procedure where national_code = ?").param(nationalCode).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Không có thủ tục " + nationalCode + "."));
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireControl(CurrentUser user) {
        if (!user.has(Role.TTHC_CONTROL) && !user.has(Role.ADMIN)) {
            throw new NotFoundException("Không tìm thấy.");
        }
    }

    // ---------------------------------------------------------------- votes

    /**
     * Queues the month's vote summary (per procedure and unit) for the portal, once per month: returns the number of
     * lines, 0 when there were no ratings or it was queued already.
     */
    @Transactional
    public int pushVotes(YearMonth month) {
        List<VoteSummary> lines = ratings.monthlySummary(month);
        if (lines.isEmpty()) {
            return 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "DongBoDanhGia");
        body.put("MaDonVi", props.portal().clientId());
        body.put("data", lines);
        try {
            boolean added = outbox.add("DVCQG:DongBoDanhGia:" + month, "DVCQG", "DongBoDanhGia", "votes:" + month, null, null,
                    "Tổng hợp đánh giá tháng " + month.getMonthValue() + "/" + month.getYear() + " (" + lines.size() + " dòng)",
                    json.writeValueAsString(body), now());
            return added ? lines.size() : 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- reconciliation (index 1.4)

    /**
     * Compares the dossiers received here in the period with those the portal holds; the ones it lacks are queued again
     * (a new full sync of each), the ones it holds that are unknown here are listed for the integration officer.
     */
    public PortalReconciliation reconcile(LocalDate from, LocalDate to, CurrentUser user) {
        Problems p = new Problems();
        p.require(from != null && to != null && !to.isBefore(from), "to", "Khoảng thời gian không hợp lệ.");
        p.require(from == null || to == null || !to.isAfter(from.plusDays(366)), "to", "Đối soát tối đa một năm mỗi lần.");
        p.throwIfAny();
        Map<Long, String> local = dossiers.receivedBetween(from, to);
        JsonNode remote = call("ThongKeHoSoDongBo", Map.of("TuNgay", DAY.format(from), "DenNgay", DAY.format(to)));
        Set<String> remoteCodes = new LinkedHashSet<>();
        remote.path("DanhSachMaHoSo").forEach(n -> remoteCodes.add(n.asText()));
        List<String> missing = new ArrayList<>();
        int resent = 0;
        for (Map.Entry<Long, String> e : local.entrySet()) {
            if (!remoteCodes.contains(e.getValue())) {
                missing.add(e.getValue());
                if (outboxPending(e.getKey())) {
                    continue; // on its way already
                }
                resent += sync.resync(e.getKey()) > 0 ? 1 : 0;
            }
        }
        Set<String> localCodes = new LinkedHashSet<>(local.values());
        List<String> unknown = remoteCodes.stream().filter(c -> !localCodes.contains(c)).toList();
        LocalDateTime now = now();
        jdbc.sql("""
                insert into portal_reconciliation (period_from, period_to, local_count, remote_count, missing_remote, unknown_remote, resent, run_at, run_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(from, to, local.size(), remote.path("TongSo").asInt(remoteCodes.size()),
                cut(String.join(",", missing), 4000), cut(String.join(",", unknown), 4000), resent, now, user.username()).update();
        audit.record("portal.reconciled", "portal_reconciliation", from + ".." + to, null,
                Map.of("local", local.size(), "remote", remoteCodes.size(), "missing", missing.size(), "resent", resent));
        return reconciliations(1).get(0);
    }

    private boolean outboxPending(long dossierId) {
        return jdbc.sql("select count(*) from outbox_message where dossier_id = ? and system = 'DVCQG' and status <> 'SENT'")
                .param(dossierId).query(Long.class).single() > 0;
    }

    public List<PortalReconciliation> reconciliations(int limit) {
        return jdbc.sql("""
                select id, period_from, period_to, local_count, remote_count, missing_remote, unknown_remote, resent, run_at, run_by
                  from portal_reconciliation order by id desc""").query((rs, n) -> new PortalReconciliation(rs.getLong(1),
                rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getObject(9, LocalDateTime.class), rs.getString(10))).list().stream().limit(limit).toList();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
