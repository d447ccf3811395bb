package vn.motcua.notification.internal;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.NotificationMessage;
import vn.motcua.notification.NotificationService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "Thông báo đã gửi" on the dossier's pages: every message about the dossier, its channel, state and attempts. */
@Component
class NotificationPanel implements DossierPanel {
    private final NotificationService notifications;

    NotificationPanel(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<View> view(Dossier d, Audience audience, CurrentUser viewer) {
        if (audience == Audience.TRACKING) {
            return Optional.empty();
        }
        List<NotificationMessage> list = new ArrayList<>(notifications.ofDossier(d.id()));
        Collections.reverse(list);
        return Optional.of(new View("notification/panel", "panel", 20, Map.of("messages", list, "applicant", audience == Audience.APPLICANT)));
    }
}
