package vn.motcua.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.integration.domain.Backoff;
import vn.motcua.integration.internal.OutboxDelivery;
import vn.motcua.integration.internal.OutboxStore;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The outbox of every call to a national system: what is pending, sent and failed, per system and per dossier; an
 * administrator resends a failed message. Delivery runs in the background ({@link #deliverDue()}): the first unsent
 * message of each dossier, with its idempotency key, retried with exponential backoff; a message never overtakes an
 * earlier one of the same dossier.
 */
@Service
public class OutboxService {
    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

    private final OutboxStore store;
    private final OutboxDelivery delivery;
    private final AuditLog audit;
    private final Clock clock;

    OutboxService(OutboxStore store, OutboxDelivery delivery, AuditLog audit, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
    }

    /** Delivers what is due now, until nothing is; returns the number of attempts made. */
    public int deliverDue() {
        return delivery.deliverDue();
    }

    public Backoff backoff() {
        return delivery.backoff();
    }

    public List<OutboxMessage> list(String system, OutboxStatus status, String dossierCode, int limit) {
        return store.list(blank(system), status, blank(dossierCode), Math.max(1, Math.min(limit, 500)));
    }

    public List<OutboxMessage> ofDossier(long dossierId) {
        return store.ofDossier(dossierId);
    }

    /** Whether a message about the dossier reached the partner system (one indexed count, no payload read). */
    public boolean delivered(long dossierId, String system) {
        return store.delivered(dossierId, system);
    }

    public OutboxMessage get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không có tin nhắn này trong hàng đợi."));
    }

    public Map<String, Map<OutboxStatus, Long>> counts() {
        return store.counts();
    }

    /** Sends a failed or waiting message again now (the same idempotency key: the partner applies it at most once). */
    public OutboxMessage resend(long id, CurrentUser admin) {
        if (!admin.has(Role.ADMIN)) {
            throw new NotFoundException("Không có tin nhắn này trong hàng đợi.");
        }
        OutboxMessage m = get(id);
        if (!store.resend(id, admin.username(), LocalDateTime.now(clock))) {
            throw ValidationException.of("id", "Tin nhắn này đã được gửi thành công; không cần gửi lại.");
        }
        audit.record("outbox.resent", "outbox_message", id, Map.of("status", m.status().name(), "attempts", m.attempts()),
                Map.of("status", OutboxStatus.PENDING.name()));
        log.info("Outbox message {} ({} {}) queued again by {}", id, m.system(), m.operation(), admin.username());
        return get(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
