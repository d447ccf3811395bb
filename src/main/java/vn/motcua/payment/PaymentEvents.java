package vn.motcua.payment;

import java.time.LocalDateTime;

/** What happened to payments, published in the transaction of the change (through the event publication registry). */
public final class PaymentEvents {
    private PaymentEvents() {
    }

    public sealed interface Event permits Requested, Paid, Failed, Refunded, Flagged {
        long paymentId();

        long dossierId();

        String dossierCode();

        LocalDateTime at();
    }

    /** The applicant is asked to pay {@code amount} đồng for the dossier. */
    public record Requested(long paymentId, long dossierId, String dossierCode, LocalDateTime at, long amount, PaymentTiming timing)
            implements Event {
    }

    /** Paid; {@code online} when through the payment platform (the service-quality index counts these). */
    public record Paid(long paymentId, long dossierId, String dossierCode, LocalDateTime at, long amount, PaymentMethod method,
                       boolean online, String receipt) implements Event {
    }

    /** The payer's attempt failed, was cancelled or expired: the request can be paid again with a new one. */
    public record Failed(long paymentId, long dossierId, String dossierCode, LocalDateTime at, PaymentStatus status) implements Event {
    }

    public record Refunded(long paymentId, long dossierId, String dossierCode, LocalDateTime at, long amount) implements Event {
    }

    /** Something an officer must look at: an amount that does not match, money received after the request ended. */
    public record Flagged(long paymentId, long dossierId, String dossierCode, LocalDateTime at, String flag) implements Event {
    }
}
