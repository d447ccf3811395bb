package vn.motcua.quality.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.feedback.FeedbackEvents;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.payment.PaymentEvents;

/**
 * Keeps the index's fact rows up to date from the events of the dossier, payment and feedback modules (delivered
 * through the event publication registry: a fact missed by a crash is written when the event is resubmitted). It
 * listens only to the events that change what the index reads: the registry keeps no entry for this listener on a step
 * handed on, an assignment, a warning or an online submission not yet received (most of a specialist's day).
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
    void on(DossierEvents.Received e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Recorded e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Refused e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.SupplementRequested e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.SupplementReceived e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Transferred e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Digitised e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultApproved e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultIssued e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultReturned e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.ApologyIssued e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.BecameLate e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Stopped e) {
        refresher.refresh(e.dossierId());
    }

    @ApplicationModuleListener
    void on(DossierEvents.Withdrawn e) {
        refresher.refresh(e.dossierId());
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
