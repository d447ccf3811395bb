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

    IntegrationJobs(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${motcua.integration.outbox.interval:PT5S}", initialDelayString = "PT10S")
    void deliver() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery stopped: {}", e.toString());
        }
    }
}
