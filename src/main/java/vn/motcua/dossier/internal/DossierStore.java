package vn.motcua.dossier.internal;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.dossier.Apology;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.StopKind;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.dossier.SupplementStage;
import vn.motcua.dossier.SupplementStatus;
import vn.motcua.dossier.domain.TrackingSecret;
import vn.motcua.dossier.domain.Change;
import vn.motcua.dossier.domain.DossierAggregate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL for dossiers and what belongs to them. The column names of table dossier live here only. */
@Repository
public class DossierStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    /** On PostgreSQL a dossier is read in one round trip (see {@link #loadInOneRoundTrip}); H2 answers one statement at a time. */
    private final boolean oneRoundTrip;

    public DossierStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.oneRoundTrip = "PostgreSQL".equals(jdbcTemplate.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    /** Records a change that is not a transition (files added): the dossier's version moves on, or false if someone changed it meanwhile. */
    public boolean touch(long id, long expectedVersion) {
        return jdbc.sql("update dossier set row_version = row_version + 1 where id = ? and row_version = ?").params(id, expectedVersion).update() == 1;
    }

    /**
     * The next number of a register's sequence that restarts per period (e.g. {@code certified-copy:17:2026}); the row
     * stays locked until the transaction ends, so two entries never get the same number and a rolled-back entry leaves no
     * gap. Dossier codes and the dossier book take theirs from {@link CodeNumbers}.
     */
    public long next(String scope) {
        return next(jdbc, scope);
    }

    static long next(JdbcClient jdbc, String scope) {
        jdbc.sql("insert into dossier_counter (scope, last_value) values (?, 0) on conflict do nothing").param(scope).update();
        jdbc.sql("update dossier_counter set last_value = last_value + 1 where scope = ?").param(scope).update();
        return jdbc.sql("select last_value from dossier_counter where scope = ?").param(scope).query(Long.class).single();
    }

    /** The numbers from {@code from} to {@code to} of a unit's dossier book (a volume) that some dossier holds. */
    public Set<Integer> bookNumbersHeld(long receivingAgencyId, String volume, int from, int to) {
        return new HashSet<>(jdbc.sql("select book_number from dossier where receiving_agency_id = ? and book_volume = ?"
                        + " and book_number between ? and ?")
                .params(receivingAgencyId, volume, from, to).query(Integer.class).list());
    }

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from dossier where code = ?").param(code).query(Long.class).single() > 0;
    }

    /** Values of a new dossier row. */
    public record NewDossier(String code, long versionId, String procedureCode, String procedureName, Channel channel, String variant,
                             long receivingAgencyId, long handlingAgencyId, Applicant applicant, String applicantUsername, Long applicantCommuneId,
                             long ruleSetId, int sets, Delivery resultPlace, DossierStatus status, LocalDateTime submittedAt, BigDecimal timeLimitDays) {
    }

    public long insert(NewDossier d) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier (code, procedure_version_id, procedure_code, procedure_name, channel, process_variant,
                  receiving_agency_id, handling_agency_id, applicant_name, applicant_id_number, applicant_phone, applicant_email,
                  applicant_address, applicant_username, applicant_commune_id, rule_set_id, sets, result_place, status, submitted_at, time_limit_days,
                  tracking_secret)
                values (:code, :versionId, :procedureCode, :procedureName, :channel, :variant, :receiving, :handling, :name, :idNumber,
                  :phone, :email, :address, :username, :commune, :ruleSet, :sets, :place, :status, :submittedAt, :limit, :secret)""")
                .param("secret", TrackingSecret.generate())
                .param("code", d.code()).param("versionId", d.versionId()).param("procedureCode", d.procedureCode())
                .param("procedureName", d.procedureName()).param("channel", d.channel().name()).param("variant", d.variant())
                .param("receiving", d.receivingAgencyId()).param("handling", d.handlingAgencyId())
                .param("name", d.applicant().name()).param("idNumber", d.applicant().idNumber()).param("phone", d.applicant().phone())
                .param("email", d.applicant().email()).param("address", d.applicant().address()).param("username", d.applicantUsername())
                .param("commune", d.applicantCommuneId()).param("ruleSet", d.ruleSetId()).param("sets", d.sets())
                .param("place", d.resultPlace().name()).param("status", d.status().name())
                .param("submittedAt", Timestamp.valueOf(d.submittedAt())).param("limit", d.timeLimitDays())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes what a transition changed, unless someone changed the dossier since it was read; returns rows changed. */
    public int save(DossierAggregate a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", a.status().name());
        p.put("ruleSet", a.ruleSetId());
        p.put("handling", a.handlingAgencyId());
        p.put("receivedAt", ts(a.receivedAt()));
        p.put("clockStartedAt", ts(a.clockStartedAt()));
        p.put("dueAt", ts(a.dueAt()));
        p.put("pausedAt", ts(a.pausedAt()));
        p.put("remaining", a.remainingMinutes());
        p.put("step", a.currentStep());
        p.put("stepRole", a.stepRole() == null ? null : a.stepRole().name());
        p.put("stepStartedAt", ts(a.stepStartedAt()));
        p.put("stepDueAt", ts(a.stepDueAt()));
        p.put("assignee", a.assignee());
        p.put("outcome", a.outcome() == null ? null : a.outcome().name());
        p.put("resultText", a.resultText());
        p.put("processedAt", ts(a.processedAt()));
        p.put("delivery", a.delivery() == null ? null : a.delivery().name());
        p.put("finishedAt", ts(a.finishedAt()));
        p.put("late", a.late());
        p.put("lateExplanation", a.lateExplanation());
        p.put("newAppointmentAt", ts(a.newAppointmentAt()));
        p.put("warnedAt", ts(a.warnedAt()));
        p.put("bookVolume", a.bookVolume());
        p.put("bookNumber", a.bookNumber());
        p.put("supplementCount", a.supplementCount());
        p.put("supplementMinutes", a.supplementMinutes());
        p.put("supplementLate", a.supplementLate());
        p.put("extensionCount", a.extensionCount());
        p.put("stopKind", a.stopKind() == null ? null : a.stopKind().name());
        p.put("stopReason", a.stopReason());
        p.put("stopBasis", a.stopBasis());
        p.put("stopSettlement", a.stopSettlement());
        p.put("stopRequestedAt", ts(a.stopRequestedAt()));
        p.put("stopRequestReason", a.stopRequestReason());
        p.put("id", a.original().id());
        p.put("expected", a.original().rowVersion());
        return jdbc.sql("""
                update dossier set status = :status, rule_set_id = :ruleSet, handling_agency_id = :handling, received_at = :receivedAt,
                  clock_started_at = :clockStartedAt, due_at = :dueAt, paused_at = :pausedAt, remaining_minutes = :remaining,
                  current_step = :step, step_role = coalesce(:stepRole, step_role), step_started_at = :stepStartedAt, step_due_at = :stepDueAt,
                  assignee = :assignee, result_outcome = :outcome, result_text = :resultText, processed_at = :processedAt,
                  result_delivery = :delivery, finished_at = :finishedAt, late = :late, late_explanation = :lateExplanation,
                  new_appointment_at = :newAppointmentAt, warned_at = :warnedAt, book_volume = :bookVolume, book_number = :bookNumber,
                  supplement_count = :supplementCount, supplement_minutes = :supplementMinutes, supplement_late = :supplementLate,
                  extension_count = :extensionCount, stop_kind = :stopKind, stop_reason = :stopReason, stop_basis = :stopBasis,
                  stop_settlement = :stopSettlement, stop_requested_at = :stopRequestedAt, stop_request_reason = :stopRequestReason,
                  row_version = row_version + 1
                where id = :id and row_version = :expected""").params(p).update();
    }

    // ---------------------------------------------------------------- documents and files

    public void insertDocument(long dossierId, long componentId, String name, int originals, int copies, boolean present) {
        jdbc.sql("insert into dossier_document (dossier_id, component_id, component_name, originals, copies, present) values (?, ?, ?, ?, ?, ?)")
                .params(dossierId, componentId, name, originals, copies, present).update();
    }

    public void markPresent(long dossierId, Collection<Long> componentIds) {
        for (Long c : componentIds) {
            jdbc.sql("update dossier_document set present = true where dossier_id = ? and component_id = ?").params(dossierId, c).update();
        }
    }

    private static final String DOCUMENTS = """
            select id, component_id, component_name, originals, copies, present, digitised, reused_document_id
            from dossier_document where dossier_id = ? order by id""";

    private static final RowMapper<DossierDocument> DOCUMENT = (rs, n) -> new DossierDocument(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getBoolean(7), rs.getObject(8, Long.class));

    public List<DossierDocument> documents(long dossierId) {
        return jdbc.sql(DOCUMENTS).param(dossierId).query(DOCUMENT).list();
    }

    /** The components now have files in the dossier (they count as digitised, and as handed in). */
    public void markDigitised(long dossierId, Collection<Long> componentIds) {
        for (Long c : componentIds) {
            jdbc.sql("update dossier_document set digitised = true, present = true where dossier_id = ? and component_id = ?").params(dossierId, c).update();
        }
    }

    public void setDetails(long dossierId, long componentId, vn.motcua.documents.DocumentDetails d) {
        jdbc.sql("update dossier_document set doc_number = ?, doc_issuer = ?, doc_issued_on = ?, doc_expires_on = ? where dossier_id = ? and component_id = ?")
                .params(d.number(), d.issuer(), d.issuedOn(), d.expiresOn(), dossierId, componentId).update();
    }

    /** component id → what the officer read off the document, where something was entered. */
    public Map<Long, vn.motcua.documents.DocumentDetails> details(long dossierId) {
        Map<Long, vn.motcua.documents.DocumentDetails> m = new java.util.HashMap<>();
        jdbc.sql("""
                select component_id, doc_number, doc_issuer, doc_issued_on, doc_expires_on from dossier_document
                where dossier_id = ? and (doc_number is not null or doc_issuer is not null or doc_issued_on is not null or doc_expires_on is not null)""")
                .param(dossierId).query(rs -> {
                    m.put(rs.getLong(1), new vn.motcua.documents.DocumentDetails(rs.getString(2), rs.getString(3),
                            rs.getObject(4, java.time.LocalDate.class), rs.getObject(5, java.time.LocalDate.class)));
                });
        return m;
    }

    /** The component reused a document of the applicant's data store. */
    public void markReused(long dossierId, long componentId, long storedDocumentId) {
        jdbc.sql("update dossier_document set digitised = true, present = true, reused_document_id = ? where dossier_id = ? and component_id = ?")
                .params(storedDocumentId, dossierId, componentId).update();
    }

    /** A file whose bytes are already in the file store under {@code storageKey} (its SHA-256). */
    public long insertFile(long dossierId, Long componentId, Long supplementId, String filename, String contentType, long size, String storageKey,
                           DossierFile.Kind kind, Long storedDocumentId, String resultCode, LocalDateTime at, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier_file (dossier_id, component_id, supplement_id, filename, content_type, size_bytes, sha256, storage_key, kind,
                    stored_document_id, result_code, uploaded_at, uploaded_by)
                values (:dossier, :component, :supplement, :filename, :type, :size, :sha, :sha, :kind, :stored, :result, :at, :by)""")
                .param("dossier", dossierId).param("component", componentId).param("supplement", supplementId).param("filename", filename)
                .param("type", contentType).param("size", size).param("sha", storageKey).param("kind", kind.name())
                .param("stored", storedDocumentId).param("result", resultCode)
                .param("at", Timestamp.valueOf(at)).param("by", by).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String FILES = """
            select id, component_id, supplement_id, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by, kind,
                   stored_document_id, result_code
            from dossier_file where dossier_id = ? order by id""";

    private static final RowMapper<DossierFile> FILE = (rs, n) -> new DossierFile(rs.getLong(1), rs.getObject(2, Long.class),
            rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), time(rs, "uploaded_at"),
            rs.getString(9), DossierFile.Kind.valueOf(rs.getString(10)), rs.getObject(11, Long.class), rs.getString(12));

    public List<DossierFile> files(long dossierId) {
        return jdbc.sql(FILES).param(dossierId).query(FILE).list();
    }

    /** Where a file's bytes are: in the file store (key), or, for files stored before the file store existed, in the row. */
    public record FileBytes(String filename, String contentType, String storageKey, byte[] legacyContent) {
    }

    public Optional<FileBytes> fileBytes(long dossierId, long fileId) {
        return jdbc.sql("select filename, content_type, storage_key, content from dossier_file where dossier_id = ? and id = ?")
                .params(dossierId, fileId).query((rs, n) -> new FileBytes(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }


    // ---------------------------------------------------------------- history

    /** Appends the change's history line and returns it as it was written (with its id). */
    public DossierHistoryEntry insertHistory(long dossierId, LocalDateTime at, String actor, Change c) {
        String note = c.note() == null ? null : truncate(c.note(), 2000);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier_history (dossier_id, at, actor, action, from_status, to_status, step, agency_id, from_agency_id, step_due_at, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, Timestamp.valueOf(at), actor, c.action().name(), c.from() == null ? null : c.from().name(), c.to().name(),
                        c.step(), c.agencyId(), c.fromAgencyId(), ts(c.stepDueAt()), note).update(keys, "id");
        return new DossierHistoryEntry(keys.getKeyAs(Long.class), at, actor, c.action(), c.from(), c.to(), c.step(), c.agencyId(),
                c.fromAgencyId(), c.stepDueAt(), note);
    }

    private static final String HISTORY = "select * from dossier_history where dossier_id = ? order by id";

    private static final RowMapper<DossierHistoryEntry> HISTORY_LINE = (rs, n) -> new DossierHistoryEntry(rs.getLong("id"), time(rs, "at"),
            rs.getString("actor"), DossierAction.valueOf(rs.getString("action")),
            rs.getString("from_status") == null ? null : DossierStatus.valueOf(rs.getString("from_status")),
            DossierStatus.valueOf(rs.getString("to_status")), rs.getObject("step", Integer.class),
            rs.getObject("agency_id", Long.class), rs.getObject("from_agency_id", Long.class), time(rs, "step_due_at"),
            rs.getString("note"));

    public List<DossierHistoryEntry> history(long dossierId) {
        return jdbc.sql(HISTORY).param(dossierId).query(HISTORY_LINE).list();
    }

    // ---------------------------------------------------------------- supplements and apologies

    public int nextSupplementSeq(long dossierId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from dossier_supplement where dossier_id = ?").param(dossierId).query(Integer.class).single();
    }

    public long insertSupplement(long dossierId, int seq, SupplementStage stage, SupplementStatus status, LocalDateTime at, String by, String byName,
                                 String phone, long agencyId, boolean countsLate, String lateReason, String note, List<SupplementRequest.Item> items) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier_supplement (dossier_id, seq, stage, status, requested_at, requested_by, requested_by_name, contact_phone,
                  agency_id, counts_late, late_reason, note)
                values (:dossier, :seq, :stage, :status, :at, :by, :name, :phone, :agency, :late, :lateReason, :note)""")
                .param("dossier", dossierId).param("seq", seq).param("stage", stage.name()).param("status", status.name())
                .param("at", Timestamp.valueOf(at)).param("by", by).param("name", byName).param("phone", phone).param("agency", agencyId)
                .param("late", countsLate).param("lateReason", lateReason).param("note", note).update(keys, "id");
        long id = keys.getKey().longValue();
        for (SupplementRequest.Item i : items) {
            jdbc.sql("insert into dossier_supplement_item (supplement_id, component_id, component_name, reason) values (?, ?, ?, ?)")
                    .params(id, i.componentId(), i.componentName(), truncate(i.reason(), 1000)).update();
        }
        return id;
    }

    public void approveSupplement(long id, String by, LocalDateTime at) {
        jdbc.sql("update dossier_supplement set status = 'OPEN', approved_by = ?, approved_at = ? where id = ?")
                .params(by, Timestamp.valueOf(at), id).update();
    }

    public void closeSupplement(long id, SupplementStatus status, String by, LocalDateTime at, Long waitedMinutes) {
        jdbc.sql("update dossier_supplement set status = ?, received_by = ?, received_at = ?, waited_minutes = ? where id = ?")
                .params(status.name(), by, Timestamp.valueOf(at), waitedMinutes, id).update();
    }

    // the requests with their items in one query (a request without items has one row of nulls)
    private static final String SUPPLEMENTS = """
            select s.*, i.component_id as item_component_id, i.component_name as item_component_name, i.reason as item_reason
            from dossier_supplement s left join dossier_supplement_item i on i.supplement_id = s.id
            where s.dossier_id = ? order by s.seq, i.id""";

    private static final ResultSetExtractor<List<SupplementRequest>> SUPPLEMENT_REQUESTS = rs -> {
        Map<Long, SupplementRequest> requests = new LinkedHashMap<>();
        Map<Long, List<SupplementRequest.Item>> items = new LinkedHashMap<>();
        while (rs.next()) {
            long id = rs.getLong("id");
            if (!requests.containsKey(id)) {
                List<SupplementRequest.Item> own = new ArrayList<>();
                items.put(id, own);
                requests.put(id, new SupplementRequest(id, rs.getInt("seq"), SupplementStage.valueOf(rs.getString("stage")),
                        SupplementStatus.valueOf(rs.getString("status")), time(rs, "requested_at"), rs.getString("requested_by"),
                        rs.getString("requested_by_name"), rs.getString("contact_phone"), rs.getLong("agency_id"), rs.getBoolean("counts_late"),
                        rs.getString("late_reason"), rs.getString("approved_by"), time(rs, "approved_at"), rs.getString("note"),
                        time(rs, "received_at"), rs.getString("received_by"), rs.getObject("waited_minutes", Long.class),
                        java.util.Collections.unmodifiableList(own))); // filled by the rows below, then never changed
            }
            long component = rs.getLong("item_component_id");
            if (!rs.wasNull()) {
                items.get(id).add(new SupplementRequest.Item(component, rs.getString("item_component_name"), rs.getString("item_reason")));
            }
        }
        return List.copyOf(requests.values());
    };

    public List<SupplementRequest> supplements(long dossierId) {
        return jdbc.sql(SUPPLEMENTS).param(dossierId).query(SUPPLEMENT_REQUESTS);
    }

    public void insertApology(long dossierId, int seq, LocalDateTime at, String by, String signerName, long agencyId, String explanation,
                              LocalDateTime dueAt, LocalDateTime newAppointment) {
        jdbc.sql("""
                insert into dossier_apology (dossier_id, seq, issued_at, issued_by, signer_name, agency_id, explanation, due_at, new_appointment_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, seq, Timestamp.valueOf(at), by, signerName, agencyId, explanation, Timestamp.valueOf(dueAt), ts(newAppointment)).update();
    }

    private static final String APOLOGIES = "select * from dossier_apology where dossier_id = ? order by seq";

    private static final RowMapper<Apology> APOLOGY = (rs, n) -> new Apology(rs.getLong("id"), rs.getInt("seq"), time(rs, "issued_at"),
            rs.getString("issued_by"), rs.getString("signer_name"), rs.getLong("agency_id"), rs.getString("explanation"), time(rs, "due_at"),
            time(rs, "new_appointment_at"));

    public List<Apology> apologies(long dossierId) {
        return jdbc.sql(APOLOGIES).param(dossierId).query(APOLOGY).list();
    }

    // ---------------------------------------------------------------- reading dossiers

    public Optional<vn.motcua.dossier.DossierOrigin> origin(long id) {
        return jdbc.sql("select " + ORIGIN + " from dossier where id = ?").param(id).query((rs, n) -> origin(rs)).optional();
    }

    /** The dossier's origin, its row locked until the transaction ends. */
    public Optional<vn.motcua.dossier.DossierOrigin> originForUpdate(long id) {
        return jdbc.sql("select " + ORIGIN + " from dossier where id = ? for update").param(id).query((rs, n) -> origin(rs)).optional();
    }

    private static final String ORIGIN = "portal_code, applicant_vneid, population_checked_at, population_fields, handled_in, external_code";

    private static vn.motcua.dossier.DossierOrigin origin(ResultSet rs) throws SQLException {
        return new vn.motcua.dossier.DossierOrigin(rs.getString("portal_code"), rs.getBoolean("applicant_vneid"),
                rs.getObject("population_checked_at", LocalDateTime.class), rs.getString("population_fields"), rs.getString("handled_in"),
                rs.getString("external_code"));
    }

    /** A dossier with its children, and where it came from, in the read of its row. */
    public record Found(Dossier dossier, vn.motcua.dossier.DossierOrigin origin) {
    }

    public Optional<Found> findWithOrigin(long id) {
        if (oneRoundTrip) {
            return jdbcTemplate.execute((ConnectionCallback<Optional<Found>>) c -> loadInOneRoundTrip(c, id));
        }
        return jdbc.sql(ROW).param(id).query((rs, n) -> new Found(row(rs, n), origin(rs))).optional()
                .map(f -> new Found(withChildren(f.dossier()), f.origin()));
    }

    private static final String ROW = "select * from dossier where id = ?";

    /**
     * PostgreSQL's driver sends several statements of one prepared statement together and reads their results in
     * turn: the dossier's row and its five kinds of children then cost one round trip instead of six.
     */
    private static Optional<Found> loadInOneRoundTrip(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.join(";\n", ROW, DOCUMENTS, HISTORY, SUPPLEMENTS, APOLOGIES, FILES))) {
            for (int i = 1; i <= 6; i++) {
                ps.setLong(i, id);
            }
            ps.execute();
            Found found = null;
            try (ResultSet rs = ps.getResultSet()) {
                if (rs.next()) {
                    found = new Found(row(rs, 0), origin(rs));
                }
            }
            List<DossierDocument> documents = nextResult(ps, new RowMapperResultSetExtractor<>(DOCUMENT));
            List<DossierHistoryEntry> history = nextResult(ps, new RowMapperResultSetExtractor<>(HISTORY_LINE));
            List<SupplementRequest> supplements = nextResult(ps, SUPPLEMENT_REQUESTS);
            List<Apology> apologies = nextResult(ps, new RowMapperResultSetExtractor<>(APOLOGY));
            List<DossierFile> files = nextResult(ps, new RowMapperResultSetExtractor<>(FILE));
            return found == null ? Optional.empty()
                    : Optional.of(new Found(found.dossier().with(documents, history, supplements, apologies, files), found.origin()));
        }
    }

    private static <T> T nextResult(PreparedStatement ps, ResultSetExtractor<T> extractor) throws SQLException {
        ps.getMoreResults();
        try (ResultSet rs = ps.getResultSet()) {
            return extractor.extractData(rs);
        }
    }

    public void setOrigin(long id, String portalCode, boolean vneid, LocalDateTime populationCheckedAt, String populationFields) {
        jdbc.sql("update dossier set portal_code = ?, applicant_vneid = ?, population_checked_at = ?, population_fields = ? where id = ?")
                .params(portalCode, vneid, populationCheckedAt, populationFields, id).update();
    }

    public void setHandledIn(long id, String handledIn, String externalCode) {
        jdbc.sql("update dossier set handled_in = ?, external_code = ? where id = ?").params(handledIn, externalCode, id).update();
    }

    /** Dossiers received (or submitted, when not yet received) between the two moments, handled in this system: id → code. */
    public Map<Long, String> receivedBetween(LocalDateTime from, LocalDateTime to) {
        Map<Long, String> m = new LinkedHashMap<>();
        jdbc.sql("""
                select id, code from dossier where coalesce(received_at, submitted_at) >= ? and coalesce(received_at, submitted_at) < ?
                   and (handled_in is null or handled_in = 'LEGACY') order by id""").params(from, to)
                .query((rs, n) -> m.put(rs.getLong(1), rs.getString(2))).list();
        return m;
    }

    /** The trails of the dossiers of one procedure handled here and finished between the two moments, history in order. */
    public List<vn.motcua.dossier.StepTrail> stepTrails(String procedureCode, LocalDateTime from, LocalDateTime to) {
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        Map<Long, List<vn.motcua.dossier.StepTrail.Line>> lines = new java.util.HashMap<>();
        jdbc.sql("""
                select d.id, d.code, d.procedure_version_id, d.process_variant, d.handling_agency_id, h.at, h.action, h.step, h.to_status
                from dossier d join dossier_history h on h.dossier_id = d.id
                where d.procedure_code = ? and d.finished_at >= ? and d.finished_at < ? and d.handled_in is null
                order by d.id, h.id""").params(procedureCode, from, to)
                .query(rs -> {
                    long id = rs.getLong(1);
                    heads.computeIfAbsent(id, k -> {
                        try {
                            return new Object[]{rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)};
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    lines.computeIfAbsent(id, k -> new ArrayList<>()).add(new vn.motcua.dossier.StepTrail.Line(time(rs, "at"),
                            DossierAction.valueOf(rs.getString(7)), rs.getObject(8, Integer.class), DossierStatus.valueOf(rs.getString(9))));
                });
        List<vn.motcua.dossier.StepTrail> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new vn.motcua.dossier.StepTrail(id, (String) h[0], (Long) h[1], (String) h[2], (Long) h[3], lines.get(id))));
        return out;
    }

    public void updateContact(long id, String phone, String email) {
        jdbc.sql("update dossier set applicant_phone = ?, applicant_email = ?, row_version = row_version + 1 where id = ?").params(phone, email, id).update();
    }

    public Optional<Long> byPortalCode(String portalCode) {
        return jdbc.sql("select id from dossier where portal_code = ?").param(portalCode).query(Long.class).optional();
    }

    public Optional<Long> byExternalCode(String handledIn, String externalCode) {
        return jdbc.sql("select id from dossier where handled_in = ? and external_code = ?").params(handledIn, externalCode).query(Long.class).optional();
    }

    public Optional<Dossier> find(long id) {
        return findWithOrigin(id).map(Found::dossier);
    }

    /** How many dossiers the account submitted online in the period. */
    public long countSubmittedBy(String username, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("select count(*) from dossier where applicant_username = ? and channel = 'ONLINE' and submitted_at >= ? and submitted_at < ?")
                .params(username, Timestamp.valueOf(from), Timestamp.valueOf(to)).query(Long.class).single();
    }

    /** The id and tracking secret of the dossier with this code, without loading the dossier. */
    public record TrackingKey(long id, String secret) {
    }

    public Optional<TrackingKey> trackingKey(String code) {
        return jdbc.sql("select id, tracking_secret from dossier where code = ?").param(code.trim())
                .query((rs, n) -> new TrackingKey(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The dossier's tracking secret (kept out of {@link Dossier}, so that it is not in lists, events or the API). */
    public String trackingSecret(long id) {
        return jdbc.sql("select tracking_secret from dossier where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code.trim()).query(ROW_MAPPER).optional().map(this::withChildren);
    }

    /** Dossiers without their children, for lists. */
    public List<Dossier> list(String where, Map<String, Object> params, String order, int limit) {
        return jdbc.sql("select * from dossier where " + where + " order by " + order + " fetch first " + limit + " rows only")
                .params(params).query(ROW_MAPPER).list();
    }

    public long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from dossier where " + where).params(params).query(Long.class).single();
    }

    /** The count, stopping at {@code cap} rows. */
    public long countUpTo(String where, Map<String, Object> params, int cap) {
        return jdbc.sql("select count(*) from (select 1 from dossier where " + where + " fetch first " + Math.max(1, cap) + " rows only) x")
                .params(params).query(Long.class).single();
    }

    /**
     * Per handling agency: received in the period; finished in the period on time and late (late includes a second
     * supplement request, as the index counts it); stopped, refused or withdrawn in the period; still open now, and
     * of those how many are overdue.
     */
    public List<long[]> statistics(LocalDateTime from, LocalDateTime to, LocalDateTime now) {
        return jdbc.sql("""
                select handling_agency_id,
                  sum(case when received_at >= :from and received_at < :to then 1 else 0 end),
                  sum(case when status = 'RETURNED' and finished_at >= :from and finished_at < :to and not late and not supplement_late then 1 else 0 end),
                  sum(case when status = 'RETURNED' and finished_at >= :from and finished_at < :to and (late or supplement_late) then 1 else 0 end),
                  sum(case when status in ('STOPPED', 'REFUSED', 'WITHDRAWN') and finished_at >= :from and finished_at < :to then 1 else 0 end),
                  sum(case when status in ('PROCESSING', 'PAUSED', 'SUPPLEMENT_APPROVAL') then 1 else 0 end),
                  sum(case when status in ('PROCESSING', 'SUPPLEMENT_APPROVAL') and (late or due_at < :now) then 1 else 0 end)
                from dossier group by handling_agency_id""")
                .param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to)).param("now", Timestamp.valueOf(now))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)}).list();
    }

    /** Dossiers whose result was returned in [from, to), handled by one of the units (the evaluation's slips). */
    public List<vn.motcua.dossier.FinishedDossier> finished(java.util.Collection<Long> units, LocalDateTime from, LocalDateTime to) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id, d.code, d.procedure_version_id, d.procedure_code, d.procedure_name, d.channel, d.receiving_agency_id,
                  d.handling_agency_id, d.received_at, coalesce(d.new_appointment_at, d.due_at) appointment, d.processed_at, d.finished_at,
                  d.late, d.supplement_late, d.supplement_count, d.result_delivery,
                  (select count(distinct h.agency_id) from dossier_history h
                    where h.dossier_id = d.id and h.step_due_at is not null and h.at > h.step_due_at) late_units
                from dossier d
                where d.status = 'RETURNED' and d.finished_at >= :from and d.finished_at < :to and d.handling_agency_id in (:units)
                order by d.finished_at, d.id""")
                .param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to)).param("units", units)
                .query((rs, n) -> new vn.motcua.dossier.FinishedDossier(rs.getLong("id"), rs.getString("code"), rs.getLong("procedure_version_id"),
                        rs.getString("procedure_code"), rs.getString("procedure_name"), Channel.valueOf(rs.getString("channel")),
                        rs.getLong("receiving_agency_id"), rs.getLong("handling_agency_id"), time(rs, "received_at"), time(rs, "appointment"),
                        time(rs, "processed_at"), time(rs, "finished_at"), rs.getBoolean("late"), rs.getBoolean("supplement_late"),
                        rs.getInt("supplement_count"), rs.getString("result_delivery") == null ? null : Delivery.valueOf(rs.getString("result_delivery")),
                        rs.getInt("late_units"))).list();
    }

    private Dossier withChildren(Dossier d) {
        return d.with(documents(d.id()), history(d.id()), supplements(d.id()), apologies(d.id()), files(d.id()));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static final RowMapper<Dossier> ROW_MAPPER = DossierStore::row;

    private static Dossier row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("result_outcome");
        String delivery = rs.getString("result_delivery");
        String stopKind = rs.getString("stop_kind");
        return new Dossier(rs.getLong("id"), rs.getString("code"), rs.getLong("procedure_version_id"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), Channel.valueOf(rs.getString("channel")), rs.getString("process_variant"),
                rs.getLong("receiving_agency_id"), rs.getLong("handling_agency_id"),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_phone"),
                        rs.getString("applicant_email"), rs.getString("applicant_address")), rs.getString("applicant_username"),
                rs.getObject("applicant_commune_id", Long.class), rs.getLong("rule_set_id"), rs.getInt("sets"),
                Delivery.valueOf(rs.getString("result_place")),
                DossierStatus.valueOf(rs.getString("status")), time(rs, "submitted_at"), time(rs, "received_at"), time(rs, "clock_started_at"),
                rs.getBigDecimal("time_limit_days"), time(rs, "due_at"), time(rs, "paused_at"), rs.getObject("remaining_minutes", Long.class),
                rs.getObject("current_step", Integer.class), time(rs, "step_started_at"), time(rs, "step_due_at"), rs.getString("assignee"),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("result_text"), time(rs, "processed_at"),
                delivery == null ? null : Delivery.valueOf(delivery), time(rs, "finished_at"), rs.getBoolean("late"),
                rs.getString("late_explanation"), time(rs, "new_appointment_at"), time(rs, "warned_at"), rs.getString("book_volume"),
                rs.getObject("book_number", Integer.class), rs.getInt("supplement_count"), rs.getLong("supplement_minutes"),
                rs.getBoolean("supplement_late"), rs.getInt("extension_count"),
                new Dossier.Stop(stopKind == null ? null : StopKind.valueOf(stopKind), rs.getString("stop_reason"), rs.getString("stop_basis"),
                        rs.getString("stop_settlement"), time(rs, "stop_requested_at"), rs.getString("stop_request_reason")),
                rs.getLong("row_version"), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
