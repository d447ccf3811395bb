package vn.motcua.integration.internal;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.OutboxMessage;
import vn.motcua.integration.OutboxService;
import vn.motcua.integration.OutboxStatus;
import vn.motcua.integration.PostOrder;
import vn.motcua.integration.PostService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sections this module adds to a dossier's pages: its public-post orders with their tracking, and (for officers) its national sync. */
class IntegrationPanels {
    private IntegrationPanels() {
    }

    /** "Bưu chính công ích": the dossier's pick-up and delivery orders with what the post reported (addresses only for officers and the applicant). */
    @Component
    static class PostPanel implements DossierPanel {
        private final PostService post;

        PostPanel(PostService post) {
            this.post = post;
        }

        @Override
        public Optional<View> view(Dossier d, Audience audience, CurrentUser viewer) {
            List<PostOrder> orders = post.ofDossier(d.id());
            if (orders.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> m = new HashMap<>();
            m.put("orders", orders);
            m.put("addresses", audience != Audience.TRACKING);
            return Optional.of(new View("integration/panels", "post", 40, m));
        }
    }

    /** "Liên thông": for officers, where the dossier came from and what the national portal has been sent of it. */
    @Component
    static class SyncPanel implements DossierPanel {
        private final OutboxService outbox;
        private final DossierService dossiers;

        SyncPanel(OutboxService outbox, DossierService dossiers) {
            this.outbox = outbox;
            this.dossiers = dossiers;
        }

        @Override
        public Optional<View> view(Dossier d, Audience audience, CurrentUser viewer) {
            if (audience != Audience.OFFICER) {
                return Optional.empty();
            }
            DossierOrigin origin = dossiers.origin(d.id());
            List<OutboxMessage> messages = outbox.ofDossier(d.id());
            Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
            messages.forEach(x -> counts.merge(x.status(), 1L, Long::sum));
            Map<String, Object> m = new HashMap<>();
            m.put("origin", origin);
            m.put("sent", counts.getOrDefault(OutboxStatus.SENT, 0L));
            m.put("waiting", counts.getOrDefault(OutboxStatus.PENDING, 0L) + counts.getOrDefault(OutboxStatus.SENDING, 0L));
            m.put("failed", counts.getOrDefault(OutboxStatus.FAILED, 0L));
            m.put("lastSent", messages.stream().filter(x -> x.sentAt() != null).map(OutboxMessage::sentAt).max(java.util.Comparator.naturalOrder()).orElse(null));
            m.put("admin", viewer != null && viewer.has(vn.motcua.identity.Role.ADMIN));
            m.put("code", d.code());
            return Optional.of(new View("integration/panels", "sync", 50, m));
        }
    }
}
