package vn.motcua.dossier.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;

/**
 * Deadlines watched in the background: a dossier near its due time is warned once (event {@code DueSoon}); one
 * whose due time passed while it was being handled becomes late for good (event {@code BecameLate}). Listeners
 * (e-mail to officers; later notifications and the index) react to the events.
 */
@Component
class DeadlineJobs {
    private final DossierService dossiers;

    DeadlineJobs(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.warning-interval:PT15M}", initialDelayString = "PT30S")
    void scheduled() {
        dossiers.applyDeadlines();
    }
}
