package vn.motcua.audit;

import java.time.LocalDateTime;

/** One stored entry of the audit log, with its place in the chain. */
public record AuditEntry(long seq, LocalDateTime at, String actor, String address, String action, String subjectType,
                         String subjectId, String before, String after, String previousHash, String hash) {
}
