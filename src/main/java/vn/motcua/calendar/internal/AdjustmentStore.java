package vn.motcua.calendar.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.calendar.Adjustment;
import vn.motcua.calendar.DayKind;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Repository
public class AdjustmentStore {
    private final JdbcClient jdbc;

    public AdjustmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Adjustment> all() {
        return jdbc.sql("select on_date, kind, reason from calendar_adjustment order by on_date")
                .query((rs, n) -> new Adjustment(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3))).list();
    }

    public boolean exists(LocalDate day) {
        return jdbc.sql("select count(*) from calendar_adjustment where on_date = ?").param(Date.valueOf(day)).query(Long.class).single() > 0;
    }

    public void insert(Adjustment a, String user, Instant now) {
        jdbc.sql("insert into calendar_adjustment (on_date, kind, reason, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(Date.valueOf(a.day()), a.kind().name(), a.reason().trim(), user, Timestamp.from(now)).update();
    }

    public int delete(LocalDate day) {
        return jdbc.sql("delete from calendar_adjustment where on_date = ?").param(Date.valueOf(day)).update();
    }
}
