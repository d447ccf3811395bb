package vn.motcua.integration;

import java.time.LocalDateTime;

/**
 * One outbound call to a national system, stored with the change that caused it.
 *
 * @param system         DVCQG (national portal), VNPOST (public post) …
 * @param operation      the partner's operation (DongBoHoSoMC, DongBoTrangThaiHoSo, DongBoDanhGia, TaoDonHang …)
 * @param aggregateKey   messages with the same key are delivered one at a time, in order
 * @param idempotencyKey sent with every attempt: the partner applies a key once
 */
public record OutboxMessage(long id, String idempotencyKey, String system, String operation, String aggregateKey, Long dossierId,
                            String dossierCode, String summary, String payload, OutboxStatus status, int attempts, LocalDateTime createdAt,
                            LocalDateTime nextAttemptAt, LocalDateTime sentAt, String lastError, String remoteReference, String resentBy,
                            long rowVersion) {
}
