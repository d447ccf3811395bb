package vn.motcua.quality.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.quality.WeeklyReview;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Monday review: who answers for each group of a unit, the weekly reviews, the remediation tasks, the portal's scores. */
@Repository("qualityReviewStore")
public class ReviewStore {
    private final JdbcClient jdbc;

    public ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Group → username for the unit. */
    public Map<Integer, String> assignments(long unitId) {
        return jdbc.sql("select group_no, username from quality_assignment where unit_id = ?").param(unitId)
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void assign(long unitId, int groupNo, String username, String by, LocalDateTime now) {
        jdbc.sql("delete from quality_assignment where unit_id = ? and group_no = ?").params(unitId, groupNo).update();
        if (username != null) {
            jdbc.sql("insert into quality_assignment (unit_id, group_no, username, assigned_by, assigned_at) values (?, ?, ?, ?, ?)")
                    .params(unitId, groupNo, username, by, Timestamp.valueOf(now)).update();
        }
    }

    public Optional<WeeklyReview.Review> review(long unitId, LocalDate weekStart) {
        return jdbc.sql("select * from quality_review where unit_id = ? and week_start = ?").params(unitId, Date.valueOf(weekStart))
                .query(this::reviewRow).optional();
    }

    public List<WeeklyReview.Review> reviews(LocalDate weekStart) {
        return jdbc.sql("select * from quality_review where week_start = ?").param(Date.valueOf(weekStart)).query(this::reviewRow).list();
    }

    private WeeklyReview.Review reviewRow(ResultSet rs, int i) throws SQLException {
        return new WeeklyReview.Review(rs.getLong("unit_id"), rs.getDate("week_start").toLocalDate(), rs.getBigDecimal("score"),
                rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at").toLocalDateTime(), rs.getString("note"));
    }

    public boolean insertReview(long unitId, LocalDate weekStart, BigDecimal score, String by, LocalDateTime at, String note) {
        return jdbc.sql("""
                insert into quality_review (unit_id, week_start, score, reviewed_by, reviewed_at, note)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from quality_review where unit_id = ? and week_start = ?)""")
                .params(unitId, Date.valueOf(weekStart), score, by, Timestamp.valueOf(at), note, unitId, Date.valueOf(weekStart)).update() == 1;
    }

    public List<WeeklyReview.Task> tasks(Long unitId, boolean openOnly) {
        String where = (unitId == null ? "1 = 1" : "unit_id = :unit") + (openOnly ? " and done_at is null" : "");
        var q = jdbc.sql("select * from quality_task where " + where + " order by done_at desc nulls first, due_on, id");
        if (unitId != null) {
            q = q.param("unit", unitId);
        }
        return q.query(this::taskRow).list();
    }

    public Optional<WeeklyReview.Task> task(long id) {
        return jdbc.sql("select * from quality_task where id = ?").param(id).query(this::taskRow).optional();
    }

    private WeeklyReview.Task taskRow(ResultSet rs, int i) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new WeeklyReview.Task(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("group_no"), rs.getString("indicator"), rs.getString("what"),
                rs.getString("assignee"), rs.getDate("due_on").toLocalDate(), rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(),
                done == null ? null : done.toLocalDateTime(), rs.getString("done_by"), rs.getString("outcome"), rs.getLong("row_version"));
    }

    public long insertTask(long unitId, int groupNo, String indicator, String what, String assignee, LocalDate due, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_task (unit_id, group_no, indicator, what, assignee, due_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(unitId, groupNo, indicator, what, assignee, Date.valueOf(due), by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int finishTask(long id, long rowVersion, String outcome, String by, LocalDateTime at) {
        return jdbc.sql("""
                update quality_task set done_at = ?, done_by = ?, outcome = ?, row_version = row_version + 1
                where id = ? and row_version = ? and done_at is null""").params(Timestamp.valueOf(at), by, outcome, id, rowVersion).update();
    }

    // ---------------------------------------------------------------- the national portal's published scores

    /** Group → points the national portal published for the unit (0: the province) and period key. */
    public Map<Integer, BigDecimal> portalScores(long unitId, String period) {
        return jdbc.sql("select group_no, points from quality_portal_score where unit_id = ? and period = ?").params(unitId, period)
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getBigDecimal(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void savePortalScore(long unitId, String period, int groupNo, BigDecimal points, String by, LocalDateTime now) {
        jdbc.sql("delete from quality_portal_score where unit_id = ? and period = ? and group_no = ?").params(unitId, period, groupNo).update();
        jdbc.sql("insert into quality_portal_score (unit_id, period, group_no, points, entered_by, entered_at) values (?, ?, ?, ?, ?, ?)")
                .params(unitId, period, groupNo, points, by, Timestamp.valueOf(now)).update();
    }
}
