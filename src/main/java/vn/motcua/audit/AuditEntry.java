package vn.motcua.audit;

import java.time.LocalDateTime;

/**
 * One stored entry of the audit log, with its place in its chain: {@code seq} numbers the entries of all chains in the
 * order they were appended (with gaps where a commit failed), {@code chain} names the chain whose previous entry's
 * hash {@code previousHash} is.
 */
public record AuditEntry(long seq, int chain, LocalDateTime at, String actor, String address, String action, String subjectType,
                         String subjectId, String before, String after, String previousHash, String hash) {
}
