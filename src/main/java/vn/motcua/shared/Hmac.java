package vn.motcua.shared;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 signatures in lower-case hex, as partner systems sign requests and callbacks (the payment platform):
 * the signature of a text under a shared key, and a constant-time check of a signature received.
 */
public final class Hmac {
    private Hmac() {
    }

    public static String sha256Hex(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature (hex, any case, surrounding blanks ignored) is the text's under the key; compared in constant time. */
    public static boolean matches(String key, String text, String signature) {
        return signature != null && MessageDigest.isEqual(sha256Hex(key, text).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
