package vn.motcua.control.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.control.CostAssessment;
import vn.motcua.control.CostLine;
import vn.motcua.control.IncomeFigure;
import vn.motcua.control.InternalProcedure;
import vn.motcua.control.Proposal;
import vn.motcua.control.domain.ComplianceCost;
import vn.motcua.control.domain.ProposalStatus;
import vn.motcua.control.domain.Simplification;
import vn.motcua.control.domain.SubjectKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Income figures, compliance-cost assessments, simplification proposals and internal procedures. */
@Repository
public class SimplificationStore {
    private final JdbcClient jdbc;

    public SimplificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- income

    public Optional<IncomeFigure> income(int year) {
        return jdbc.sql("select * from control_income where income_year = ?").param(year)
                .query((rs, n) -> new IncomeFigure(rs.getInt("income_year"), rs.getLong("monthly_income"), rs.getString("source"), rs.getString("updated_by")))
                .optional();
    }

    public List<IncomeFigure> incomes() {
        return jdbc.sql("select * from control_income order by income_year desc")
                .query((rs, n) -> new IncomeFigure(rs.getInt("income_year"), rs.getLong("monthly_income"), rs.getString("source"), rs.getString("updated_by")))
                .list();
    }

    public void saveIncome(int year, long amount, String source, String by, LocalDateTime now) {
        int n = jdbc.sql("update control_income set monthly_income = ?, source = ?, updated_by = ?, updated_at = ? where income_year = ?")
                .params(amount, source, by, Timestamp.valueOf(now), year).update();
        if (n == 0) {
            jdbc.sql("insert into control_income (income_year, monthly_income, source, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                    .params(year, amount, source, by, Timestamp.valueOf(now)).update();
        }
    }

    // ---------------------------------------------------------------- assessments

    public long insertAssessment(CostAssessment a, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        ComplianceCost.Saving s = a.saving();
        jdbc.sql("""
                insert into cost_assessment (procedure_code, procedure_name, version_id, version_no, agency_id, title, assessment_year, monthly_income,
                    income_source, times_per_year, subjects_per_year, time_limit_days, after_time_limit_days, cost_before, cost_after,
                    yearly_before, yearly_after, percent, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.procedureCode(), a.procedureName(), a.versionId(), a.versionNo(), a.agencyId(), a.title(), a.year(), a.monthlyIncome(),
                        a.incomeSource(), a.timesPerYear(), a.subjectsPerYear(), a.timeLimitDays(), a.afterTimeLimitDays(), s.before(), s.after(),
                        s.yearlyBefore(), s.yearlyAfter(), s.percent(), a.note(), by, Timestamp.valueOf(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        lines(id, "NOW", a.now());
        lines(id, "AFTER", a.after());
        return id;
    }

    private void lines(long id, String scenario, List<CostLine> lines) {
        int pos = 0;
        for (CostLine l : lines) {
            jdbc.sql("""
                    insert into cost_item (assessment_id, scenario, position, kind, description, hours, quantity, unit_cost, cost)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, scenario, ++pos, l.kind().name(), l.description(), l.hours(), l.quantity(), l.unitCost(), l.cost()).update();
        }
    }

    public Optional<CostAssessment> assessment(long id, Map<Long, String> names) {
        return jdbc.sql("select * from cost_assessment where id = ?").param(id).query((rs, n) -> assessment(rs, names, true)).optional();
    }

    /** Assessments, newest first; of one procedure when a code is given. Items are not read. */
    public List<CostAssessment> assessments(String code, Map<Long, String> names) {
        var q = code == null ? jdbc.sql("select * from cost_assessment order by id desc")
                : jdbc.sql("select * from cost_assessment where procedure_code = ? order by id desc").param(code);
        return q.query((rs, n) -> assessment(rs, names, false)).list();
    }

