package vn.motcua.audit;

/**
 * The result of checking the audit chain: how many entries were checked and, when the chain is broken, the
 * sequence number of the first entry that does not match and why.
 */
public record Verification(long checked, Long firstBrokenSeq, String reason, String headHash) {
    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
