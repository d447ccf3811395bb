package vn.motcua.quality.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.quality.Band;
import vn.motcua.quality.Indicator;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicators, groups and rating bands as configured. */
@Repository
public class ConfigStore {
    private final JdbcClient jdbc;

    public ConfigStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> indicators() {
        return jdbc.sql("select * from quality_indicator order by group_no, position").query((rs, i) -> new Indicator(rs.getString("code"),
                rs.getInt("group_no"), rs.getInt("position"), rs.getString("name"), rs.getString("name_en"), rs.getBigDecimal("max_points"),
                rs.getBigDecimal("threshold"), Indicator.WhenEmpty.valueOf(rs.getString("when_empty")), rs.getString("note"),
                rs.getLong("row_version"))).list();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Group number → {Vietnamese name, English name}. */
    public Map<Integer, String[]> groups() {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        jdbc.sql("select group_no, name, name_en from quality_group order by group_no")
                .query(rs -> {
                    out.put(rs.getInt(1), new String[]{rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    public List<Band> bands() {
        return jdbc.sql("select name, name_en, min_score from quality_band order by min_score desc")
                .query((rs, i) -> new Band(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    public int updateIndicator(String code, long rowVersion, BigDecimal maxPoints, BigDecimal threshold, Indicator.WhenEmpty whenEmpty, String by,
                               LocalDateTime now) {
        return jdbc.sql("""
                update quality_indicator set max_points = ?, threshold = ?, when_empty = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1
                where code = ? and row_version = ?""")
                .params(maxPoints, threshold, whenEmpty.name(), by, Timestamp.valueOf(now), code, rowVersion).update();
    }

    public void updateBand(String name, BigDecimal minScore) {
        jdbc.sql("update quality_band set min_score = ? where name = ?").params(minScore, name).update();
    }
}
