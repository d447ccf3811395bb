package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that links an entry to the one before it: SHA-256 over the previous hash and every field of the
 * entry, each field length-prefixed so that moving text from one field to another changes the hash. Plain Java.
 */
public final class AuditChain {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private AuditChain() {
    }

    public static String hash(String previousHash, long seq, LocalDateTime at, String actor, String address, String action,
                              String subjectType, String subjectId, String before, String after) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[]{previousHash, Long.toString(seq), at.format(TIME), actor, address, action, subjectType,
                subjectId, before, after}) {
            String v = part == null ? "\u0000null" : part;
            s.append(v.length()).append(':').append(v).append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash an entry should carry, given the hash of the entry before it. */
    public static String hashOf(AuditEntry e, String previousHash) {
        return hash(previousHash, e.seq(), e.at(), e.actor(), e.address(), e.action(), e.subjectType(), e.subjectId(), e.before(),
                e.after());
    }
}
