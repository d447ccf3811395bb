package vn.motcua.payment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.payment.PaymentService;

/**
 * Turns dossier events into payment requests: fees due at submission are requested when the dossier is submitted
 * (online, at the counter or by post); requests still open are cancelled when the dossier is withdrawn, refused or
 * stopped. Runs after the dossier's change committed, and is retried until it succeeds.
 */
@Component
class PaymentListener {
    private final PaymentService payments;

    PaymentListener(PaymentService payments) {
        this.payments = payments;
    }

    @ApplicationModuleListener
    void on(DossierEvents.Submitted e) {
        payments.requestAutomatically(e.dossierId(), "system");
    }

    @ApplicationModuleListener
    void on(DossierEvents.Withdrawn e) {
        payments.cancelOpen(e.dossierId(), "Hồ sơ đã được rút");
    }

    @ApplicationModuleListener
    void on(DossierEvents.Refused e) {
        payments.cancelOpen(e.dossierId(), "Hồ sơ bị từ chối tiếp nhận");
    }

    @ApplicationModuleListener
    void on(DossierEvents.Stopped e) {
        payments.cancelOpen(e.dossierId(), "Hồ sơ đã dừng giải quyết");
    }
}
