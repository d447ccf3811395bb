package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The audit log becomes several hash chains appended side by side (see {@code vn.motcua.audit.AuditLog}): each entry
 * names its chain; the entries so far form chain 1, whose head row already exists; seven more chains start empty. A
 * head now holds how many entries its chain has ({@code entries}; for chain 1 that is its last number so far, the
 * numbers having been given without gaps) and the hash of its last entry.
 * An entry's number now comes from a sequence, which must start after the numbers already given — a value only
 * known here, which is why this migration is written in Java (H2 has no {@code setval}, and PostgreSQL's
 * {@code start with} takes a constant).
 */
public class V25__audit_chains extends BaseJavaMigration {
    static final int CHAINS = 8;

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table audit_entry add column chain int default 1 not null");
            s.execute("alter table audit_chain_head rename column seq to entries");
            long next;
            try (ResultSet rs = s.executeQuery("select coalesce(max(seq), 0) + 1 from audit_entry")) {
                rs.next();
                next = rs.getLong(1);
            }
            s.execute("create sequence audit_entry_seq start with " + next);
            for (int chain = 2; chain <= CHAINS; chain++) {
                s.execute("insert into audit_chain_head (id, entries, hash) values (" + chain + ", 0, '" + "0".repeat(64) + "')");
            }
        }
    }
}
