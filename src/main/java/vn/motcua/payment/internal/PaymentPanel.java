package vn.motcua.payment.internal;

import org.springframework.stereotype.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.payment.domain.FeeLines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "Phí, lệ phí" on the dossier's pages: what is due, what was paid and how, and the actions the viewer may take. */
@Component
class PaymentPanel implements DossierPanel {
    private final PaymentService payments;
    private final DossierService dossiers;

    PaymentPanel(PaymentService payments, DossierService dossiers) {
        this.payments = payments;
        this.dossiers = dossiers;
    }

    /** A fee line as offered for choice: its position among the payable lines. */
    public record Line(int position, Fee fee, boolean perUnit) {
    }

    @Override
    public Optional<View> view(Dossier d, Audience audience, CurrentUser viewer) {
        if (audience == Audience.TRACKING) {
            return Optional.empty();
        }
        List<Fee> fees = payments.fees(d);
        List<Fee> payable = FeeLines.payable(fees);
        PaymentTiming timing = payments.timing(d.procedureCode());
        boolean applicant = audience == Audience.APPLICANT;
        List<Payment> read = payments.ofDossier(d.id());
        if (applicant && d.open() && timing == PaymentTiming.AT_SUBMISSION && FeeLines.automatic(fees)
                && PaymentService.activeIn(read, PaymentTiming.AT_SUBMISSION).isEmpty()) {
            // normally made by the listener of the submission; made here if the page is opened first (or found made meanwhile)
            payments.requestAutomatically(d.id(), viewer.username());
            read = payments.ofDossier(d.id());
        }
        if (payable.isEmpty() && read.isEmpty() && timing == PaymentTiming.AT_SUBMISSION) {
            return Optional.empty();
        }
        List<Payment> list = new ArrayList<>(read);
        Collections.reverse(list);
        boolean officerCounter = !applicant && dossiers.mayAct(viewer, d, Role.RECEIVING_OFFICER);
        boolean handler = !applicant && (dossiers.mayAct(viewer, d, Role.PROCESSING_OFFICER) || dossiers.mayAct(viewer, d, Role.LEADER));
        boolean noActiveSubmission = PaymentService.activeIn(read, PaymentTiming.AT_SUBMISSION).isEmpty();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < payable.size(); i++) {
            lines.add(new Line(i + 1, payable.get(i), FeeLines.perUnit(payable.get(i))));
        }
        List<Line> allLines = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            allLines.add(new Line(i + 1, fees.get(i), false));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("d", d);
        m.put("payments", list);
        m.put("lines", lines);
        m.put("allLines", allLines);
        m.put("timing", timing);
        m.put("automatic", FeeLines.automatic(fees));
        m.put("applicant", applicant);
        m.put("now", dossiers.now());
        m.put("base", applicant ? "/ho-so-cua-toi/" + d.id() + "/phi" : "/can-bo/ho-so/" + d.id() + "/phi");
        m.put("canRequest", d.open() && timing == PaymentTiming.AT_SUBMISSION && !payable.isEmpty() && noActiveSubmission
                && !PaymentService.paidIn(read, PaymentTiming.AT_SUBMISSION) && (applicant || officerCounter));
        m.put("canAssess", handler && d.status() == DossierStatus.PROCESSING && timing == PaymentTiming.AFTER_ASSESSMENT
                && PaymentService.activeIn(read, PaymentTiming.AFTER_ASSESSMENT).isEmpty());
        m.put("canCash", officerCounter);
        m.put("waitsForPayment", d.status() == DossierStatus.SUBMITTED && PaymentChecks.waitsBeforeReceipt(d, timing, fees, read));
        return Optional.of(new View("payment/panel", "panel", 10, m));
    }
}
