package vn.motcua.dossier.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.shared.events.Readiness;

/**
 * Deadlines watched in the background: a dossier near its due time is warned once (event {@code DueSoon}); one
 * whose due time passed while it was being handled becomes late for good (event {@code BecameLate}). Listeners
 * (e-mail to officers; later notifications and the index) react to the events. Runs only once the application is
 * ready ({@link Readiness}).
 */
@Component
class DeadlineJobs {
    private final DossierService dossiers;
    private final Readiness readiness;

    DeadlineJobs(DossierService dossiers, Readiness readiness) {
        this.dossiers = dossiers;
        this.readiness = readiness;
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.warning-interval:PT15M}", initialDelayString = "PT30S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "dossier-deadlines", lockAtMostFor = "PT2M", lockAtLeastFor = "PT30S")
    void scheduled() {
        if (readiness.ready()) {
            dossiers.applyDeadlines();
        }
    }
}
