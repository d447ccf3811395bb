package vn.motcua.integration.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;

/**
 * Hears every change of every dossier (after it committed; the event publication registry hands it again until this
 * succeeds) and queues what the national portal must be told.
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

    /** A dossier entered as arrived by post is linked to the pick-up order that brought it. */
    @ApplicationModuleListener
    void on(DossierEvents.Submitted e) {
        if (e.channel() == vn.motcua.dossier.Channel.POST) {
            post.linkArrived(dossiers.get(e.dossierId()));
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.Event e) {
        if (e instanceof DossierEvents.DueSoon) {
            return; // a warning to officers changes nothing the portal reads
        }
        portal.catchUp(e.dossierId());
    }
}
