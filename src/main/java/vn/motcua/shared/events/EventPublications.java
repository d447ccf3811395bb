package vn.motcua.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The event publication registry as an administrator sees it: events a listener has not handled yet (its
 * delivery failed, or is under way), with a retry now and then, and on demand. Nothing is lost: an event stays in
 * the registry, stored with the change that caused it, until every listener succeeded.
 */
@Service
public class EventPublications {
    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);
    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;
    private final Readiness readiness;

    public EventPublications(JdbcClient jdbc, IncompleteEventPublications incomplete,
                             @Value("${motcua.events.retry-after:PT1M}") Duration retryAfter, Readiness readiness) {
        this.readiness = readiness;
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    /** An event not yet handled by one listener. */
    public record Pending(UUID id, String listener, String eventType, Instant publishedAt, String event) {
        /** The listener's method, without the package names. */
        public String listenerShort() {
            return listener.replaceAll("(?<![A-Za-z0-9$])[a-z][a-z0-9]*\\.", "");
        }

        /** When it was published, in the time of Việt Nam. */
        public java.time.LocalDateTime publishedLocal() {
            return java.time.LocalDateTime.ofInstant(publishedAt, vn.motcua.shared.ApplicationClock.VIETNAM);
        }

        public String eventShort() {
            return eventType.substring(eventType.lastIndexOf('.') + 1).replace('$', '.');
        }
    }

    public List<Pending> pending(int limit) {
        return jdbc.sql("select id, listener_id, event_type, publication_date, serialized_event from event_publication "
                        + "where completion_date is null order by publication_date desc fetch first " + Math.max(1, Math.min(limit, 1000)) + " rows only")
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).list();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** Delivers again every event whose delivery has been pending longer than the retry delay. */
    @Scheduled(fixedDelayString = "${motcua.events.retry-interval:PT1M}", initialDelayString = "${motcua.events.retry-interval:PT1M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT30S", lockAtLeastFor = "PT5S")
    public void retryStale() {
        if (!readiness.ready()) {
            return;
        }
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        } catch (RuntimeException e) {
            log.warn("Gửi lại sự kiện chưa xử lý thất bại: {}", e.getMessage());
        }
    }

    /** Delivers one pending event again now (an administrator's retry). */
    public void retry(UUID id) {
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(id));
    }

    /** Delivers every pending event again now. */
    public void retryAll() {
        incomplete.resubmitIncompletePublications(p -> true);
    }
}
