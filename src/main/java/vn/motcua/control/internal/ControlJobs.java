package vn.motcua.control.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.control.OversightService;

/** Every morning the control deadlines near or missed are published once each; the e-mails follow from the event. */
@Component
class ControlJobs {
    private static final Logger log = LoggerFactory.getLogger(ControlJobs.class);
    private final OversightService oversight;

    ControlJobs(OversightService oversight) {
        this.oversight = oversight;
    }

    @Scheduled(cron = "${motcua.control.warning-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "control-warnings", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    void warn() {
        try {
            int sent = oversight.sendWarnings();
            if (sent > 0) {
                log.info("TTHC-control deadlines warned: {}", sent);
            }
        } catch (RuntimeException e) {
            log.warn("TTHC-control warnings not sent: {}", e.toString());
        }
    }
}
