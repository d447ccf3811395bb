package vn.motcua.notification;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One message to one recipient on one channel, queued until sent or expired.
 *
 * @param status QUEUED (waiting or retrying), SENT, EXPIRED (given up after its deadline)
 */
public record NotificationMessage(long id, String idempotencyKey, Long dossierId, String dossierCode, NotificationEvent event,
                                  NotificationChannel channel, String recipient, String subject, String body, String status, int attempts,
                                  LocalDateTime createdAt, LocalDateTime nextAttemptAt, LocalDateTime expiresAt, LocalDateTime sentAt,
                                  String providerId, String lastError, long rowVersion, List<Attempt> attemptLog) {

    public record Attempt(LocalDateTime at, boolean ok, String detail) {
    }

    public NotificationMessage withAttempts(List<Attempt> log) {
        return new NotificationMessage(id, idempotencyKey, dossierId, dossierCode, event, channel, recipient, subject, body, status, attempts,
                createdAt, nextAttemptAt, expiresAt, sentAt, providerId, lastError, rowVersion, log);
    }
}
