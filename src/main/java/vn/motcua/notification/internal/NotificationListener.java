package vn.motcua.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.NotificationService;
import vn.motcua.payment.PaymentEvents;
import vn.motcua.shared.Money;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns dossier and payment events into messages to the applicant. Each event queues once (its key names the event);
 * an event older than the messages' expiry is not notified any more (for instance the months of history the demo
 * replays). Runs after the change committed, and is retried until it succeeds.
 */
@Component
class NotificationListener {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private final NotificationService notifications;
    private final DossierService dossiers;

    private final vn.motcua.feedback.FeedbackService feedback;
    private final vn.motcua.organization.AgencyService agencies;

    NotificationListener(NotificationService notifications, DossierService dossiers, vn.motcua.feedback.FeedbackService feedback,
                         vn.motcua.organization.AgencyService agencies) {
        this.notifications = notifications;
        this.dossiers = dossiers;
        this.feedback = feedback;
        this.agencies = agencies;
    }

    @ApplicationModuleListener
    void on(DossierEvents.Received e) {
        if (notifications.fresh(e.at())) {
            notifications.notify(NotificationEvent.RECEIVED, e.dossierId(), "RECEIVED:" + e.dossierId(), Map.of());
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.SupplementRequested e) {
        if (notifications.fresh(e.at())) {
            Dossier d = dossiers.get(e.dossierId());
            String items = d.supplement(e.seq()).map(s -> s.items().stream().map(i -> i.componentName() + ": " + i.reason())
                    .collect(Collectors.joining("; "))).orElse("");
            notifications.notify(NotificationEvent.SUPPLEMENT_REQUESTED, e.dossierId(), "SUPPLEMENT:" + e.dossierId() + ":" + e.seq(),
                    Map.of("noiDung", items));
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultApproved e) {
        if (notifications.fresh(e.at())) {
            Dossier d = dossiers.get(e.dossierId());
            notifications.notify(NotificationEvent.RESULT_READY, e.dossierId(), "RESULT_READY:" + e.dossierId(),
                    Map.of("noiDung", e.outcome().label() + (d.resultText() == null ? "" : " — " + d.resultText())));
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.ResultReturned e) {
        if (notifications.fresh(e.at())) {
            notifications.notify(NotificationEvent.RETURNED, e.dossierId(), "RETURNED:" + e.dossierId(), Map.of("noiDung", e.delivery().label()));
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.ApologyIssued e) {
        if (notifications.fresh(e.at())) {
            Dossier d = dossiers.get(e.dossierId());
            Map<String, String> v = new HashMap<>();
            v.put("noiDung", d.lateExplanation() == null ? "" : d.lateExplanation());
            if (e.newAppointment() != null) {
                v.put("ngayHenTra", VN.format(e.newAppointment()));
            }
            notifications.notify(NotificationEvent.APOLOGY, e.dossierId(), "APOLOGY:" + e.dossierId() + ":" + e.seq(), v);
        }
    }

    @ApplicationModuleListener
    void on(DossierEvents.Stopped e) {
        if (notifications.fresh(e.at())) {
            Dossier d = dossiers.get(e.dossierId());
            notifications.notify(NotificationEvent.STOPPED, e.dossierId(), "STOPPED:" + e.dossierId(),
                    Map.of("noiDung", d.stop().reason() == null ? "" : d.stop().reason()));
        }
    }

    @ApplicationModuleListener
    void on(PaymentEvents.Requested e) {
        if (notifications.fresh(e.at())) {
            notifications.notify(NotificationEvent.PAYMENT_REQUESTED, e.dossierId(), "PAYMENT_REQUESTED:" + e.paymentId(),
                    Map.of("soTien", Money.vnd(e.amount())));
        }
    }

    @ApplicationModuleListener
    void on(PaymentEvents.Paid e) {
        if (notifications.fresh(e.at())) {
            notifications.notify(NotificationEvent.PAID, e.dossierId(), "PAID:" + e.paymentId(),
                    Map.of("soTien", Money.vnd(e.amount()), "noiDung", e.receipt() == null ? "" : "Biên lai số " + e.receipt() + "."));
        }
    }

    /** The sender of a feedback is told when its answer is ready (by the contacts they gave). */
    @ApplicationModuleListener
    void on(vn.motcua.feedback.FeedbackEvents.FeedbackAnswered e) {
        if (notifications.fresh(e.at())) {
            vn.motcua.feedback.Feedback f = feedback.get(e.feedbackId());
            String answer = f.answer() == null ? "" : f.answer().length() > 600 ? f.answer().substring(0, 600) + "…" : f.answer();
            notifications.notifyContact(NotificationEvent.FEEDBACK_ANSWERED, f.code(), f.sender().name(), f.sender().email(), f.sender().phone(),
                    "FEEDBACK_ANSWERED:" + f.id(), Map.of("donVi", agencies.get(f.agencyId()).name(), "noiDung", answer,
                            "lienKet", notifications.publicBaseUrl() + "/phan-anh-kien-nghi/tra-cuu?ma=" + f.code()));
        }
    }
}
