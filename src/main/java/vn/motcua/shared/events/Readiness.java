package vn.motcua.shared.events;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the application has finished starting. Scheduled jobs (deadline warnings, retries of undelivered events)
 * skip their runs before that: start-up work — loading the demo province, which replays months of history through
 * the same services — must not have jobs change dossiers or resubmit events under it. A skipped run comes again at
 * the job's usual interval.
 */
@Component
public class Readiness {
    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        ready = true;
    }

    public boolean ready() {
        return ready;
    }
}
