package vn.motcua.integration.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.integration.OutboxMessage;
import vn.motcua.integration.OutboxStatus;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox table: messages in, the head of each aggregate's queue out, attempts recorded. */
@Repository
public class OutboxStore {
    private static final String COLUMNS = """
            id, idempotency_key, system, operation, aggregate_key, dossier_id, dossier_code, summary, payload, status, attempts,
            created_at, next_attempt_at, sent_at, last_error, remote_reference, resent_by, row_version""";
    private static final RowMapper<OutboxMessage> MESSAGE = (rs, n) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
            OutboxStatus.valueOf(rs.getString(10)), rs.getInt(11), rs.getObject(12, LocalDateTime.class), rs.getObject(13, LocalDateTime.class),
            rs.getObject(14, LocalDateTime.class), rs.getString(15), rs.getString(16), rs.getString(17), rs.getLong(18));

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a message unless one with the same key exists (a listener run twice adds nothing); true when added. */
    public boolean add(String key, String system, String operation, String aggregateKey, Long dossierId, String dossierCode, String summary,
                       String payload, LocalDateTime now) {
        // one statement: the key is checked and the message written together (the key is unique as well)
        return jdbc.sql("""
                insert into outbox_message (idempotency_key, system, operation, aggregate_key, dossier_id, dossier_code, summary, payload,
                  status, created_at, next_attempt_at)
                select ?, ?, ?, ?, cast(? as bigint), ?, ?, ?, 'PENDING', ?, ?
                where not exists (select 1 from outbox_message where idempotency_key = ?)""")
                .params(key, system, operation, aggregateKey, dossierId, dossierCode, cut(summary, 300), payload, now, now, key).update() == 1;
    }

    /** The first unsent message of each aggregate that is due (a message never overtakes an earlier one of its aggregate). */
    List<OutboxMessage> due(LocalDateTime now, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from outbox_message m
                where m.status in ('PENDING', 'SENDING') and m.next_attempt_at <= ?
                  and not exists (select 1 from outbox_message e where e.aggregate_key = m.aggregate_key and e.id < m.id and e.status <> 'SENT')
                order by m.id limit ?""").param(now).param(limit).query(MESSAGE).list();
    }

    /** Takes the message for one attempt (another node that read it too gets false); the lease ends at {@code until}. */
    boolean claim(OutboxMessage m, LocalDateTime until) {
        return jdbc.sql("update outbox_message set status = 'SENDING', next_attempt_at = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(until, m.id(), m.rowVersion()).update() == 1;
    }

    void sent(long id, LocalDateTime at, String reference) {
        jdbc.sql("""
                update outbox_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, remote_reference = ?, last_error = null,
                  row_version = row_version + 1 where id = ?""").params(at, cut(reference, 200), id).update();
    }

    void failed(long id, String error, LocalDateTime next, boolean exhausted) {
        jdbc.sql("""
                update outbox_message set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, row_version = row_version + 1
                 where id = ?""").params(exhausted ? "FAILED" : "PENDING", next, cut(error, 1000), id).update();
    }

    /** An administrator sends a failed (or waiting) message again now: true when it was not already sent. */
    public boolean resend(long id, String by, LocalDateTime now) {
        return jdbc.sql("""
                update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?, resent_by = ?, row_version = row_version + 1
                 where id = ? and status in ('FAILED', 'PENDING')""").params(now, by, id).update() == 1;
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?").param(id).query(MESSAGE).optional();
    }

    public List<OutboxMessage> ofDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where dossier_id = ? order by id").param(dossierId).query(MESSAGE).list();
    }

    public boolean delivered(long dossierId, String system) {
        return jdbc.sql("select count(*) from outbox_message where dossier_id = ? and system = ? and status = ?")
                .params(dossierId, system, OutboxStatus.SENT.name()).query(Long.class).single() > 0;
    }

    public List<OutboxMessage> list(String system, OutboxStatus status, String dossierCode, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (system != null) {
            where.append(" and system = :system");
            p.put("system", system);
        }
        if (status != null) {
            where.append(" and status = :status");
            p.put("status", status.name());
        }
        if (dossierCode != null) {
            where.append(" and dossier_code = :code");
            p.put("code", dossierCode);
        }
        return jdbc.sql("select " + COLUMNS + " from outbox_message" + where + " order by id desc").params(p).query(MESSAGE).list()
                .stream().limit(limit).toList();
    }

    /** Counts per system and status. */
    public Map<String, Map<OutboxStatus, Long>> counts() {
        Map<String, Map<OutboxStatus, Long>> counts = new java.util.TreeMap<>();
        jdbc.sql("select system, status, count(*) from outbox_message group by system, status").query((rs, n) -> {
            counts.computeIfAbsent(rs.getString(1), k -> new java.util.EnumMap<>(OutboxStatus.class))
                    .put(OutboxStatus.valueOf(rs.getString(2)), rs.getLong(3));
            return null;
        }).list();
        return counts;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
