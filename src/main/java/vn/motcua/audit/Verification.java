package vn.motcua.audit;

/**
 * The result of checking the audit chains: how many entries were checked and, when a chain is broken, the number of
 * the first entry that does not match and why; when intact, {@code headHash} is one SHA-256 over every chain's head
 * (number, entries, last hash) — the value to copy where the database's administrator cannot write.
 */
public record Verification(long checked, Long firstBrokenSeq, String reason, String headHash) {
    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
