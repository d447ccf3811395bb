package vn.motcua.quality.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.feedback.FeedbackEvents;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.payment.PaymentEvents;

/**
 * Keeps the index's fact rows up to date from the events of the dossier, payment and feedback modules (delivered
 * through the event publication registry: a fact missed by a crash is written when the event is resubmitted). Events
 * that change nothing the index reads (a step handed on, an assignment, a warning) are passed over.
 */
@Component
class QualityListener {
    private final FactRefresher refresher;
    private final FeedbackService feedback;

    QualityListener(FactRefresher refresher, FeedbackService feedback) {
        this.refresher = refresher;
        this.feedback = feedback;
    }

    @ApplicationModuleListener
    void on(DossierEvents.Event e) {
        if (counts(e)) {
            refresher.refresh(e.dossierId());
        }
    }

    static boolean counts(DossierEvents.Event e) {
        return !(e instanceof DossierEvents.StepCompleted || e instanceof DossierEvents.Assigned || e instanceof DossierEvents.SentBack
                || e instanceof DossierEvents.DueSoon || e instanceof DossierEvents.SupplementProposed || e instanceof DossierEvents.SupplementDeclined
                || e instanceof DossierEvents.StopRequested || e instanceof DossierEvents.Submitted);
    }

    @ApplicationModuleListener
    void on(PaymentEvents.Event e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.Rated e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackReceived e) {
        Long dossierId = feedback.get(e.feedbackId()).dossierId();
        if (dossierId != null) {
            refresher.refresh(dossierId);
        }
    }
}
