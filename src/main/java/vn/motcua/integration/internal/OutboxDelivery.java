package vn.motcua.integration.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.integration.OutboxMessage;
import vn.motcua.integration.domain.Backoff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the due messages: for each aggregate (dossier) its first unsent message; claims it (so that a second node does
 * not send it at the same time), calls the partner with the message's idempotency key, and records the answer: sent, or
 * tried again after the backoff, or — after the last attempt, or when the partner refused the content — failed, waiting
 * for an administrator. The messages after a failed one wait with it, so that a dossier's changes arrive in order.
 */
@Component
public class OutboxDelivery {
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxStore store;
    private final Map<String, OutboxSender> senders;
    private final IntegrationProperties props;
    private final Clock clock;
    private final Backoff backoff;
    private final java.util.concurrent.ExecutorService pool;

    OutboxDelivery(OutboxStore store, List<OutboxSender> senders, IntegrationProperties props, Clock clock) {
        this.store = store;
        this.senders = senders.stream().collect(Collectors.toMap(OutboxSender::system, Function.identity()));
        this.props = props;
        this.clock = clock;
        this.backoff = new Backoff(props.outbox().retryBase(), props.outbox().retryMax(), props.outbox().maxAttempts());
        this.pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, props.outbox().parallelism()), r -> {
            Thread t = new Thread(r, "outbox-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public Backoff backoff() {
        return backoff;
    }

    /** What one attempt did. */
    private enum Outcome { SENT, FAILED, SKIPPED }

    /**
     * Sends what is due, pass after pass while a pass sent something (a sent message lets the next one of its dossier
     * go); a message that failed waits for its backoff and the next run. Returns the attempts made.
     */
    public int deliverDue() {
        int attempts = 0;
        while (true) {
            List<OutboxMessage> due = store.due(LocalDateTime.now(clock), props.outbox().batch());
            if (due.isEmpty()) {
                return attempts;
            }
            // each message is the head of its own aggregate: they go out in parallel, a dossier's changes still one at a time
            List<Outcome> outcomes = new java.util.ArrayList<>();
            if (due.size() == 1 || props.outbox().parallelism() <= 1) {
                due.forEach(m -> outcomes.add(deliver(m)));
            } else {
                List<java.util.concurrent.Future<Outcome>> results = due.stream().map(m -> pool.submit(() -> deliver(m))).toList();
                for (var r : results) {
                    try {
                        outcomes.add(r.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        log.warn("Outbox delivery failed: {}", e.getCause().toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return attempts;
                    }
                }
            }
            attempts += (int) outcomes.stream().filter(o -> o != Outcome.SKIPPED).count();
            if (outcomes.stream().noneMatch(o -> o == Outcome.SENT)) {
                return attempts;
            }
        }
    }

    private Outcome deliver(OutboxMessage m) {
        OutboxSender sender = senders.get(m.system());
        LocalDateTime now = LocalDateTime.now(clock);
        // the lease: longer than one call may take, so that another node takes it over only when this one died
        if (!store.claim(m, now.plus(props.outbox().timeout().multipliedBy(3)))) {
            return Outcome.SKIPPED;
        }
        if (sender == null) {
            store.failed(m.id(), "Không có bộ gửi cho hệ thống " + m.system() + ".", now, true);
            return Outcome.FAILED;
        }
        try {
            String reference = sender.send(m);
            store.sent(m.id(), LocalDateTime.now(clock), reference);
            return Outcome.SENT;
        } catch (PartnerHttp.Failed e) {
            int attempts = m.attempts() + 1;
            boolean exhausted = e.permanent() || backoff.exhausted(attempts);
            LocalDateTime next = LocalDateTime.now(clock).plus(backoff.after(attempts, ThreadLocalRandom.current().nextDouble()));
            store.failed(m.id(), e.getMessage(), next, exhausted);
            if (exhausted) {
                log.warn("Outbox message {} ({} {} {}) failed for good after {} attempts: {}", m.id(), m.system(), m.operation(),
                        m.dossierCode(), attempts, e.getMessage());
            }
        } catch (RuntimeException e) {
            int attempts = m.attempts() + 1;
            log.warn("Outbox message {} could not be sent: {}", m.id(), e.toString());
            store.failed(m.id(), "Lỗi khi gửi: " + e.getMessage(), LocalDateTime.now(clock).plus(backoff.after(attempts, 0.5)),
                    backoff.exhausted(attempts));
        }
        return Outcome.FAILED;
    }
}
