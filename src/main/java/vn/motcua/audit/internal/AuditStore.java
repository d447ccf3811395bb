package vn.motcua.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.audit.AuditChain;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.Verification;
import vn.motcua.shared.Digests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The audit tables: entries (insert and read only) and the heads of the chains (a row per chain, locked while
 * appending to it). Several chains are appended side by side, so that transactions committing at the same time do not
 * wait for one another's commit: each takes a chain no one else holds.
 */
@Repository
public class AuditStore {
    private static final int PAGE = 2000;
    private static final String COLUMNS = "seq, chain, at, actor, address, action, subject_type, subject_id, before_state, after_state,"
            + " previous_hash, hash";
    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A chain's head: how many entries it has and the hash of its last one. */
    public record Head(int chain, long entries, String hash) {
    }

    /**
     * The head of a chain no other transaction is appending to, locked until this transaction ends; when every chain
     * is taken, one of them chosen at random, waiting for it.
     */
    public Head lockHead() {
        return jdbc.sql("select id, entries, hash from audit_chain_head order by id limit 1 for update skip locked")
                .query(AuditStore::head).optional()
                .orElseGet(() -> {
                    List<Integer> chains = jdbc.sql("select id from audit_chain_head").query(Integer.class).list();
                    int chain = chains.get(ThreadLocalRandom.current().nextInt(chains.size()));
                    return jdbc.sql("select id, entries, hash from audit_chain_head where id = ? for update").param(chain)
                            .query(AuditStore::head).single();
                });
    }

    public void moveHead(Head head) {
        jdbc.sql("update audit_chain_head set entries = ?, hash = ? where id = ?").params(head.entries(), head.hash(), head.chain()).update();
    }

    /**
     * The next {@code n} entry numbers, in ascending order, from the sequence {@code audit_entry_seq}. Taken under a
     * chain's lock, they increase along each chain — which verification relies on: the sequence must hand out numbers
     * in the order they are asked for across sessions, as a PostgreSQL sequence does with its default {@code CACHE 1}
     * (a larger cache gives each session its own block of numbers).
     */
    public List<Long> numbers(int n) {
        return jdbc.sql("select nextval('audit_entry_seq') from generate_series(1, ?)").param(n).query(Long.class).list()
                .stream().sorted().toList();
    }

    public void insert(AuditEntry e) {
        jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), e.chain(), e.at(), e.actor(), e.address(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(),
                        e.previousHash(), e.hash())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    public List<AuditEntry> search(String actor, String action, String subjectType, String subjectId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where (cast(:actor as varchar) is null or actor = :actor)"
                        + " and (cast(:action as varchar) is null or action like :actionPrefix)"
                        + " and (cast(:type as varchar) is null or subject_type = :type)"
                        + " and (cast(:id as varchar) is null or subject_id = :id) order by seq desc limit :limit")
                .param("actor", actor).param("action", action).param("actionPrefix", action == null ? null : action.replace("%", "") + "%")
                .param("type", subjectType).param("id", subjectId).param("limit", limit)
                .query(AuditStore::entry).list();
    }

    /**
     * Walks every entry once, in the order of their numbers, following each chain from its first entry (within a
     * chain the numbers increase, as they are taken under its head's lock), then compares each chain with its head.
     * <p>
     * The log keeps growing while it is read, and not under a snapshot (H2's repeatable read is none): the heads are
     * read first, and each chain is checked up to the count its head had then — entries all committed before the walk
     * began. Entries appended since (beyond that count) are left to the next verification, but there may be no more
     * of them than the heads, read again at the end, have grown by: an entry appended without moving its head is found.
     */
    public Verification verify() {
        Map<Integer, Head> heads = heads();
        Map<Integer, String> previous = new HashMap<>();
        Map<Integer, Long> counted = new HashMap<>();
        Map<Integer, Long> since = new HashMap<>();
        Map<Integer, Long> lastSeq = new HashMap<>();
        long after = 0;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql("select " + COLUMNS + " from audit_entry where seq > ? order by seq limit ?")
                    .params(after, PAGE).query(AuditStore::entry).list();
            for (AuditEntry e : page) {
                after = e.seq();
                Head head = heads.get(e.chain());
                if (head == null) {
                    return new Verification(checked, e.seq(), "Mục số " + e.seq() + " ghi thuộc chuỗi " + e.chain() + ", một chuỗi không tồn tại.", null);
                }
                if (counted.getOrDefault(e.chain(), 0L) >= head.entries()) {
                    since.merge(e.chain(), 1L, Long::sum); // appended after the heads were read
                    continue;
                }
                String before = previous.getOrDefault(e.chain(), AuditChain.GENESIS);
                if (!before.equals(e.previousHash())) {
                    return new Verification(checked, e.seq(), "Mục số " + e.seq() + " không nối với mục trước nó trong chuỗi " + e.chain()
                            + " (mã băm của mục trước không khớp): mục trước đã bị xóa, sửa, hoặc một mục đã bị chèn hay chuyển chuỗi.", null);
                }
                if (!AuditChain.hashOf(e, before).equals(e.hash())) {
                    return new Verification(checked, e.seq(), "Nội dung mục số " + e.seq() + " đã bị thay đổi (mã băm không khớp).", null);
                }
                previous.put(e.chain(), e.hash());
                counted.merge(e.chain(), 1L, Long::sum);
                lastSeq.put(e.chain(), e.seq());
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Map<Integer, Head> later = heads();
        for (Head head : heads.values()) {
            long n = counted.getOrDefault(head.chain(), 0L);
            long next = lastSeq.getOrDefault(head.chain(), 0L) + 1;
            if (n != head.entries() || !head.hash().equals(previous.getOrDefault(head.chain(), AuditChain.GENESIS))) {
                return new Verification(checked, next, "Đầu chuỗi " + head.chain() + " ghi " + head.entries() + " mục nhưng chuỗi chỉ còn " + n
                        + " mục nối đúng: các mục cuối của chuỗi (sau mục số " + (next - 1) + ") đã bị xóa hoặc đầu chuỗi bị sửa.", null);
            }
            Head now = later.get(head.chain());
            long appended = since.getOrDefault(head.chain(), 0L);
            if (now == null || appended > now.entries() - head.entries()) {
                return new Verification(checked, next, "Chuỗi " + head.chain() + " có " + appended + " mục sau mục đầu chuỗi ghi nhận (sau mục số "
                        + (next - 1) + ") mà đầu chuỗi không ghi: các mục đó đã bị thêm vào ngoài hệ thống.", null);
            }
        }
        return new Verification(checked, null, null, fingerprint(heads));
    }

    /** Every chain's head, by chain number. */
    private Map<Integer, Head> heads() {
        Map<Integer, Head> heads = new TreeMap<>();
        jdbc.sql("select id, entries, hash from audit_chain_head order by id").query(AuditStore::head).list()
                .forEach(h -> heads.put(h.chain(), h));
        return heads;
    }

    /** One hash over every chain's head (number, entries, hash): what an operator copies to where the database cannot reach. */
    private static String fingerprint(Map<Integer, Head> heads) {
        StringBuilder s = new StringBuilder();
        heads.values().forEach(h -> s.append(h.chain()).append(':').append(h.entries()).append(':').append(h.hash()).append('|'));
        return Digests.sha256Hex(s.toString());
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getInt("id"), rs.getLong("entries"), rs.getString("hash"));
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getInt("chain"), rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"),
                rs.getString("address"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
