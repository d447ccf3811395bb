package vn.motcua.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.audit.AuditChain;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.Verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The audit tables: entries (insert and read only) and the head of the chain (one row, locked while appending). */
@Repository
public class AuditStore {
    private static final int PAGE = 2000;
    private static final String COLUMNS = "seq, at, actor, address, action, subject_type, subject_id, before_state, after_state, previous_hash, hash";
    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Head(long seq, String hash) {
    }

    /** The last sequence number and hash, locked until the transaction ends (appends happen one at a time). */
    public Head lockHead() {
        return jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    public void moveHead(long seq, String hash) {
        jdbc.sql("update audit_chain_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
    }

    public void insert(AuditEntry e) {
        jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), e.at(), e.actor(), e.address(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(),
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

    /** Walks the chain page by page from the first entry. */
    public Verification verify() {
        long expectedSeq = 1;
        String previous = AuditChain.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql("select " + COLUMNS + " from audit_entry where seq >= ? order by seq limit ?")
                    .params(expectedSeq, PAGE).query(AuditStore::entry).list();
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Verification(checked, expectedSeq, "Mục số " + expectedSeq + " đã bị xóa (mục tiếp theo có số " + e.seq() + ").", previous);
                }
                if (!previous.equals(e.previousHash())) {
                    return new Verification(checked, e.seq(), "Mục số " + e.seq() + " không nối với mục trước (mã băm của mục trước không khớp).", previous);
                }
                if (!AuditChain.hashOf(e, previous).equals(e.hash())) {
                    return new Verification(checked, e.seq(), "Nội dung mục số " + e.seq() + " đã bị thay đổi (mã băm không khớp).", previous);
                }
                previous = e.hash();
                expectedSeq++;
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Head head = jdbc.sql("select seq, hash from audit_chain_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() != checked || !head.hash().equals(previous)) {
            return new Verification(checked, checked + 1, "Đầu chuỗi ghi mục số " + head.seq() + " nhưng nhật ký chỉ còn " + checked
                    + " mục: các mục cuối đã bị xóa hoặc đầu chuỗi bị sửa.", previous);
        }
        return new Verification(checked, null, null, previous);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toLocalDateTime(), rs.getString("actor"), rs.getString("address"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
