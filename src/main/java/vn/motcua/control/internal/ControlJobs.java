package vn.motcua.control.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.control.OversightService;

/** Every morning (and at start), the control deadlines near or missed are sent once to the units' control officers. */
@Component
class ControlJobs {
    private final OversightService oversight;

    ControlJobs(OversightService oversight) {
        this.oversight = oversight;
    }

    @Scheduled(cron = "${motcua.control.warning-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    void warn() {
        oversight.sendWarnings();
    }
}
