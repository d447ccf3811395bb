package vn.motcua.quality.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.Fee;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.Satisfaction;
import vn.motcua.integration.OutboxService;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.quality.domain.Fact;
import vn.motcua.shared.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Writes a dossier's fact row from what the dossier, payment, feedback and integration modules say about it now. */
@Component
public class FactRefresher {
    /** The national portal's system name in the outbox. */
    static final String PORTAL = "DVCQG";

    private final FactStore store;
    private final DossierService dossiers;
    private final PaymentService payments;
    private final RatingService ratings;
    private final FeedbackService feedback;
    private final OutboxService outbox;
    private final WorkingCalendarService calendars;
    private final Units units;
    private final Clock clock;

    FactRefresher(FactStore store, DossierService dossiers, PaymentService payments, RatingService ratings,
                  FeedbackService feedback, OutboxService outbox, WorkingCalendarService calendars, Units units, Clock clock) {
        this.store = store;
        this.dossiers = dossiers;
        this.payments = payments;
        this.ratings = ratings;
        this.feedback = feedback;
        this.outbox = outbox;
        this.calendars = calendars;
        this.units = units;
        this.clock = clock;
    }

    @Transactional
    public void refresh(long dossierId) {
        store.lock(dossierId);
        Dossier d;
        try {
            d = dossiers.get(dossierId);
        } catch (NotFoundException e) {
            store.delete(dossierId);
            return;
        }
        long fees = payments.fees(d).stream().mapToLong(Fee::amountVnd).sum();
        List<Payment> ps = payments.ofDossier(dossierId);
        boolean paidOnline = ps.stream().anyMatch(p -> p.method() == PaymentMethod.GATEWAY && p.status() == PaymentStatus.PAID);
        Optional<Rating> rating = ratings.ofDossier(dossierId);
        List<Feedback> about = feedback.ofDossiers(List.of(dossierId)).getOrDefault(dossierId, List.of());
        boolean synced = outbox.delivered(dossierId, PORTAL);
        WorkingCalendar cal = calendars.calendar();
        Fact.Inputs in = new Fact.Inputs(units.unitOf(d.handlingAgencyId()), fees > 0, paidOnline, dossiers.certifiesCopies(d), synced,
                rating.map(r -> r.satisfaction().name()).orElse(null), rating.map(r -> r.satisfaction() == Satisfaction.NOT_SATISFIED).orElse(false),
                !about.isEmpty());
        Fact f = Fact.of(d, dossiers.origin(dossierId), in, cal::workingDaysBetween);
        if (f == null) {
            store.delete(dossierId);
        } else {
            store.upsert(f, LocalDateTime.now(clock));
        }
    }
}
