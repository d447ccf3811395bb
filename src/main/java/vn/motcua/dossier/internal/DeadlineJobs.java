package vn.motcua.dossier.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;

/**
 * Deadlines watched in the background: a dossier near its due time is warned once (event {@code DueSoon}); one
 * whose due time passed while it was being handled becomes late for good (event {@code BecameLate}). Listeners
 * (e-mail to officers; later notifications and the index) react to the events. The job starts once the application
 * is ready — after start-up work such as loading the demo province, which replays history through the same dossiers.
 */
@Component
class DeadlineJobs {
    private final DossierService dossiers;
    private volatile boolean ready;

    DeadlineJobs(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.warning-interval:PT15M}", initialDelayString = "PT30S")
    void scheduled() {
        if (ready) {
            dossiers.applyDeadlines();
        }
    }
}
