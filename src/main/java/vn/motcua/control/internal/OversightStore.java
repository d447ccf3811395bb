package vn.motcua.control.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.control.Inspection;
import vn.motcua.control.RegulationDraft;
import vn.motcua.control.domain.DraftChange;
import vn.motcua.control.domain.DraftStatus;
import vn.motcua.control.domain.InspectionKind;
import vn.motcua.control.domain.InspectionStatus;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publication watches, draft regulations with their documents, inspections with their findings, and sent warnings. */
@Repository
public class OversightStore {
    private final JdbcClient jdbc;

    public OversightStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- publication watch

    public record WatchRow(long id, String sourceRef, String title, long agencyId, LocalDate basisEffectiveOn, int procedures, Long decisionId,
                           LocalDate madePublicOn, String note, long rowVersion) {
    }

    public List<WatchRow> watches() {
        return jdbc.sql("select * from publication_watch order by basis_effective_on desc, id desc").query(this::watchRow).list();
    }

    public Optional<WatchRow> watch(long id) {
        return jdbc.sql("select * from publication_watch where id = ?").param(id).query(this::watchRow).optional();
    }

    public long insertWatch(String sourceRef, String title, long agencyId, LocalDate effective, int procedures, String note, String by,
                            LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication_watch (source_ref, title, agency_id, basis_effective_on, procedures, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sourceRef, title, agencyId, Date.valueOf(effective), procedures, note, by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int linkWatch(long id, long rowVersion, long decisionId, LocalDate madePublicOn) {
        return jdbc.sql("""
                update publication_watch set decision_id = ?, made_public_on = ?, row_version = row_version + 1 where id = ? and row_version = ?""")
                .params(decisionId, madePublicOn == null ? null : Date.valueOf(madePublicOn), id, rowVersion).update();
    }

    public boolean decisionWatched(long decisionId, long exceptWatch) {
        return jdbc.sql("select count(*) from publication_watch where decision_id = ? and id <> ?").params(decisionId, exceptWatch)
                .query(Long.class).single() > 0;
    }

    private WatchRow watchRow(ResultSet rs, int n) throws SQLException {
        return new WatchRow(rs.getLong("id"), rs.getString("source_ref"), rs.getString("title"), rs.getLong("agency_id"),
                rs.getObject("basis_effective_on", LocalDate.class), rs.getInt("procedures"), rs.getObject("decision_id", Long.class),
                rs.getObject("made_public_on", LocalDate.class), rs.getString("note"), rs.getLong("row_version"));
    }

    // ---------------------------------------------------------------- draft regulations

    public record DraftRow(long id, String title, String kind, long agencyId, LocalDate registeredOn, String necessity, String reasonableness,
                           String legality, String costNote, Long assessmentId, LocalDate opinionDue, LocalDate opinionOn, String opinion,
                           LocalDate appraisalDue, LocalDate appraisalOn, String appraisal, DraftStatus status, String createdBy, long rowVersion) {
    }

    public List<DraftRow> drafts() {
        return jdbc.sql("select * from regulation_draft order by registered_on desc, id desc").query(this::draftRow).list();
    }

    public Optional<DraftRow> draft(long id) {
        return jdbc.sql("select * from regulation_draft where id = ?").param(id).query(this::draftRow).optional();
    }

    public long insertDraft(DraftRow d, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into regulation_draft (title, kind, drafting_agency_id, registered_on, necessity, reasonableness, legality, cost_note,
                    assessment_id, opinion_due, appraisal_due, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?)""")
                .params(d.title(), d.kind(), d.agencyId(), Date.valueOf(d.registeredOn()), d.necessity(), d.reasonableness(), d.legality(),
                        d.costNote(), d.assessmentId(), Date.valueOf(d.opinionDue()), Date.valueOf(d.appraisalDue()), d.createdBy(),
                        Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int opinion(long id, long rowVersion, LocalDate on, String text, DraftStatus next) {
        return jdbc.sql("update regulation_draft set opinion_on = ?, opinion = ?, status = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(Date.valueOf(on), text, next.name(), id, rowVersion).update();
    }

    public int appraisal(long id, long rowVersion, LocalDate on, String text, DraftStatus next) {
        return jdbc.sql("update regulation_draft set appraisal_on = ?, appraisal = ?, status = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(Date.valueOf(on), text, next.name(), id, rowVersion).update();
    }

    public int status(long id, long rowVersion, DraftStatus next) {
        return jdbc.sql("update regulation_draft set status = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(next.name(), id, rowVersion).update();
    }

    public List<Object[]> draftProcedures(long id) {
        return jdbc.sql("select procedure_code, change_kind from regulation_draft_procedure where draft_id = ? order by procedure_code").param(id)
                .query((rs, n) -> new Object[]{rs.getString(1), DraftChange.valueOf(rs.getString(2))}).list();
    }

    public void linkProcedure(long id, String code, DraftChange change) {
        int n = jdbc.sql("update regulation_draft_procedure set change_kind = ? where draft_id = ? and procedure_code = ?").params(change.name(), id, code)
                .update();
        if (n == 0) {
            jdbc.sql("insert into regulation_draft_procedure (draft_id, procedure_code, change_kind) values (?, ?, ?)").params(id, code, change.name())
                    .update();
        }
    }

    public List<RegulationDraft.File> files(long id) {
        return jdbc.sql("select id, stage, filename, size_bytes, uploaded_by, uploaded_at from regulation_draft_file where draft_id = ? order by id")
                .param(id).query((rs, n) -> new RegulationDraft.File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime())).list();
    }

    public long insertFile(long draftId, String stage, String filename, String type, byte[] content, String sha256, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into regulation_draft_file (draft_id, stage, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draftId, stage, filename, type, content.length, sha256, content, by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A document's name, type and content. */
    public Optional<Object[]> file(long draftId, long fileId) {
        return jdbc.sql("select filename, content_type, content from regulation_draft_file where draft_id = ? and id = ?").params(draftId, fileId)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBytes(3)}).optional();
    }

    private DraftRow draftRow(ResultSet rs, int n) throws SQLException {
        return new DraftRow(rs.getLong("id"), rs.getString("title"), rs.getString("kind"), rs.getLong("drafting_agency_id"),
                rs.getObject("registered_on", LocalDate.class), rs.getString("necessity"), rs.getString("reasonableness"), rs.getString("legality"),
                rs.getString("cost_note"), rs.getObject("assessment_id", Long.class), rs.getObject("opinion_due", LocalDate.class),
                rs.getObject("opinion_on", LocalDate.class), rs.getString("opinion"), rs.getObject("appraisal_due", LocalDate.class),
                rs.getObject("appraisal_on", LocalDate.class), rs.getString("appraisal"), DraftStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), rs.getLong("row_version"));
    }

    // ---------------------------------------------------------------- inspections

    public List<Inspection> inspections(Integer year, Map<Long, String> names) {
        var q = year == null ? jdbc.sql("select * from inspection order by planned_on desc, id desc")
                : jdbc.sql("select * from inspection where inspection_year = ? order by planned_on desc, id desc").param(year);
        List<Inspection> heads = q.query((rs, n) -> inspection(rs, names)).list();
        return heads.stream().map(i -> withFindings(i)).toList();
    }

    public Optional<Inspection> inspection(long id, Map<Long, String> names) {
        return jdbc.sql("select * from inspection where id = ?").param(id).query((rs, n) -> inspection(rs, names)).optional().map(this::withFindings);
    }

    public List<Integer> inspectionYears() {
        return jdbc.sql("select distinct inspection_year from inspection order by inspection_year desc").query(Integer.class).list();
    }

    private Inspection withFindings(Inspection i) {
        List<Inspection.Finding> f = jdbc.sql("select * from inspection_finding where inspection_id = ? order by due_on, id").param(i.id())
                .query((rs, n) -> new Inspection.Finding(rs.getLong("id"), rs.getString("finding"), rs.getString("remediation"),
                        rs.getString("responsible"), rs.getObject("due_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                        rs.getString("closing_note"), rs.getLong("row_version"))).list();
        return new Inspection(i.id(), i.year(), i.kind(), i.agencyId(), i.agencyName(), i.plannedOn(), i.team(), i.scope(), i.heldOn(), i.conclusion(),
                i.status(), f, i.createdBy(), i.rowVersion());
    }

    private static Inspection inspection(ResultSet rs, Map<Long, String> names) throws SQLException {
        long agency = rs.getLong("agency_id");
        return new Inspection(rs.getLong("id"), rs.getInt("inspection_year"), InspectionKind.valueOf(rs.getString("kind")), agency, names.getOrDefault(agency, ""),
                rs.getObject("planned_on", LocalDate.class), rs.getString("team"), rs.getString("scope"), rs.getObject("held_on", LocalDate.class),
                rs.getString("conclusion"), InspectionStatus.valueOf(rs.getString("status")), List.of(), rs.getString("created_by"),
                rs.getLong("row_version"));
    }

    public long insertInspection(int year, InspectionKind kind, long agencyId, LocalDate plannedOn, String team, String scope, String by,
                                 LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inspection (inspection_year, kind, agency_id, planned_on, team, scope, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)""")
                .params(year, kind.name(), agencyId, Date.valueOf(plannedOn), team, scope, by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int holdInspection(long id, long rowVersion, LocalDate heldOn, String conclusion, InspectionStatus next) {
        return jdbc.sql("update inspection set held_on = ?, conclusion = ?, status = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(Date.valueOf(heldOn), conclusion, next.name(), id, rowVersion).update();
    }

    public int inspectionStatus(long id, long rowVersion, InspectionStatus next) {
        return jdbc.sql("update inspection set status = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(next.name(), id, rowVersion).update();
    }

    public long insertFinding(long inspectionId, String finding, String remediation, String responsible, LocalDate due) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into inspection_finding (inspection_id, finding, remediation, responsible, due_on) values (?, ?, ?, ?, ?)")
                .params(inspectionId, finding, remediation, responsible, Date.valueOf(due)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int closeFinding(long id, long rowVersion, LocalDate on, String note) {
        return jdbc.sql("""
                update inspection_finding set closed_on = ?, closing_note = ?, row_version = row_version + 1
                where id = ? and row_version = ? and closed_on is null""").params(Date.valueOf(on), note, id, rowVersion).update();
    }

    // ---------------------------------------------------------------- warnings

    /** Records a warning once; false when it was already sent. */
    public boolean recordWarning(String key, String type, long subjectId, long agencyId, String title, LocalDate due, LocalDateTime now) {
        if (jdbc.sql("select count(*) from control_warning where warning_key = ?").param(key).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                insert into control_warning (warning_key, subject_type, subject_id, agency_id, title, due_on, sent_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(key, type, subjectId, agencyId, title.length() > 500 ? title.substring(0, 500) : title, Date.valueOf(due), Timestamp.valueOf(now))
                .update();
        return true;
    }
}
