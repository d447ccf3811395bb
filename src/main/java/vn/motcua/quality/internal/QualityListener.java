package vn.motcua.quality.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.feedback.FeedbackEvents;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.payment.PaymentEvents;

/**
 * Keeps the index's fact rows up to date from the events of the dossier, payment and feedback modules (delivered
 * through the event publication registry: a fact missed by a crash is written when the event is resubmitted). A
 * dossier's fact row is rewritten once per transaction that changed what the index reads: the registry keeps no entry for
 * this listener on a step handed on, an assignment, a warning or an online submission not yet received (most of a
 * specialist's day).
 */
@Component
class QualityListener {
    private final FactRefresher refresher;
    private final FeedbackService feedback;

    QualityListener(FactRefresher refresher, FeedbackService feedback) {
        this.refresher = refresher;
        this.feedback = feedback;
    }

    /** The dossier events that change what the index reads (not a step handed on, an assignment, a warning or an online submission not yet received). */
    static final String READS = "'Received','Recorded','Refused','SupplementRequested','SupplementReceived','Transferred','Digitised','ResultApproved','ResultIssued','ResultReturned','ApologyIssued','BecameLate','Stopped','Withdrawn'";

    /** Once per transaction that changed a dossier in a way the index reads; no registry entry for this listener otherwise. */
    @ApplicationModuleListener(condition = "#e.anyOf(" + READS + ")")
    void on(DossierEvents.Changed e) {
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
