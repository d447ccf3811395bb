package vn.motcua.quality.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.quality.Recipient;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Saved reports (drafts, and sent ones with their frozen rows) and the recipients of reports and digests. */
@Repository
public class ReportStore {
    private final JdbcClient jdbc;

    public ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Saved(long id, String form, long unitId, String periodKey, String periodLabel, LocalDate from, LocalDate to, String status,
                        String data, String createdBy, LocalDateTime createdAt, String sentBy, LocalDateTime sentAt, String sentTo, long rowVersion) {
    }

    private Saved saved(ResultSet rs, int i) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Saved(rs.getLong("id"), rs.getString("form"), rs.getLong("unit_id"), rs.getString("period_key"), rs.getString("period_label"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("status"), rs.getString("data"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("sent_by"),
                sent == null ? null : sent.toLocalDateTime(), rs.getString("sent_to"), rs.getLong("row_version"));
    }

    public List<Saved> list(int limit) {
        return jdbc.sql("select * from quality_report order by period_to desc, unit_id, id desc fetch first " + limit + " rows only").query(this::saved).list();
    }

    public Optional<Saved> get(long id) {
        return jdbc.sql("select * from quality_report where id = ?").param(id).query(this::saved).optional();
    }

    public Optional<Saved> find(String form, long unitId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from quality_report where form = ? and unit_id = ? and period_from = ? and period_to = ?")
                .params(form, unitId, Date.valueOf(from), Date.valueOf(to)).query(this::saved).optional();
    }

    public long insert(String form, long unitId, String key, String label, LocalDate from, LocalDate to, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quality_report (form, unit_id, period_key, period_label, period_from, period_to, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(form, unitId, key, label, Date.valueOf(from), Date.valueOf(to), by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Freezes a draft with its rows; 0 when it was changed or sent meanwhile. */
    public int freeze(long id, long rowVersion, String data, String by, LocalDateTime at, String to) {
        return jdbc.sql("""
                update quality_report set status = 'SENT', data = ?, sent_by = ?, sent_at = ?, sent_to = ?, row_version = row_version + 1
                where id = ? and row_version = ? and status = 'DRAFT'""").params(data, by, Timestamp.valueOf(at), to, id, rowVersion).update();
    }

    // ---------------------------------------------------------------- recipients

    public List<Recipient> recipients() {
        return jdbc.sql("select * from quality_recipient order by unit_id, email").query((rs, i) -> new Recipient(rs.getLong("id"), rs.getLong("unit_id"),
                rs.getString("email"), rs.getString("name"), rs.getBoolean("reports"), rs.getBoolean("weekly"))).list();
    }

    public boolean recipientExists(long unitId, String email) {
        return jdbc.sql("select count(*) from quality_recipient where unit_id = ? and lower(email) = lower(?)").params(unitId, email)
                .query(Long.class).single() > 0;
    }

    public long addRecipient(long unitId, String email, String name, boolean reports, boolean weekly, String by, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into quality_recipient (unit_id, email, name, reports, weekly, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(unitId, email, name, reports, weekly, by, Timestamp.valueOf(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public int removeRecipient(long id) {
        return jdbc.sql("delete from quality_recipient where id = ?").param(id).update();
    }
}
