package vn.motcua.integration.domain;

import java.time.Duration;

/**
 * When a failed outbound call is tried again: the first retry after {@code base}, then twice as long each time up to
 * {@code max}, with up to a fifth more at random so that many failed messages do not all return at once; after
 * {@code maxAttempts} failures the message waits for an administrator (dead letter).
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff: 0 < base <= max, maxAttempts >= 1");
        }
    }

    /** The wait before the next attempt, after {@code attempts} failed ones (1 = the first failed), with jitter in [0, 1). */
    public Duration after(int attempts, double jitter) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        return Duration.ofMillis(millis + (long) (millis * 0.2 * Math.max(0, Math.min(jitter, 0.999))));
    }

    /** Whether the message gives up (waits for a person) after this many failed attempts. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
