package vn.motcua.dossier.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for dossiers, their documents and their audit trail. */
@Repository
public class DossierStore {
    private final JdbcClient jdbc;

    public DossierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('dossier_seq')").query(Long.class).single();
    }

    /** Values of a new dossier row. */
    public record NewDossier(String code, long versionId, String procedureCode, String procedureName, Channel channel, String variant,
                             long receivingAgencyId, long handlingAgencyId, Applicant applicant, String applicantUsername,
                             DossierStatus status, LocalDateTime submittedAt, BigDecimal timeLimitDays) {
    }

    public long insert(NewDossier d) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier (code, procedure_version_id, procedure_code, procedure_name, channel, process_variant,
                  receiving_agency_id, handling_agency_id, applicant_name, applicant_id_number, applicant_phone, applicant_email,
                  applicant_address, applicant_username, status, submitted_at, time_limit_days)
                values (:code, :versionId, :procedureCode, :procedureName, :channel, :variant, :receiving, :handling, :name, :idNumber,
                  :phone, :email, :address, :username, :status, :submittedAt, :limit)""")
                .param("code", d.code()).param("versionId", d.versionId()).param("procedureCode", d.procedureCode())
                .param("procedureName", d.procedureName()).param("channel", d.channel().name()).param("variant", d.variant())
                .param("receiving", d.receivingAgencyId()).param("handling", d.handlingAgencyId())
                .param("name", d.applicant().name()).param("idNumber", d.applicant().idNumber()).param("phone", d.applicant().phone())
                .param("email", d.applicant().email()).param("address", d.applicant().address()).param("username", d.applicantUsername())
                .param("status", d.status().name()).param("submittedAt", Timestamp.valueOf(d.submittedAt())).param("limit", d.timeLimitDays())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Changes columns of a dossier if nobody changed it since {@code expectedRowVersion}; returns rows
     * changed (0 = someone else was first). Column names come from this module's code only.
     */
    public int update(long id, long expectedRowVersion, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update dossier set ");
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach((column, value) -> {
            sql.append(column).append(" = :").append(column).append(", ");
            params.put(column, value instanceof LocalDateTime t ? Timestamp.valueOf(t) : value instanceof Enum<?> e ? e.name() : value);
        });
        sql.append("row_version = row_version + 1 where id = :id and row_version = :expected");
        params.put("id", id);
        params.put("expected", expectedRowVersion);
        return jdbc.sql(sql.toString()).params(params).update();
    }

    public void insertDocument(long dossierId, long componentId, String name, int originals, int copies, boolean present,
                               String filename, String contentType, byte[] content) {
        jdbc.sql("""
                insert into dossier_document (dossier_id, component_id, component_name, originals, copies, present, filename, content_type, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, componentId, name, originals, copies, present, filename, contentType, content).update();
    }

    public void markPresent(long dossierId, Collection<Long> componentIds) {
        for (Long c : componentIds) {
            jdbc.sql("update dossier_document set present = true where dossier_id = ? and component_id = ?").params(dossierId, c).update();
        }
    }

    public List<DossierDocument> documents(long dossierId) {
        return jdbc.sql("select id, component_id, component_name, originals, copies, present, filename from dossier_document where dossier_id = ? order by id")
                .param(dossierId).query((rs, n) -> new DossierDocument(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7))).list();
    }

    public record StoredDocument(String filename, String contentType, byte[] content) {
    }

    public Optional<StoredDocument> documentContent(long dossierId, long documentId) {
        return jdbc.sql("select filename, content_type, content from dossier_document where dossier_id = ? and id = ? and content is not null")
                .params(dossierId, documentId).query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public void insertEvent(long dossierId, LocalDateTime at, String actor, DossierAction action, DossierStatus from, DossierStatus to,
                            Integer step, Long agencyId, String note) {
        jdbc.sql("""
                insert into dossier_event (dossier_id, at, actor, action, from_status, to_status, step, agency_id, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, Timestamp.valueOf(at), actor, action.name(), from == null ? null : from.name(), to.name(), step,
                        agencyId, note).update();
    }

    public List<DossierEvent> events(long dossierId) {
        return jdbc.sql("select * from dossier_event where dossier_id = ? order by id").param(dossierId)
                .query((rs, n) -> new DossierEvent(rs.getLong("id"), rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"),
                        DossierAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : DossierStatus.valueOf(rs.getString("from_status")),
                        DossierStatus.valueOf(rs.getString("to_status")), rs.getObject("step", Integer.class),
                        rs.getObject("agency_id", Long.class), rs.getString("note"))).list();
    }

    public Optional<Dossier> find(long id) {
        return jdbc.sql("select * from dossier where id = ?").param(id).query(this::row).optional().map(this::withChildren);
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code.trim()).query(this::row).optional().map(this::withChildren);
    }

    /** Dossiers without documents and history, for lists. */
    public List<Dossier> list(String where, Map<String, Object> params, String order, int limit) {
        return jdbc.sql("select * from dossier where " + where + " order by " + order + " fetch first " + limit + " rows only")
                .params(params).query(this::row).list();
    }

    public long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from dossier where " + where).params(params).query(Long.class).single();
    }

    /** Per handling agency: received, finished on time, finished late, open, open and overdue. */
    public List<long[]> statistics(LocalDateTime from, LocalDateTime to, LocalDateTime now) {
        return jdbc.sql("""
                select handling_agency_id,
                  sum(case when received_at >= :from and received_at < :to then 1 else 0 end),
                  sum(case when status = 'RETURNED' and finished_at >= :from and finished_at < :to and not late then 1 else 0 end),
                  sum(case when status = 'RETURNED' and finished_at >= :from and finished_at < :to and late then 1 else 0 end),
                  sum(case when status in ('PROCESSING', 'PAUSED') then 1 else 0 end),
                  sum(case when status in ('PROCESSING', 'PAUSED') and due_at < :now then 1 else 0 end)
                from dossier group by handling_agency_id""")
                .param("from", Timestamp.valueOf(from)).param("to", Timestamp.valueOf(to)).param("now", Timestamp.valueOf(now))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}).list();
    }

    private Dossier withChildren(Dossier d) {
        return new Dossier(d.id(), d.code(), d.procedureVersionId(), d.procedureCode(), d.procedureName(), d.channel(), d.processVariant(),
                d.receivingAgencyId(), d.handlingAgencyId(), d.applicant(), d.applicantUsername(), d.status(), d.submittedAt(),
                d.receivedAt(), d.timeLimitDays(), d.dueAt(), d.pausedAt(), d.remainingMinutes(), d.currentStep(), d.stepStartedAt(),
                d.stepDueAt(), d.assignee(), d.outcome(), d.resultText(), d.delivery(), d.finishedAt(), d.late(), d.lateExplanation(),
                d.newAppointmentAt(), d.warnedAt(), d.rowVersion(), documents(d.id()), events(d.id()));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    private Dossier row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("result_outcome");
        String delivery = rs.getString("result_delivery");
        return new Dossier(rs.getLong("id"), rs.getString("code"), rs.getLong("procedure_version_id"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), Channel.valueOf(rs.getString("channel")), rs.getString("process_variant"),
                rs.getLong("receiving_agency_id"), rs.getLong("handling_agency_id"),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_phone"),
                        rs.getString("applicant_email"), rs.getString("applicant_address")), rs.getString("applicant_username"),
                DossierStatus.valueOf(rs.getString("status")), time(rs, "submitted_at"), time(rs, "received_at"),
                rs.getBigDecimal("time_limit_days"), time(rs, "due_at"), time(rs, "paused_at"), rs.getObject("remaining_minutes", Long.class),
                rs.getObject("current_step", Integer.class), time(rs, "step_started_at"), time(rs, "step_due_at"), rs.getString("assignee"),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("result_text"),
                delivery == null ? null : Delivery.valueOf(delivery), time(rs, "finished_at"), rs.getBoolean("late"),
                rs.getString("late_explanation"), time(rs, "new_appointment_at"), time(rs, "warned_at"), rs.getLong("row_version"),
                List.of(), List.of());
    }
}
