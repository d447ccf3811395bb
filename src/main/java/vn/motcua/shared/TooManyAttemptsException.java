package vn.motcua.shared;

import java.io.Serial;
import java.time.Duration;

/** Too many failed attempts from this client or on this subject: try again after {@link #retryAfter()} (HTTP 429). */
public class TooManyAttemptsException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Có quá nhiều lần thử không đúng. Vui lòng thử lại sau " + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** A wait in words: "45 giây", "3 phút" (rounded up to the minute). */
    public static String describe(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 60 ? s + " giây" : ((s + 59) / 60) + " phút";
    }
}
