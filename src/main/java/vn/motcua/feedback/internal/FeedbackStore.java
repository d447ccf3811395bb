package vn.motcua.feedback.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.shared.ConflictException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Feedback rows, their history, attachments and votes. */
@Repository
public class FeedbackStore {
    private final JdbcClient jdbc;

    FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('feedback_seq')").query(Long.class).single();
    }

    public long insert(Feedback f, String trackingHash) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (code, tracking_hash, category, title, content, procedure_code, dossier_code, dossier_id, agency_id,
                  sender_name, sender_phone, sender_email, sender_address, sender_username, status, received_at, clock_started_at,
                  classify_due_at, info_due_at, handle_due_at)
                values (:code, :th, :cat, :title, :content, :pc, :dc, :did, :a, :sn, :sp, :se, :sa, :su, :st, :r, :r, :cd, :id, :hd)""")
                .param("code", f.code()).param("th", trackingHash).param("cat", f.category().name()).param("title", f.title())
                .param("content", f.content()).param("pc", f.procedureCode()).param("dc", f.dossierCode()).param("did", f.dossierId())
                .param("a", f.agencyId()).param("sn", f.sender().name()).param("sp", f.sender().phone()).param("se", f.sender().email())
                .param("sa", f.sender().address()).param("su", f.sender().username()).param("st", f.status().name())
                .param("r", Timestamp.valueOf(f.receivedAt())).param("cd", Timestamp.valueOf(f.classifyDueAt()))
                .param("id", Timestamp.valueOf(f.infoDueAt())).param("hd", Timestamp.valueOf(f.handleDueAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves the state a transition left, if nobody changed the feedback since it was read. */
    public void save(Feedback f) {
        int n = jdbc.sql("""
                update feedback set status = :st, agency_id = :a, clock_started_at = :cs, classify_due_at = :cd, info_due_at = :idue,
                  handle_due_at = :hd, info_requested_at = :ir, info_request = :irq, info_received_at = :irc, refused_reason = :rr,
                  answer = :ans, answered_at = :aa, answered_by = :ab, publish_due_at = :pd, public_title = :pt, public_content = :pc,
                  public_answer = :pa, published_at = :pub, repeated_of = :rep, late = :late, warned_at = :w, closed_at = :cl,
                  row_version = row_version + 1
                where id = :id and row_version = :v""")
                .param("st", f.status().name()).param("a", f.agencyId()).param("cs", ts(f.clockStartedAt())).param("cd", ts(f.classifyDueAt()))
                .param("idue", ts(f.infoDueAt())).param("hd", ts(f.handleDueAt())).param("ir", ts(f.infoRequestedAt()))
                .param("irq", f.infoRequest()).param("irc", ts(f.infoReceivedAt())).param("rr", f.refusedReason()).param("ans", f.answer())
                .param("aa", ts(f.answeredAt())).param("ab", f.answeredBy()).param("pd", ts(f.publishDueAt())).param("pt", f.publicTitle())
                .param("pc", f.publicContent()).param("pa", f.publicAnswer()).param("pub", ts(f.publishedAt())).param("rep", f.repeatedOf())
                .param("late", f.late()).param("w", ts(f.warnedAt())).param("cl", ts(f.closedAt())).param("id", f.id())
                .param("v", f.rowVersion()).update();
        if (n == 0) {
            throw new ConflictException("Phản ánh vừa được người khác xử lý. Vui lòng tải lại trang để xem trạng thái mới.");
        }
    }

    public void history(long feedbackId, LocalDateTime at, String actor, String action, FeedbackStatus from, FeedbackStatus to, Long agencyId,
                        Long toAgencyId, Boolean onTime, String note) {
        jdbc.sql("""
                insert into feedback_event (feedback_id, at, actor, action, from_status, to_status, agency_id, to_agency_id, on_time, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(feedbackId, Timestamp.valueOf(at), actor, action, from == null ? null : from.name(), to.name(), agencyId, toAgencyId,
                        onTime, note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note).update();
    }

    public List<Feedback.Step> steps(long feedbackId) {
        return jdbc.sql("select * from feedback_event where feedback_id = ? order by id").param(feedbackId)
                .query((rs, n) -> new Feedback.Step(rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("from_status") == null ? null : FeedbackStatus.valueOf(rs.getString("from_status")),
                        FeedbackStatus.valueOf(rs.getString("to_status")), longOrNull(rs, "agency_id"), longOrNull(rs, "to_agency_id"),
                        boolOrNull(rs, "on_time"), rs.getString("note"))).list();
    }

    public Optional<Feedback> find(long id) {
        return jdbc.sql("select * from feedback where id = ?").param(id).query(this::row).optional();
    }

    public Optional<Feedback> byCode(String code) {
        return jdbc.sql("select * from feedback where code = ?").param(code.trim().toUpperCase(java.util.Locale.ROOT)).query(this::row).optional();
    }

    public Optional<String> trackingHash(long id) {
        return jdbc.sql("select tracking_hash from feedback where id = ?").param(id).query(String.class).optional();
    }

    public List<Feedback> list(String where, Map<String, Object> params, String order, int limit) {
        return jdbc.sql("select * from feedback where " + where + " order by " + order + " fetch first " + limit + " rows only")
                .params(params).query(this::row).list();
    }

    public long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from feedback where " + where).params(params).query(Long.class).single();
    }

    public List<Feedback> ofDossiers(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from feedback where dossier_id in (:ids)").param("ids", dossierIds).query(this::row).list();
    }

    public List<Feedback> receivedBetween(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("select * from feedback where received_at >= ? and received_at < ? order by received_at")
                .params(Timestamp.valueOf(from), Timestamp.valueOf(to)).query(this::row).list();
    }

    /** Open feedback waiting on an agency (for the warning job). */
    public List<Feedback> waitingOnAgencies() {
        return jdbc.sql("select * from feedback where status in ('RECEIVED', 'HANDLING', 'ANSWERED') order by id").query(this::row).list();
    }

    // ------------------------------------------------------------------ attachments

    public void attach(long feedbackId, String filename, String contentType, long size, String storageKey) {
        jdbc.sql("insert into feedback_attachment (feedback_id, filename, content_type, size_bytes, storage_key) values (?, ?, ?, ?, ?)")
                .params(feedbackId, filename, contentType, size, storageKey).update();
    }

    public List<Feedback.Attachment> attachments(long feedbackId) {
        return jdbc.sql("select * from feedback_attachment where feedback_id = ? order by id").param(feedbackId)
                .query((rs, n) -> new Feedback.Attachment(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("storage_key"))).list();
    }

    // ------------------------------------------------------------------ votes

    /** Records the voter's vote (or changes it) and recounts the feedback's likes and dislikes. */
    public void vote(long feedbackId, String voter, boolean liked, LocalDateTime at) {
        int n = jdbc.sql("update feedback_vote set liked = ?, at = ? where feedback_id = ? and voter = ?")
                .params(liked, Timestamp.valueOf(at), feedbackId, voter).update();
        if (n == 0) {
            jdbc.sql("insert into feedback_vote (feedback_id, voter, liked, at) values (?, ?, ?, ?)")
                    .params(feedbackId, voter, liked, Timestamp.valueOf(at)).update();
        }
        jdbc.sql("""
                update feedback set likes = (select count(*) from feedback_vote v where v.feedback_id = feedback.id and v.liked),
                  dislikes = (select count(*) from feedback_vote v where v.feedback_id = feedback.id and not v.liked) where id = ?""")
                .param(feedbackId).update();
    }

    public Optional<Boolean> voteOf(long feedbackId, String voter) {
        return jdbc.sql("select liked from feedback_vote where feedback_id = ? and voter = ?").params(feedbackId, voter).query(Boolean.class).optional();
    }

    private Feedback row(ResultSet rs, int n) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getString("code"), FeedbackCategory.valueOf(rs.getString("category")), rs.getString("title"),
                rs.getString("content"), rs.getString("procedure_code"), rs.getString("dossier_code"), longOrNull(rs, "dossier_id"),
                rs.getLong("agency_id"), new Feedback.Sender(rs.getString("sender_name"), rs.getString("sender_phone"), rs.getString("sender_email"),
                rs.getString("sender_address"), rs.getString("sender_username")), FeedbackStatus.valueOf(rs.getString("status")),
                time(rs, "received_at"), time(rs, "clock_started_at"), time(rs, "classify_due_at"), time(rs, "info_due_at"),
                time(rs, "handle_due_at"), time(rs, "info_requested_at"), rs.getString("info_request"), time(rs, "info_received_at"),
                rs.getString("refused_reason"), rs.getString("answer"), time(rs, "answered_at"), rs.getString("answered_by"),
                time(rs, "publish_due_at"), rs.getString("public_title"), rs.getString("public_content"), rs.getString("public_answer"),
                time(rs, "published_at"), longOrNull(rs, "repeated_of"), rs.getBoolean("late"), time(rs, "warned_at"), rs.getInt("likes"),
                rs.getInt("dislikes"), time(rs, "closed_at"), rs.getLong("row_version"));
    }

    private static LocalDateTime time(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toLocalDateTime();
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static Long longOrNull(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Boolean boolOrNull(ResultSet rs, String c) throws SQLException {
        boolean v = rs.getBoolean(c);
        return rs.wasNull() ? null : v;
    }
}
