package vn.motcua.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.DecisionInfo;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeKind;
import vn.motcua.catalog.FormFile;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.catalog.PublicationAction;
import vn.motcua.catalog.VersionStatus;
import vn.motcua.identity.Role;
import vn.motcua.shared.VietnameseText;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the catalog tables. */
@Repository
public class CatalogStore {
    private static final String VERSION_SELECT = "select v.*, p.code from procedure_version v join tthc_procedure p on p.id = v.procedure_id ";
    private final JdbcClient jdbc;

    public CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- fields

    public List<ProcedureField> fields() {
        return jdbc.sql("select id, code, name from procedure_field order by name")
                .query((rs, n) -> new ProcedureField(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public long insertField(String code, String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into procedure_field (code, name) values (?, ?)").params(code, name).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- procedures

    public Optional<ProcedureRow> procedureByCode(String code) {
        return jdbc.sql("select * from tthc_procedure where code = ?").param(code.trim()).query(this::mapProcedure).optional();
    }

    public Optional<ProcedureRow> procedure(long id) {
        return jdbc.sql("select * from tthc_procedure where id = ?").param(id).query(this::mapProcedure).optional();
    }

    private ProcedureRow mapProcedure(ResultSet rs, int n) throws SQLException {
        return new ProcedureRow(rs.getLong("id"), rs.getString("code"), rs.getObject("abolished_on", LocalDate.class),
                rs.getObject("replaced_by_id", Long.class), rs.getLong("row_version"));
    }

    public long insertProcedure(String code, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into tthc_procedure (code, created_at) values (?, ?)").params(code.trim(), Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Marks a procedure as ended; 0 when it was already ended or changed meanwhile. */
    public int endProcedure(long procedureId, long expectedRowVersion, LocalDate on, Long replacedById) {
        return jdbc.sql("""
                update tthc_procedure set abolished_on = ?, replaced_by_id = ?, row_version = row_version + 1
                where id = ? and row_version = ? and abolished_on is null""")
                .params(Date.valueOf(on), replacedById, procedureId, expectedRowVersion).update();
    }

    /** Bumps the procedure's row version so that two publications of it cannot interleave. */
    public int touchProcedure(long procedureId, long expectedRowVersion) {
        return jdbc.sql("update tthc_procedure set row_version = row_version + 1 where id = ? and row_version = ?")
                .params(procedureId, expectedRowVersion).update();
    }

    // ---- versions

    public Optional<VersionRow> version(long id) {
        return jdbc.sql(VERSION_SELECT + "where v.id = ?").param(id).query(this::versionRow).optional();
    }

    public List<VersionRow> versionsOf(long procedureId) {
        return jdbc.sql(VERSION_SELECT + "where v.procedure_id = ? order by v.version_no").param(procedureId).query(this::versionRow).list();
    }

    public Optional<VersionRow> inForce(String code, LocalDate date) {
        return jdbc.sql(VERSION_SELECT + """
                where p.code = :code and v.status = 'PUBLISHED' and v.valid_from <= :d and (v.valid_until is null or v.valid_until > :d)""")
                .param("code", code.trim()).param("d", Date.valueOf(date)).query(this::versionRow).optional();
    }

    public Optional<VersionRow> byNumber(String code, int versionNo) {
        return jdbc.sql(VERSION_SELECT + "where p.code = ? and v.version_no = ?").params(code.trim(), versionNo)
                .query(this::versionRow).optional();
    }

    public List<VersionRow> allLatest() {
        return jdbc.sql(VERSION_SELECT + """
                where v.version_no = (select max(x.version_no) from procedure_version x where x.procedure_id = v.procedure_id)
                order by p.code""").query(this::versionRow).list();
    }

    public long insertVersion(long procedureId, int versionNo, ProcedureDraft d, String fieldName, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into procedure_version (procedure_id, version_no, status, name, search_key, field_id, level, agency_id,
                  implementing_agency, steps, method_details, by_counter, by_online, by_post, online_level, time_limit_days,
                  online_time_limit_days, time_limit_note, subjects, result_type, fees_note, requirements, legal_basis,
                  created_by, created_at, updated_at)
                values (:procedureId, :versionNo, 'DRAFT', :name, :searchKey, :fieldId, :level, :agencyId, :implementingAgency,
                  :steps, :methodDetails, :byCounter, :byOnline, :byPost, :onlineLevel, :timeLimitDays, :onlineTimeLimitDays,
                  :timeLimitNote, :subjects, :resultType, :feesNote, :requirements, :legalBasis, :user, :now, :now)""")
                .param("procedureId", procedureId).param("versionNo", versionNo)
                .params(draftParams(d, fieldName)).param("user", user).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves a draft if nobody saved it since {@code expectedRowVersion}; returns rows changed. */
    public int updateDraft(long id, long expectedRowVersion, ProcedureDraft d, String fieldName, Instant now) {
        return jdbc.sql("""
                update procedure_version set name = :name, search_key = :searchKey, field_id = :fieldId, level = :level,
                  agency_id = :agencyId, implementing_agency = :implementingAgency, steps = :steps, method_details = :methodDetails,
                  by_counter = :byCounter, by_online = :byOnline, by_post = :byPost, online_level = :onlineLevel,
                  time_limit_days = :timeLimitDays, online_time_limit_days = :onlineTimeLimitDays, time_limit_note = :timeLimitNote,
                  subjects = :subjects, result_type = :resultType, fees_note = :feesNote, requirements = :requirements,
                  legal_basis = :legalBasis, updated_at = :now, row_version = row_version + 1
                where id = :id and status = 'DRAFT' and row_version = :expected""")
                .params(draftParams(d, fieldName)).param("now", Timestamp.from(now)).param("id", id)
                .param("expected", expectedRowVersion).update();
    }

    private static Map<String, Object> draftParams(ProcedureDraft d, String fieldName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name().trim());
        m.put("searchKey", VietnameseText.searchKey(d.code(), d.name(), fieldName));
        m.put("fieldId", d.fieldId());
        m.put("level", d.level().name());
        m.put("agencyId", d.agencyId());
        m.put("implementingAgency", text(d.implementingAgency(), ""));
        m.put("steps", text(d.steps(), ""));
        m.put("methodDetails", text(d.methodDetails(), null));
        m.put("byCounter", d.byCounter());
        m.put("byOnline", d.byOnline());
        m.put("byPost", d.byPost());
        m.put("onlineLevel", d.onlineLevel().name());
        m.put("timeLimitDays", d.timeLimitDays());
        m.put("onlineTimeLimitDays", d.byOnline() ? d.onlineTimeLimitDays() : null);
        m.put("timeLimitNote", text(d.timeLimitNote(), null));
        m.put("subjects", text(d.subjects(), ""));
        m.put("resultType", text(d.resultType(), ""));
        m.put("feesNote", text(d.feesNote(), null));
        m.put("requirements", text(d.requirements(), null));
        m.put("legalBasis", text(d.legalBasis(), ""));
        return m;
    }

    private static String text(String s, String blank) {
        return s == null || s.isBlank() ? blank : s.trim();
    }

    public int publish(long id, long expectedRowVersion, LocalDate validFrom, long decisionId, PublicationAction action,
                       Long replacesProcedureId, Instant now) {
        return jdbc.sql("""
                update procedure_version set status = 'PUBLISHED', valid_from = ?, decision_id = ?, publication_action = ?,
                  replaces_procedure_id = ?, published_at = ?, updated_at = ?, row_version = row_version + 1
                where id = ? and status = 'DRAFT' and row_version = ?""")
                .params(Date.valueOf(validFrom), decisionId, action.name(), replacesProcedureId, Timestamp.from(now),
                        Timestamp.from(now), id, expectedRowVersion).update();
    }

    public void deleteProcedure(long procedureId) {
        jdbc.sql("delete from tthc_procedure where id = ? and not exists (select 1 from procedure_version v where v.procedure_id = ?)")
                .params(procedureId, procedureId).update();
    }

    public void endVersion(long id, LocalDate validUntil) {
        jdbc.sql("update procedure_version set valid_until = ?, row_version = row_version + 1 where id = ?")
                .params(Date.valueOf(validUntil), id).update();
    }

    public int deleteDraft(long id, long expectedRowVersion) {
        jdbc.sql("delete from procedure_component where version_id = ? and exists (select 1 from procedure_version v where v.id = ? and v.status = 'DRAFT' and v.row_version = ?)")
                .params(id, id, expectedRowVersion).update();
        jdbc.sql("delete from procedure_fee where version_id = ? and exists (select 1 from procedure_version v where v.id = ? and v.status = 'DRAFT' and v.row_version = ?)")
                .params(id, id, expectedRowVersion).update();
        jdbc.sql("delete from process_step where version_id = ? and exists (select 1 from procedure_version v where v.id = ? and v.status = 'DRAFT' and v.row_version = ?)")
                .params(id, id, expectedRowVersion).update();
        return jdbc.sql("delete from procedure_version where id = ? and status = 'DRAFT' and row_version = ?").params(id, expectedRowVersion).update();
    }

    private VersionRow versionRow(ResultSet rs, int n) throws SQLException {
        String action = rs.getString("publication_action");
        return new VersionRow(rs.getLong("id"), rs.getLong("procedure_id"), rs.getString("code"), rs.getInt("version_no"),
                VersionStatus.valueOf(rs.getString("status")), rs.getString("name"), rs.getLong("field_id"),
                ProcedureLevel.valueOf(rs.getString("level")), rs.getLong("agency_id"), rs.getString("implementing_agency"),
                rs.getString("steps"), rs.getString("method_details"), rs.getBoolean("by_counter"), rs.getBoolean("by_online"),
                rs.getBoolean("by_post"), OnlineLevel.valueOf(rs.getString("online_level")), rs.getBigDecimal("time_limit_days"),
                rs.getBigDecimal("online_time_limit_days"), rs.getString("time_limit_note"), rs.getString("subjects"),
                rs.getString("result_type"), rs.getString("fees_note"), rs.getString("requirements"), rs.getString("legal_basis"),
                rs.getObject("replaces_procedure_id", Long.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getObject("decision_id", Long.class),
                action == null ? null : PublicationAction.valueOf(action), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("row_version"));
    }

    // ---- children

    public List<Component> components(long versionId) {
        return jdbc.sql("select * from procedure_component where version_id = ? order by position").param(versionId)
                .query((rs, n) -> new Component(rs.getLong("id"), rs.getInt("position"), rs.getString("name"), rs.getInt("originals"),
                        rs.getInt("copies"), rs.getBoolean("required"), rs.getString("note"), rs.getString("form_name"),
                        rs.getObject("form_file_id", Long.class))).list();
    }

    public List<Fee> fees(long versionId) {
        return jdbc.sql("select * from procedure_fee where version_id = ? order by position").param(versionId)
                .query((rs, n) -> new Fee(FeeKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getLong("amount_vnd"))).list();
    }

    public List<ProcessStep> process(long versionId) {
        return jdbc.sql("select * from process_step where version_id = ? order by variant desc, position").param(versionId)
                .query((rs, n) -> new ProcessStep(ProcessVariant.valueOf(rs.getString("variant")), rs.getInt("position"),
                        rs.getString("name"), rs.getString("responsible"), Role.valueOf(rs.getString("role")),
                        rs.getBigDecimal("duration_hours"))).list();
    }

    public void replaceChildren(long versionId, List<Component> components, List<Fee> fees, List<ProcessStep> steps) {
        jdbc.sql("delete from procedure_component where version_id = ?").param(versionId).update();
        jdbc.sql("delete from procedure_fee where version_id = ?").param(versionId).update();
        jdbc.sql("delete from process_step where version_id = ?").param(versionId).update();
        int i = 1;
        for (Component c : components) {
            jdbc.sql("""
                    insert into procedure_component (version_id, position, name, originals, copies, required, note, form_name, form_file_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(versionId, i++, c.name().trim(), c.originals(), c.copies(), c.required(), text(c.note(), null),
                            text(c.formName(), null), c.formFileId()).update();
        }
        i = 1;
        for (Fee f : fees) {
            jdbc.sql("insert into procedure_fee (version_id, position, kind, description, amount_vnd) values (?, ?, ?, ?, ?)")
                    .params(versionId, i++, f.kind().name(), f.description().trim(), f.amountVnd()).update();
        }
        Map<ProcessVariant, Integer> positions = new LinkedHashMap<>();
        for (ProcessStep s : steps) {
            int pos = positions.merge(s.variant(), 1, Integer::sum);
            jdbc.sql("""
                    insert into process_step (version_id, variant, position, name, responsible, role, duration_hours)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(versionId, s.variant().name(), pos, s.name().trim(), s.responsible().trim(), s.role().name(),
                            s.durationHours()).update();
        }
    }

    // ---- files

    public long storeFile(String filename, String contentType, byte[] content, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into stored_file (filename, content_type, size_bytes, sha256, content, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(filename, contentType, content.length, vn.motcua.shared.Digests.sha256Hex(content), content, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<FormFile> file(long id) {
        return jdbc.sql("select filename, content_type, content from stored_file where id = ?").param(id)
                .query((rs, n) -> new FormFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }


    // ---- decisions

    public Optional<DecisionRow> decision(String number) {
        return jdbc.sql("select * from publication_decision where upper(number) = upper(?)").param(number.trim())
                .query(this::decisionRow).optional();
    }

    public Optional<DecisionRow> decision(long id) {
        return jdbc.sql("select * from publication_decision where id = ?").param(id).query(this::decisionRow).optional();
    }

    private DecisionRow decisionRow(ResultSet rs, int n) throws SQLException {
        return new DecisionRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getLong("issuer_agency_id"),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("effective_on", LocalDate.class));
    }

    public long insertDecision(DecisionInfo d, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication_decision (number, title, issuer_agency_id, signed_on, effective_on, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.number().trim(), d.title().trim(), d.issuerAgencyId(), Date.valueOf(d.signedOn()),
                        Date.valueOf(d.effectiveOn()), user, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertDecisionItem(long decisionId, long procedureId, Long versionId, PublicationAction action, long agencyId,
                                   LocalDate effectiveOn) {
        jdbc.sql("insert into decision_item (decision_id, procedure_id, version_id, action, agency_id, effective_on) values (?, ?, ?, ?, ?, ?)")
                .params(decisionId, procedureId, versionId, action.name(), agencyId, Date.valueOf(effectiveOn)).update();
    }

    /** Decisions signed between the two days inclusive: id, number, title, issuer, signed, effective, codes, first day public. */
    public List<Object[]> decisionsSigned(LocalDate from, LocalDate to) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                select d.id, d.number, d.title, d.issuer_agency_id, d.signed_on, d.effective_on,
                       (select min(v.published_at) from procedure_version v where v.decision_id = d.id) first_public
                from publication_decision d where d.signed_on >= ? and d.signed_on <= ? order by d.signed_on, d.id""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    Timestamp first = rs.getTimestamp("first_public");
                    rows.add(new Object[]{rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getLong("issuer_agency_id"),
                            rs.getObject("signed_on", LocalDate.class), rs.getObject("effective_on", LocalDate.class),
                            first == null ? null : first.toLocalDateTime().toLocalDate()});
                });
        return rows;
    }

    /** The codes of the procedures each decision carries, by decision id. */
    public java.util.Map<Long, List<String>> decisionCodes(java.util.Collection<Long> decisionIds) {
        java.util.Map<Long, List<String>> out = new java.util.HashMap<>();
        if (decisionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select i.decision_id, p.code from decision_item i join tthc_procedure p on p.id = i.procedure_id
                where i.decision_id in (:ids) order by p.code""").param("ids", decisionIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** Every procedure's version in force on a day. */
    public List<VersionRow> allInForce(LocalDate date) {
        return jdbc.sql(VERSION_SELECT + """
                where v.status = 'PUBLISHED' and v.valid_from <= :d and (v.valid_until is null or v.valid_until > :d)
                order by p.code""").param("d", Date.valueOf(date)).query(this::versionRow).list();
    }

    /** Counts of decision items per month, agency and action for the year. */
    public List<Object[]> decisionCounts(LocalDate from, LocalDate until) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                select effective_on, agency_id, action from decision_item
                where effective_on >= ? and effective_on < ? order by effective_on""")
                .params(Date.valueOf(from), Date.valueOf(until))
                .query(rs -> {
                    rows.add(new Object[]{rs.getObject(1, LocalDate.class), rs.getLong(2), PublicationAction.valueOf(rs.getString(3))});
                });
        return rows;
    }

    // ---- search

    public List<VersionRow> search(List<String> terms, Long agencyId, Long fieldId, ProcedureLevel level, OnlineLevel online,
                                   LocalDate date, int offset, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = searchWhere(terms, agencyId, fieldId, level, online, date, where);
        return jdbc.sql(VERSION_SELECT + where + " order by v.name, p.code offset " + offset + " rows fetch next " + limit + " rows only")
                .params(params).query(this::versionRow).list();
    }

    public long count(List<String> terms, Long agencyId, Long fieldId, ProcedureLevel level, OnlineLevel online, LocalDate date) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = searchWhere(terms, agencyId, fieldId, level, online, date, where);
        return jdbc.sql("select count(*) from procedure_version v join tthc_procedure p on p.id = v.procedure_id " + where)
                .params(params).query(Long.class).single();
    }

    private static Map<String, Object> searchWhere(List<String> terms, Long agencyId, Long fieldId, ProcedureLevel level,
                                                   OnlineLevel online, LocalDate date, StringBuilder where) {
        Map<String, Object> params = new LinkedHashMap<>();
        where.append("where v.status = 'PUBLISHED' and v.valid_from <= :d and (v.valid_until is null or v.valid_until > :d)");
        params.put("d", Date.valueOf(date));
        for (int i = 0; i < terms.size(); i++) {
            where.append(" and v.search_key like :t").append(i);
            // word-prefix match: the key is " word word ... "
            params.put("t" + i, "% " + terms.get(i).replace("%", "").replace("_", "") + "%");
        }
        if (agencyId != null) {
            where.append(" and v.agency_id = :agency");
            params.put("agency", agencyId);
        }
        if (fieldId != null) {
            where.append(" and v.field_id = :field");
            params.put("field", fieldId);
        }
        if (level != null) {
            where.append(" and v.level = :level");
            params.put("level", level.name());
        }
        if (online != null) {
            where.append(" and v.online_level = :online");
            params.put("online", online.name());
        }
        return params;
    }
}
