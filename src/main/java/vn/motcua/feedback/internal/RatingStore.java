package vn.motcua.feedback.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingSource;
import vn.motcua.feedback.Satisfaction;
import vn.motcua.shared.ConflictException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Ratings, their history, the returns a kiosk may offer for rating, and the kiosks. */
@Repository
public class RatingStore {
    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ returns

    public record Due(long dossierId, String dossierCode, long agencyId, LocalDateTime returnedAt, String returnedBy, String delivery) {
    }

    public void recordReturn(long dossierId, String code, long agencyId, LocalDateTime at, String by, String delivery) {
        int n = jdbc.sql("update rating_due set returned_at = ?, returned_by = ?, delivery = ?, agency_id = ? where dossier_id = ?")
                .params(Timestamp.valueOf(at), by, delivery, agencyId, dossierId).update();
        if (n == 0) {
            jdbc.sql("insert into rating_due (dossier_id, dossier_code, agency_id, returned_at, returned_by, delivery) values (?, ?, ?, ?, ?, ?)")
                    .params(dossierId, code, agencyId, Timestamp.valueOf(at), by, delivery).update();
        }
    }

    public Optional<Due> due(long dossierId) {
        return jdbc.sql("select * from rating_due where dossier_id = ?").param(dossierId).query(this::dueRow).optional();
    }

    /** The officer's latest counter return between the moments, not rated at a kiosk yet. */
    public Optional<Due> latestReturnBy(String officer, LocalDateTime since, LocalDateTime until) {
        return jdbc.sql("""
                select u.* from rating_due u where u.returned_by = ? and u.returned_at >= ? and u.returned_at <= ? and u.delivery = 'COUNTER'
                  and not exists (select 1 from rating r where r.dossier_id = u.dossier_id and r.source = 'KIOSK')
                order by u.returned_at desc, u.dossier_id desc fetch first 1 rows only""")
                .params(officer, Timestamp.valueOf(since), Timestamp.valueOf(until)).query(this::dueRow).optional();
    }

