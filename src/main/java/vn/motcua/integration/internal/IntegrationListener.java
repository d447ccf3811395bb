package vn.motcua.integration.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;

/**
 * Hears every change of every dossier (after it committed, once per transaction; the event publication registry hands
 * it again until this succeeds) and queues what the national portal must be told.
 */
@Component
class IntegrationListener {
    private final PortalSync portal;
    private final vn.motcua.integration.PostService post;
    private final vn.motcua.dossier.DossierService dossiers;

    IntegrationListener(PortalSync portal, vn.motcua.integration.PostService post, vn.motcua.dossier.DossierService dossiers) {
        this.portal = portal;
        this.post = post;
        this.dossiers = dossiers;
    }

    /** A result to be sent by post gets its delivery order when it is approved. */
    @ApplicationModuleListener
    void on(DossierEvents.ResultApproved e) {
        var d = dossiers.get(e.dossierId());
        if (d.resultPlace() == vn.motcua.dossier.Delivery.POST) {
            post.requestDelivery(d);
        }
    }

    /** A dossier entered as arrived by post is linked to the pick-up order that brought it (only those are stored for this listener). */
    @ApplicationModuleListener(condition = "#e.channel() == T(vn.motcua.dossier.Channel).POST")
    void on(DossierEvents.Submitted e) {
        post.linkArrived(dossiers.get(e.dossierId()));
    }

    /**
     * Once per transaction that changed the dossier: the portal's messages are queued up to its current state (a
     * catch-up reads that whole state, so one per transaction is enough). A warning to officers changes nothing the
     * portal reads; a transaction that only warned is not stored for this listener.
     */
    @ApplicationModuleListener(condition = "!#e.only('DueSoon')")
    void on(DossierEvents.Changed e) {
        portal.catchUp(e.dossierId());
    }
}
