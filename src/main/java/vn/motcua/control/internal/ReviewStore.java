package vn.motcua.control.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.control.DecentralisationItem;
import vn.motcua.control.ReviewItem;
import vn.motcua.control.domain.Authority;
import vn.motcua.control.domain.DecentralisationProposal;
import vn.motcua.control.domain.DecentralisationStatus;
import vn.motcua.control.domain.ProposalType;
import vn.motcua.control.domain.ReviewProgress;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review plans, their items, and the decentralisation review rounds. */
@Repository
public class ReviewStore {
    private final JdbcClient jdbc;

    public ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan's head: id, year, reference, title, owner, created by, row version. */
    public record PlanRow(long id, int year, String reference, String title, long ownerAgencyId, String createdBy, long rowVersion) {
    }

    public List<PlanRow> plans(int year) {
        return jdbc.sql("select * from review_plan where plan_year = ? order by reference").param(year).query(this::planRow).list();
    }

    public Optional<PlanRow> plan(long id) {
        return jdbc.sql("select * from review_plan where id = ?").param(id).query(this::planRow).optional();
    }

    public List<Integer> planYears() {
        return jdbc.sql("select distinct plan_year from review_plan order by plan_year desc").query(Integer.class).list();
    }

    public boolean referenceTaken(String reference) {
        return jdbc.sql("select count(*) from review_plan where upper(reference) = upper(?)").param(reference).query(Long.class).single() > 0;
    }

    public long insertPlan(int year, String reference, String title, long owner, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into review_plan (plan_year, reference, title, owner_agency_id, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(year, reference, title, owner, by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int touchPlan(long id, long rowVersion) {
        return jdbc.sql("update review_plan set row_version = row_version + 1 where id = ? and row_version = ?").params(id, rowVersion).update();
    }

    public List<ReviewItem> items(long planId, Map<Long, String> names) {
        return jdbc.sql("select * from review_item where plan_id = ? order by due_on, id").param(planId).query((rs, n) -> item(rs, names)).list();
    }

    public Optional<ReviewItem> item(long id, Map<Long, String> names) {
        return jdbc.sql("select * from review_item where id = ?").param(id).query((rs, n) -> item(rs, names)).optional();
    }

    /** Items not done whose due day is on or before the day given. */
    public List<ReviewItem> openItemsDueBy(LocalDate day, Map<Long, String> names) {
        return jdbc.sql("select * from review_item where status <> 'DONE' and due_on <= ? order by due_on").param(Date.valueOf(day))
                .query((rs, n) -> item(rs, names)).list();
    }

    public long insertItem(long planId, String code, String subject, long agencyId, LocalDate due, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into review_item (plan_id, procedure_code, subject, responsible_agency_id, due_on, progress, status, updated_by, updated_at)
                values (?, ?, ?, ?, ?, 0, 'PLANNED', ?, ?)""")
                .params(planId, code, subject, agencyId, Date.valueOf(due), by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int updateProgress(long id, long rowVersion, ReviewProgress p, String by, LocalDateTime now) {
        return jdbc.sql("""
                update review_item set progress = ?, status = ?, result = ?, finished_on = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(p.progress(), p.status().name(), p.result(), p.finishedOn() == null ? null : Date.valueOf(p.finishedOn()), by,
                        Timestamp.valueOf(now), id, rowVersion).update();
    }

    // ---------------------------------------------------------------- decentralisation

    public List<String> rounds() {
        return jdbc.sql("select round from decentralisation_review group by round order by min(id) desc").query(String.class).list();
    }

    public List<DecentralisationItem> decentralisation(String round, Map<Long, String> names) {
        return jdbc.sql("select * from decentralisation_review where round = ? order by procedure_code").param(round)
                .query((rs, n) -> decentralisation(rs, names)).list();
    }

    public Optional<DecentralisationItem> decentralisationItem(long id, Map<Long, String> names) {
        return jdbc.sql("select * from decentralisation_review where id = ?").param(id).query((rs, n) -> decentralisation(rs, names)).optional();
    }

    public List<DecentralisationItem> pendingDecentralisationDueBy(LocalDate day, Map<Long, String> names) {
        return jdbc.sql("select * from decentralisation_review where status = 'PENDING' and due_on <= ? order by due_on").param(Date.valueOf(day))
                .query((rs, n) -> decentralisation(rs, names)).list();
    }

    public boolean inRound(String round, String code) {
        return jdbc.sql("select count(*) from decentralisation_review where round = ? and procedure_code = ?").params(round, code)
                .query(Long.class).single() > 0;
    }

    public void insertDecentralisation(String round, String code, String name, String field, long agencyId, String legalBasis, LocalDate due) {
        jdbc.sql("""
                insert into decentralisation_review (round, procedure_code, procedure_name, field_name, agency_id, legal_basis, due_on, status)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""").params(round, code, name, field, agencyId, legalBasis, Date.valueOf(due)).update();
    }

    public int updateDecentralisation(long id, long rowVersion, Authority authority, String legalBasis, DecentralisationProposal proposal,
                                      String receiver, ProposalType type, String reason, String by, LocalDateTime now) {
        return jdbc.sql("""
                update decentralisation_review set authority = ?, legal_basis = ?, proposal = ?, receiver = ?, proposal_type = ?, reason = ?,
                       status = 'REVIEWED', reviewed_by = ?, reviewed_at = ?, row_version = row_version + 1
                where id = ? and row_version = ? and status <> 'SUBMITTED'""")
                .params(authority.name(), legalBasis, proposal == null ? null : proposal.name(), receiver, type == null ? null : type.name(), reason,
                        by, Timestamp.valueOf(now), id, rowVersion).update();
    }

    public int submit(long id) {
        return jdbc.sql("update decentralisation_review set status = 'SUBMITTED', row_version = row_version + 1 where id = ? and status = 'REVIEWED'")
                .param(id).update();
    }

    private PlanRow planRow(ResultSet rs, int n) throws SQLException {
        return new PlanRow(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("reference"), rs.getString("title"), rs.getLong("owner_agency_id"),
                rs.getString("created_by"), rs.getLong("row_version"));
    }

    private static ReviewItem item(ResultSet rs, Map<Long, String> names) throws SQLException {
        long agency = rs.getLong("responsible_agency_id");
        ReviewProgress p = new ReviewProgress(ReviewProgress.Status.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("result"),
                rs.getObject("finished_on", LocalDate.class));
        return new ReviewItem(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("procedure_code"), rs.getString("subject"), agency,
                names.getOrDefault(agency, ""), rs.getObject("due_on", LocalDate.class), p, rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toLocalDateTime(), rs.getLong("row_version"));
    }

    private static DecentralisationItem decentralisation(ResultSet rs, Map<Long, String> names) throws SQLException {
        long agency = rs.getLong("agency_id");
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new DecentralisationItem(rs.getLong("id"), rs.getString("round"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getString("field_name"), agency, names.getOrDefault(agency, ""), en(Authority.class, rs.getString("authority")),
                rs.getString("legal_basis"), en(DecentralisationProposal.class, rs.getString("proposal")), rs.getString("receiver"),
                en(ProposalType.class, rs.getString("proposal_type")), rs.getString("reason"), rs.getObject("due_on", LocalDate.class),
                DecentralisationStatus.valueOf(rs.getString("status")), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toLocalDateTime(), rs.getLong("row_version"));
    }

    static <E extends Enum<E>> E en(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
