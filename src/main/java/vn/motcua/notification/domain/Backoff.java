package vn.motcua.notification.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * When a message that failed is tried again: after {@code base}, then twice as long each time, never more than
 * {@code max}; empty when that would be after the message's expiry (it is then given up and shown as expired).
 */
public final class Backoff {
    private Backoff() {
    }

    public static Optional<LocalDateTime> next(LocalDateTime now, int failedAttempts, Duration base, Duration max, LocalDateTime expiresAt) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = base.multipliedBy(factor);
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        LocalDateTime next = now.plus(wait);
        return next.isAfter(expiresAt) ? Optional.empty() : Optional.of(next);
    }
}
