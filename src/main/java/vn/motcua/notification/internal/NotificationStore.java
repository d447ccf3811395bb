package vn.motcua.notification.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.NotificationMessage;
import vn.motcua.notification.NotificationTemplate;
import vn.motcua.notification.Preferences;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** SQL of the notification module (JdbcClient). */
@Repository
public class NotificationStore {
    private static final String COLUMNS = """
            id, idempotency_key, dossier_id, dossier_code, event_key, channel, recipient, subject, body, status, attempts, created_at,
            next_attempt_at, expires_at, sent_at, provider_id, last_error, row_version""";
    private static final RowMapper<NotificationMessage> MESSAGE = (rs, n) -> new NotificationMessage(rs.getLong(1), rs.getString(2),
            rs.getObject(3, Long.class), rs.getString(4), NotificationEvent.valueOf(rs.getString(5)), NotificationChannel.valueOf(rs.getString(6)),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getObject(12, LocalDateTime.class),
            rs.getObject(13, LocalDateTime.class), rs.getObject(14, LocalDateTime.class), rs.getObject(15, LocalDateTime.class), rs.getString(16),
            rs.getString(17), rs.getLong(18), List.of());
    private static final RowMapper<NotificationTemplate> TEMPLATE = (rs, n) -> new NotificationTemplate(NotificationEvent.valueOf(rs.getString(1)),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getLong(8));

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------ templates

    public List<NotificationTemplate> templates() {
        return jdbc.sql("select event_key, subject, body, short_text, enabled, updated_at, updated_by, row_version from notification_template")
                .query(TEMPLATE).list();
    }

    public Optional<NotificationTemplate> template(NotificationEvent e) {
        return jdbc.sql("select event_key, subject, body, short_text, enabled, updated_at, updated_by, row_version from notification_template where event_key = ?")
                .param(e.name()).query(TEMPLATE).optional();
    }

    public boolean updateTemplate(NotificationEvent e, long rowVersion, String subject, String body, String shortText, boolean enabled,
                                  LocalDateTime now, String by) {
        return jdbc.sql("""
                update notification_template set subject = ?, body = ?, short_text = ?, enabled = ?, updated_at = ?, updated_by = ?,
                  row_version = row_version + 1 where event_key = ? and row_version = ?""")
                .params(subject, body, shortText, enabled, now, by, e.name(), rowVersion).update() == 1;
    }

    // ------------------------------------------------------------ preferences

    public Optional<Preferences> preferences(String username) {
        return jdbc.sql("select username, email, sms, zalo, row_version from notification_preference where username = ?").param(username)
                .query((rs, n) -> new Preferences(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5)))
                .optional();
    }

    public void insertPreferences(Preferences p, LocalDateTime now) {
        jdbc.sql("insert into notification_preference (username, email, sms, zalo, updated_at) values (?, ?, ?, ?, ?)")
                .params(p.username(), p.email(), p.sms(), p.zalo(), now).update();
    }

    public boolean updatePreferences(Preferences p, LocalDateTime now) {
        return jdbc.sql("update notification_preference set email = ?, sms = ?, zalo = ?, updated_at = ?, row_version = row_version + 1 where username = ? and row_version = ?")
                .params(p.email(), p.sms(), p.zalo(), now, p.username(), p.rowVersion()).update() == 1;
    }

    // ------------------------------------------------------------ messages

    public boolean exists(String idempotencyKey) {
        return jdbc.sql("select count(*) from notification_message where idempotency_key = ?").param(idempotencyKey).query(Long.class).single() > 0;
    }

    public void insert(String key, Long dossierId, String dossierCode, NotificationEvent event, NotificationChannel channel, String recipient,
                       String subject, String body, LocalDateTime now, LocalDateTime expiresAt) {
        jdbc.sql("""
                insert into notification_message (idempotency_key, dossier_id, dossier_code, event_key, channel, recipient, subject, body, status,
                  created_at, next_attempt_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(key, dossierId, dossierCode, event.name(), channel.name(), recipient, subject, body, now, now, expiresAt).update();
    }

    public Optional<NotificationMessage> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification_message where id = ?").param(id).query(MESSAGE).optional();
    }

    /** Messages due for an attempt, oldest first. */
    public List<NotificationMessage> due(LocalDateTime now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification_message where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at, id limit ?")
                .params(now, limit).query(MESSAGE).list();
    }

    /**
     * Takes the message for one attempt: moves its next attempt to {@code leaseUntil} if nobody took it since it was read,
     * so that two senders (threads or nodes) never try the same message at once.
     */
    public boolean claim(NotificationMessage m, LocalDateTime leaseUntil) {
        return jdbc.sql("update notification_message set next_attempt_at = ?, row_version = row_version + 1 where id = ? and row_version = ? and status = 'QUEUED'")
                .params(leaseUntil, m.id(), m.rowVersion()).update() == 1;
    }

    public void sent(long id, LocalDateTime at, String providerId) {
        jdbc.sql("update notification_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, provider_id = ?, last_error = null, row_version = row_version + 1 where id = ?")
                .params(at, providerId, id).update();
    }

    public void failed(long id, String error, LocalDateTime nextAttempt) {
        jdbc.sql("""
                update notification_message set attempts = attempts + 1, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
                  status = case when cast(? as timestamp) is null then 'EXPIRED' else 'QUEUED' end, row_version = row_version + 1 where id = ?""")
                .params(truncate(error, 500), nextAttempt, nextAttempt, id).update();
    }

    /** Puts an expired message back in the queue with a new deadline (an administrator's resend). */
    public boolean requeue(long id, LocalDateTime now, LocalDateTime expiresAt) {
        return jdbc.sql("update notification_message set status = 'QUEUED', next_attempt_at = ?, expires_at = ?, row_version = row_version + 1 where id = ? and status = 'EXPIRED'")
                .params(now, expiresAt, id).update() == 1;
    }

    public void attempt(long messageId, LocalDateTime at, boolean ok, String detail) {
        jdbc.sql("insert into notification_attempt (message_id, at, ok, detail) values (?, ?, ?, ?)")
                .params(messageId, at, ok, truncate(detail, 500)).update();
    }

    public List<NotificationMessage> ofDossier(long dossierId) {
        List<NotificationMessage> list = jdbc.sql("select " + COLUMNS + " from notification_message where dossier_id = ? order by id")
                .param(dossierId).query(MESSAGE).list();
        return list.stream().map(m -> m.withAttempts(attempts(m.id()))).toList();
    }

    public List<NotificationMessage> unsent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification_message where status <> 'SENT' order by id desc limit ?").param(limit)
                .query(MESSAGE).list();
    }

    public record Counts(long queued, long sent, long expired) {
    }

    public Counts counts() {
        return jdbc.sql("select sum(case when status = 'QUEUED' then 1 else 0 end), sum(case when status = 'SENT' then 1 else 0 end), "
                        + "sum(case when status = 'EXPIRED' then 1 else 0 end) from notification_message")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    List<NotificationMessage.Attempt> attempts(long messageId) {
        return jdbc.sql("select at, ok, detail from notification_attempt where message_id = ? order by id").param(messageId)
                .query((rs, n) -> new NotificationMessage.Attempt(rs.getObject(1, LocalDateTime.class), rs.getBoolean(2), rs.getString(3))).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
