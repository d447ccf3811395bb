package vn.motcua.integration.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers the outbox in the background (off in the tests, which run it by hand). */
@Component
class IntegrationJobs {
    private static final Logger log = LoggerFactory.getLogger(IntegrationJobs.class);

    private final OutboxDelivery delivery;
    private final vn.motcua.integration.PortalService portal;
    private final java.time.Clock clock;

    IntegrationJobs(OutboxDelivery delivery, vn.motcua.integration.PortalService portal, java.time.Clock clock) {
        this.delivery = delivery;
        this.portal = portal;
        this.clock = clock;
    }

    /** Every night the previous month's vote summary is queued for the portal (once per month: later runs add nothing). */
    @Scheduled(cron = "${motcua.integration.votes-cron:0 15 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "portal-votes", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    void votes() {
        try {
            int lines = portal.pushVotes(java.time.YearMonth.now(clock).minusMonths(1));
            if (lines > 0) {
                log.info("Queued the vote summary of last month for the national portal: {} lines", lines);
            }
        } catch (RuntimeException e) {
            log.warn("Vote summary not queued: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${motcua.integration.outbox.interval:PT5S}", initialDelayString = "PT10S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "outbox-delivery", lockAtMostFor = "PT30S", lockAtLeastFor = "PT1S")
    void deliver() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery stopped: {}", e.toString());
        }
    }
}
