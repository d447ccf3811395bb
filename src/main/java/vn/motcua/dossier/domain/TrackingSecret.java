package vn.motcua.dossier.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The secret that, with the dossier code and the last digits of the applicant's phone or ID number, opens public
 * tracking: 10 characters from 31 that cannot be mixed up when read from paper (about 50 bits), printed on the
 * receipt and shown to the applicant. Compared in constant time, ignoring case, spaces and dashes. Plain Java.
 */
public final class TrackingSecret {
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingSecret() {
    }

    public static String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Whether what the person typed is the stored secret. */
    public static boolean matches(String stored, String typed) {
        if (stored == null || typed == null) {
            return false;
        }
        String t = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), t.getBytes(StandardCharsets.UTF_8));
    }

    /** Shown in two groups for reading aloud: ABCDE-FGHJK. */
    public static String display(String secret) {
        return secret == null || secret.length() != LENGTH ? secret : secret.substring(0, 5) + "-" + secret.substring(5);
    }
}