    private Due dueRow(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getLong("dossier_id"), rs.getString("dossier_code"), rs.getLong("agency_id"), rs.getTimestamp("returned_at").toLocalDateTime(),
                rs.getString("returned_by"), rs.getString("delivery"));
    }

    // ------------------------------------------------------------------ ratings

    public Optional<Rating> byDossier(long dossierId) {
        return jdbc.sql("select * from rating where dossier_id = ?").param(dossierId).query(this::rating).optional();
    }

    public Optional<Rating> byDossierForUpdate(long dossierId) {
        return jdbc.sql("select * from rating where dossier_id = ? for update").param(dossierId).query(this::rating).optional();
    }

    public long insert(Rating r, Long kioskId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into rating (dossier_id, dossier_code, procedure_code, procedure_name, agency_id, receiving_agency_id, officer, satisfaction,
                  score_time, score_contacts, score_agencies, score_attitude, score_online, comment, source, kiosk_id, rated_at)
                values (:d, :code, :pc, :pn, :a, :ra, :o, :s, :t, :c, :ag, :at, :on, :cm, :src, :k, :ts)""")
                .param("d", r.dossierId()).param("code", r.dossierCode()).param("pc", r.procedureCode()).param("pn", r.procedureName())
                .param("a", r.agencyId()).param("ra", r.receivingAgencyId()).param("o", r.officer()).param("s", r.satisfaction().name())
                .param("t", r.scores().time()).param("c", r.scores().contacts()).param("ag", r.scores().agencies())
                .param("at", r.scores().attitude()).param("on", r.scores().online()).param("cm", r.comment()).param("src", r.source().name())
                .param("k", kioskId).param("ts", Timestamp.valueOf(r.ratedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(Rating r, long expectedVersion, Long kioskId) {
        int n = jdbc.sql("""
                update rating set satisfaction = :s, score_time = :t, score_contacts = :c, score_agencies = :ag, score_attitude = :at,
                  score_online = :on, comment = :cm, source = :src, kiosk_id = :k, rated_at = :ts, changes = changes + 1, row_version = row_version + 1
                where id = :id and row_version = :v""")
                .param("s", r.satisfaction().name()).param("t", r.scores().time()).param("c", r.scores().contacts())
                .param("ag", r.scores().agencies()).param("at", r.scores().attitude()).param("on", r.scores().online())
                .param("cm", r.comment()).param("src", r.source().name()).param("k", kioskId).param("ts", Timestamp.valueOf(r.ratedAt()))
                .param("id", r.id()).param("v", expectedVersion).update();
        if (n == 0) {
            throw new ConflictException("Đánh giá vừa được thay đổi ở nơi khác. Vui lòng tải lại trang.");
        }
    }

    public void history(long ratingId, Rating r, String actor) {
        jdbc.sql("""
                insert into rating_history (rating_id, satisfaction, score_time, score_contacts, score_agencies, score_attitude, score_online,
                  comment, source, at, actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ratingId, r.satisfaction().name(), r.scores().time(), r.scores().contacts(), r.scores().agencies(),
                        r.scores().attitude(), r.scores().online(), r.comment(), r.source().name(), Timestamp.valueOf(r.ratedAt()), actor)
                .update();
    }

    public List<Rating.Change> changes(long ratingId) {
        return jdbc.sql("select * from rating_history where rating_id = ? order by id").param(ratingId)
                .query((rs, n) -> new Rating.Change(rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"),
                        Satisfaction.valueOf(rs.getString("satisfaction")), scores(rs), rs.getString("comment"),
                        RatingSource.valueOf(rs.getString("source")))).list();
    }

    /** Ratings given in [from, to). */
    public List<Rating> between(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("select * from rating where rated_at >= ? and rated_at < ? order by rated_at")
                .params(Timestamp.valueOf(from), Timestamp.valueOf(to)).query(this::rating).list();
    }

    public List<Rating> ofDossiers(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from rating where dossier_id in (:ids)").param("ids", dossierIds).query(this::rating).list();
    }

    private Rating rating(ResultSet rs, int n) throws SQLException {
        return new Rating(rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("dossier_code"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getLong("agency_id"), rs.getLong("receiving_agency_id"), rs.getString("officer"),
                Satisfaction.valueOf(rs.getString("satisfaction")), scores(rs), rs.getString("comment"), RatingSource.valueOf(rs.getString("source")),
                rs.getTimestamp("rated_at").toLocalDateTime(), rs.getInt("changes"), rs.getLong("row_version"));
    }

    private static Rating.Scores scores(ResultSet rs) throws SQLException {
        return new Rating.Scores(integer(rs, "score_time"), integer(rs, "score_contacts"), integer(rs, "score_agencies"),
                integer(rs, "score_attitude"), integer(rs, "score_online"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    // ------------------------------------------------------------------ kiosks

    public record Kiosk(long id, long agencyId, String officer, String name, LocalDateTime createdAt, LocalDateTime revokedAt) {
    }

    public long insertKiosk(long agencyId, String officer, String name, String tokenHash, LocalDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rating_kiosk (agency_id, officer, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(agencyId, officer, name, tokenHash, Timestamp.valueOf(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Kiosk> kioskByToken(String tokenHash) {
        return jdbc.sql("select * from rating_kiosk where token_hash = ? and revoked_at is null").param(tokenHash).query(this::kioskRow).optional();
    }

    public Optional<Kiosk> kiosk(long id) {
        return jdbc.sql("select * from rating_kiosk where id = ?").param(id).query(this::kioskRow).optional();
    }

    public List<Kiosk> kiosksOf(String officer) {
        return jdbc.sql("select * from rating_kiosk where officer = ? order by revoked_at nulls first, id desc").param(officer).query(this::kioskRow).list();
    }

    public void revoke(long id, LocalDateTime at) {
        jdbc.sql("update rating_kiosk set revoked_at = ? where id = ? and revoked_at is null").params(Timestamp.valueOf(at), id).update();
    }

    private Kiosk kioskRow(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Kiosk(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("officer"), rs.getString("name"),
                rs.getTimestamp("created_at").toLocalDateTime(), revoked == null ? null : revoked.toLocalDateTime());
    }
}
