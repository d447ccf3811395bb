package vn.motcua.feedback.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.shared.ConflictException;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Stored evaluations (from the agency's self-assessment on) and their criteria. */
@Repository
public class EvaluationStore {
    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long agencyId, String periodKey, int slips, String status, LocalDateTime computedAt, String assessedBy,
                      LocalDateTime assessedAt, String verifiedBy, LocalDateTime verifiedAt, long rowVersion) {
    }

    public record CriterionRow(int criterion, BigDecimal computed, int counted, BigDecimal self, BigDecimal verified, String note) {
    }

    public Optional<Row> find(long agencyId, String periodKey) {
        return jdbc.sql("select * from evaluation where agency_id = ? and period_key = ?").params(agencyId, periodKey).query(this::row).optional();
    }

    public List<Row> ofPeriod(String periodKey) {
        return jdbc.sql("select * from evaluation where period_key = ?").param(periodKey).query(this::row).list();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("period_key"), rs.getInt("slips"), rs.getString("status"),
                rs.getTimestamp("computed_at").toLocalDateTime(), rs.getString("assessed_by"), time(rs.getTimestamp("assessed_at")),
                rs.getString("verified_by"), time(rs.getTimestamp("verified_at")), rs.getLong("row_version"));
    }

    public List<CriterionRow> criteria(long evaluationId) {
        return jdbc.sql("select * from evaluation_criterion where evaluation_id = ? order by criterion").param(evaluationId)
                .query((rs, n) -> new CriterionRow(rs.getInt("criterion"), rs.getBigDecimal("computed_points"), rs.getInt("rated"),
                        rs.getBigDecimal("self_points"), rs.getBigDecimal("verified_points"), rs.getString("note"))).list();
    }

    public long insert(long agencyId, String periodKey, LocalDate from, LocalDate to, int slips, LocalDateTime computedAt, String by, LocalDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation (agency_id, period_key, period_from, period_to, slips, status, computed_at, assessed_by, assessed_at)
                values (?, ?, ?, ?, ?, 'SELF_ASSESSED', ?, ?, ?)""")
                .params(agencyId, periodKey, Date.valueOf(from), Date.valueOf(to), slips, Timestamp.valueOf(computedAt), by, Timestamp.valueOf(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertCriterion(long evaluationId, CriterionRow c) {
        jdbc.sql("insert into evaluation_criterion (evaluation_id, criterion, computed_points, rated, self_points, verified_points, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(evaluationId, c.criterion(), c.computed(), c.counted(), c.self(), c.verified(), c.note()).update();
    }

    public void updateCriterion(long evaluationId, int criterion, BigDecimal self, BigDecimal verified, String note) {
        jdbc.sql("update evaluation_criterion set self_points = ?, verified_points = ?, note = ? where evaluation_id = ? and criterion = ?")
                .params(self, verified, note, evaluationId, criterion).update();
    }

    public void mark(long id, long rowVersion, String status, String assessedBy, LocalDateTime assessedAt, String verifiedBy, LocalDateTime verifiedAt) {
        int n = jdbc.sql("""
                update evaluation set status = ?, assessed_by = coalesce(?, assessed_by), assessed_at = coalesce(?, assessed_at),
                  verified_by = ?, verified_at = ?, row_version = row_version + 1 where id = ? and row_version = ?""")
                .params(status, assessedBy, assessedAt == null ? null : Timestamp.valueOf(assessedAt), verifiedBy,
                        verifiedAt == null ? null : Timestamp.valueOf(verifiedAt), id, rowVersion).update();
        if (n == 0) {
            throw new ConflictException("Bảng đánh giá vừa được người khác cập nhật. Vui lòng tải lại trang.");
        }
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