    private CostAssessment assessment(ResultSet rs, Map<Long, String> names, boolean withLines) throws SQLException {
        long id = rs.getLong("id");
        long agency = rs.getLong("agency_id");
        long before = rs.getLong("cost_before");
        long after = rs.getLong("cost_after");
        long yb = rs.getLong("yearly_before");
        long ya = rs.getLong("yearly_after");
        ComplianceCost.Saving s = new ComplianceCost.Saving(before, after, before - after, rs.getBigDecimal("percent"), yb, ya, yb - ya);
        long monthly = rs.getLong("monthly_income");
        return new CostAssessment(id, rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getObject("version_id", Long.class),
                rs.getObject("version_no", Integer.class), agency, names.getOrDefault(agency, ""), rs.getString("title"), rs.getInt("assessment_year"), monthly,
                rs.getString("income_source"), ComplianceCost.hourlyIncome(monthly), rs.getBigDecimal("times_per_year"), rs.getLong("subjects_per_year"),
                rs.getBigDecimal("time_limit_days"), rs.getBigDecimal("after_time_limit_days"), withLines ? lines(id, "NOW") : List.of(),
                withLines ? lines(id, "AFTER") : List.of(), s, rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }

    private List<CostLine> lines(long id, String scenario) {
        return jdbc.sql("select * from cost_item where assessment_id = ? and scenario = ? order by position").params(id, scenario)
                .query((rs, n) -> new CostLine(ComplianceCost.Kind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getBigDecimal("hours"), rs.getInt("quantity"), rs.getLong("unit_cost"), rs.getLong("cost"))).list();
    }

    // ---------------------------------------------------------------- proposals

    public long insertProposal(SubjectKind kind, String code, String name, long agencyId, int year, String content, String reason,
                               Long assessmentId, Long before, Long after, Long yearlyBefore, Long yearlyAfter, BigDecimal percent, BigDecimal timeBefore,
                               BigDecimal timeAfter, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into simplification_proposal (subject_kind, procedure_code, procedure_name, agency_id, proposal_year, content, reason, status,
                    assessment_id, cost_before, cost_after, yearly_before, yearly_after, percent, time_before, time_after, created_by, created_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), code, name, agencyId, year, content, reason, assessmentId, before, after, yearlyBefore, yearlyAfter, percent, timeBefore,
                        timeAfter, by, Timestamp.valueOf(now), by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int updateProposalState(long id, long rowVersion, Simplification s, String by, LocalDateTime now) {
        return jdbc.sql("""
                update simplification_proposal set status = ?, submitted_on = ?, approved_on = ?, approval_ref = ?, implemented_on = ?,
                       decision_number = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(s.status().name(), date(s.submittedOn()), date(s.approvedOn()), s.approvalRef(), date(s.implementedOn()), s.decisionNumber(),
                        by, Timestamp.valueOf(now), id, rowVersion).update();
    }

    public Optional<Proposal> proposal(long id, Map<Long, String> names) {
        return jdbc.sql("select * from simplification_proposal where id = ?").param(id).query((rs, n) -> proposal(rs, names)).optional();
    }

    /** Proposals of a year (all years when null), optionally of one procedure code. */
    public List<Proposal> proposals(Integer year, String code, Map<Long, String> names) {
        // the filters as conditions of their own: PostgreSQL cannot type a parameter that is only compared with null
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (year != null) {
            where.add("proposal_year = ?");
            params.add(year);
        }
        if (code != null) {
            where.add("procedure_code = ?");
            params.add(code);
        }
        return jdbc.sql("select * from simplification_proposal" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by proposal_year desc, id desc").params(params).query((rs, n) -> proposal(rs, names)).list();
    }

    public List<Integer> proposalYears() {
        return jdbc.sql("select distinct proposal_year from simplification_proposal order by proposal_year desc").query(Integer.class).list();
    }

    private static Proposal proposal(ResultSet rs, Map<Long, String> names) throws SQLException {
        long agency = rs.getLong("agency_id");
        Simplification s = new Simplification(ProposalStatus.valueOf(rs.getString("status")), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("approved_on", LocalDate.class), rs.getString("approval_ref"), rs.getObject("implemented_on", LocalDate.class),
                rs.getString("decision_number"));
        return new Proposal(rs.getLong("id"), SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("procedure_code"),
                rs.getString("procedure_name"), agency, names.getOrDefault(agency, ""), rs.getInt("proposal_year"), rs.getString("content"),
                rs.getString("reason"), s, rs.getObject("assessment_id", Long.class), rs.getObject("cost_before", Long.class),
                rs.getObject("cost_after", Long.class), rs.getObject("yearly_before", Long.class), rs.getObject("yearly_after", Long.class), rs.getBigDecimal("percent"),
                rs.getBigDecimal("time_before"), rs.getBigDecimal("time_after"), rs.getString("created_by"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toLocalDateTime(), rs.getLong("row_version"));
    }

    // ---------------------------------------------------------------- internal procedures

    public Optional<Long> internalId(String code) {
        return jdbc.sql("select id from internal_procedure where upper(code) = upper(?)").param(code).query(Long.class).optional();
    }

    public long insertInternal(String code, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into internal_procedure (code, created_at) values (?, ?)").params(code, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void abolishInternal(long id, LocalDate on) {
        jdbc.sql("update internal_procedure set abolished_on = ? where id = ?").params(Date.valueOf(on), id).update();
        jdbc.sql("update internal_procedure_version set status = 'REPLACED', row_version = row_version + 1 where internal_procedure_id = ? and status = 'PUBLISHED'")
                .param(id).update();
    }

    public record InternalDraft(String name, ProcedureLevel level, String fieldName, long agencyId, String steps, String components,
                                BigDecimal timeLimitDays, String legalBasis) {
    }

    public long insertInternalVersion(long procedureId, InternalDraft d, String by, LocalDateTime now) {
        int no = jdbc.sql("select coalesce(max(version_no), 0) + 1 from internal_procedure_version where internal_procedure_id = ?")
                .param(procedureId).query(Integer.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into internal_procedure_version (internal_procedure_id, version_no, status, name, level, field_name, agency_id, steps,
                    components, time_limit_days, legal_basis, created_by, created_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(procedureId, no, d.name(), d.level().name(), d.fieldName(), d.agencyId(), d.steps(), d.components(), d.timeLimitDays(),
                        d.legalBasis(), by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int updateInternalDraft(long versionId, long rowVersion, InternalDraft d) {
        return jdbc.sql("""
                update internal_procedure_version set name = ?, level = ?, field_name = ?, agency_id = ?, steps = ?, components = ?,
                       time_limit_days = ?, legal_basis = ?, row_version = row_version + 1
                where id = ? and row_version = ? and status = 'DRAFT'""")
                .params(d.name(), d.level().name(), d.fieldName(), d.agencyId(), d.steps(), d.components(), d.timeLimitDays(), d.legalBasis(),
                        versionId, rowVersion).update();
    }

    /** Publishes a draft: the version in force until now is replaced. */
    public int publishInternal(long procedureId, long versionId, long rowVersion, String decision, LocalDate signedOn, LocalDateTime now) {
        int n = jdbc.sql("""
                update internal_procedure_version set status = 'PUBLISHED', decision_number = ?, decision_signed_on = ?, published_at = ?,
                       row_version = row_version + 1
                where id = ? and row_version = ? and status = 'DRAFT'""")
                .params(decision, Date.valueOf(signedOn), Timestamp.valueOf(now), versionId, rowVersion).update();
        if (n == 1) {
            jdbc.sql("""
                    update internal_procedure_version set status = 'REPLACED', row_version = row_version + 1
                    where internal_procedure_id = ? and status = 'PUBLISHED' and id <> ?""").params(procedureId, versionId).update();
        }
        return n;
    }

    public List<InternalProcedure> internals(Map<Long, String> names) {
        List<InternalProcedure> out = new ArrayList<>();
        List<Object[]> heads = jdbc.sql("select id, code, abolished_on from internal_procedure order by code")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)}).list();
        Map<Long, List<InternalProcedure.Version>> versions = new java.util.HashMap<>();
        jdbc.sql("select * from internal_procedure_version order by internal_procedure_id, version_no desc")
                .query(rs -> {
                    versions.computeIfAbsent(rs.getLong("internal_procedure_id"), k -> new ArrayList<>()).add(version(rs, names));
                });
        for (Object[] h : heads) {
            out.add(new InternalProcedure((Long) h[0], (String) h[1], (LocalDate) h[2], versions.getOrDefault((Long) h[0], List.of())));
        }
        return out;
    }

    public Optional<InternalProcedure> internal(String code, Map<Long, String> names) {
        return internals(names).stream().filter(p -> p.code().equalsIgnoreCase(code.trim())).findFirst();
    }

    private static InternalProcedure.Version version(ResultSet rs, Map<Long, String> names) throws SQLException {
        long agency = rs.getLong("agency_id");
        Timestamp published = rs.getTimestamp("published_at");
        return new InternalProcedure.Version(rs.getLong("id"), rs.getInt("version_no"), InternalProcedure.Status.valueOf(rs.getString("status")),
                rs.getString("name"), ProcedureLevel.valueOf(rs.getString("level")), rs.getString("field_name"), agency,
                names.getOrDefault(agency, ""), rs.getString("steps"), rs.getString("components"),
                rs.getBigDecimal("time_limit_days").setScale(1, RoundingMode.HALF_UP), rs.getString("legal_basis"), rs.getString("decision_number"),
                rs.getObject("decision_signed_on", LocalDate.class), published == null ? null : published.toLocalDateTime(),
                rs.getString("created_by"), rs.getLong("row_version"));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
