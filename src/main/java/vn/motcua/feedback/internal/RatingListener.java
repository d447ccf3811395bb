package vn.motcua.feedback.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.feedback.RatingService;

/**
 * Notes every returned result and who returned it, so that the officer's counter kiosk offers the dossier for rating and
 * a rating is tied to that officer. Runs after the return committed, and is retried until it succeeds.
 */
@Component
class RatingListener {
    private final RatingService ratings;

    RatingListener(RatingService ratings) {
        this.ratings = ratings;
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultReturned e) {
        ratings.recordReturn(e.dossierId());
    }
}
