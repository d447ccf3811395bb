package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * What happened to a dossier, as past-tense events. Each is published in the transaction of the change that
 * caused it and stored in Spring Modulith's event publication registry on the database, then delivered to every
 * listener after commit (and retried until the listener succeeds). Modules that react to dossiers (notifications,
 * payment, ratings, national-portal sync, the service-quality index) listen to these instead of being called.
 * Every event carries the dossier's id and code and the moment it happened; listeners read more when they need it.
 */
public final class DossierEvents {
    private DossierEvents() {
    }

    /** The common shape: listen to this type to hear about every change of every dossier. */
    public sealed interface Event permits Submitted, Received, Refused, SupplementRequested, SupplementProposed, SupplementDeclined,
            SupplementReceived, StepCompleted, SentBack, Assigned, Transferred, ResultApproved, ResultReturned, ApologyIssued,
            StopRequested, Stopped, Withdrawn, DueSoon, BecameLate, Digitised, ResultIssued, Recorded {
        long dossierId();

        String code();

        LocalDateTime at();
    }

    /**
     * Published once for each dossier that a transaction changed, after that transaction's events of it, for the
     * listeners that bring something up to the dossier's whole current state rather than react to one event (the
     * national portal's sync): an intake is submitted, received and digitised in one transaction, and such a listener
     * then runs once for it instead of three times. Not an {@link Event} — it says nothing those do not.
     *
     * @param kinds the simple names of the transaction's events of the dossier, e.g. {@code Submitted}, {@code Received}
     */
    public record Changed(long dossierId, String code, LocalDateTime at, java.util.Set<String> kinds) {
        public Changed {
            kinds = java.util.Set.copyOf(kinds);
        }

        /** Whether the transaction had an event of the dossier of one of these kinds. */
        public boolean anyOf(String... kinds) {
            for (String k : kinds) {
                if (this.kinds.contains(k)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the transaction's only event of the dossier was of this kind. */
        public boolean only(String kind) {
            return kinds.size() == 1 && kinds.contains(kind);
        }
    }

    /** Submitted online or by post, or entered at the counter (before the intake decision). */
    public record Submitted(long dossierId, String code, LocalDateTime at, Channel channel, String procedureCode, long receivingAgencyId)
            implements Event {
    }

    /** Received: the time limit runs from {@code clockStartedAt} to {@code dueAt}. */
    public record Received(long dossierId, String code, LocalDateTime at, long receivingAgencyId, long handlingAgencyId,
                           LocalDateTime clockStartedAt, LocalDateTime dueAt, String ruleSet) implements Event {
    }

    public record Refused(long dossierId, String code, LocalDateTime at) implements Event {
    }

    /** The applicant was asked to supplement (the dossier waits; during processing the clock stops). */
    public record SupplementRequested(long dossierId, String code, LocalDateTime at, SupplementStage stage, int seq, boolean countsLate)
            implements Event {
    }

    /** A specialist proposed a second (or late) supplement request; a leader must approve it. */
    public record SupplementProposed(long dossierId, String code, LocalDateTime at, int seq) implements Event {
    }

    public record SupplementDeclined(long dossierId, String code, LocalDateTime at, int seq) implements Event {
    }

    /** The supplement arrived; during processing the time limit counts again (from zero) and ends at {@code dueAt}. */
    public record SupplementReceived(long dossierId, String code, LocalDateTime at, SupplementStage stage, int seq, long waitedMinutes,
                                     LocalDateTime dueAt) implements Event {
    }

    /** A step of the internal process was completed and the dossier handed to the next one. */
    public record StepCompleted(long dossierId, String code, LocalDateTime at, int fromStep, int toStep, StepResult result) implements Event {
    }

    public record SentBack(long dossierId, String code, LocalDateTime at, int fromStep, int toStep) implements Event {
    }

    public record Assigned(long dossierId, String code, LocalDateTime at, String assignee) implements Event {
    }

    /** Handed to another agency (liên thông). */
    public record Transferred(long dossierId, String code, LocalDateTime at, long fromAgencyId, long toAgencyId) implements Event {
    }

    /** The competent person approved and signed the result: processing ended. */
    public record ResultApproved(long dossierId, String code, LocalDateTime at, Outcome outcome) implements Event {
    }

    public record ResultReturned(long dossierId, String code, LocalDateTime at, Delivery delivery, boolean late) implements Event {
    }

    /** An apology (form 04) was issued, with a new appointment when an extension was still allowed. */
    public record ApologyIssued(long dossierId, String code, LocalDateTime at, int seq, LocalDateTime newAppointment) implements Event {
    }

    public record StopRequested(long dossierId, String code, LocalDateTime at) implements Event {
    }

    /** Handling stopped (form 05), at the applicant's request or on a legal ground. */
    public record Stopped(long dossierId, String code, LocalDateTime at, StopKind kind, boolean late) implements Event {
    }

    public record Withdrawn(long dossierId, String code, LocalDateTime at) implements Event {
    }

    /** The due time is near (within the warning window); the officers holding it should be told. */
    public record DueSoon(long dossierId, String code, LocalDateTime at, LocalDateTime dueAt, long handlingAgencyId) implements Event {
    }

    /** The due time passed while the dossier was still being handled: it is late and stays late. */
    public record BecameLate(long dossierId, String code, LocalDateTime at, LocalDateTime dueAt, long handlingAgencyId) implements Event {
    }

    /**
     * Components of the dossier got files (scanned at intake or later, uploaded online) or reused a document of the
     * applicant's data store. The service-quality index counts digitised dossiers and reuse from these.
     *
     * @param digitisedComponentIds the components that are now digitised
     * @param reusedComponentIds    those among them that reused a stored document instead of a new file
     */
    public record Digitised(long dossierId, String code, LocalDateTime at, java.util.Set<Long> digitisedComponentIds,
                            java.util.Set<Long> reusedComponentIds) implements Event {
    }

    /**
     * A signed electronic document was issued for the dossier: its result (kind RESULT) or an electronic certified
     * copy (CERTIFIED_COPY), registered under {@code resultCode} and kept in the applicant's data store.
     */
    public record ResultIssued(long dossierId, String code, LocalDateTime at, String resultCode, String kind, boolean keptInDataStore)
            implements Event {
    }

    /**
     * A dossier handled in another system (a ministry's sectoral system) was recorded here or its state changed there,
     * or a dossier of the replaced system was imported ({@code source} LEGACY). No message goes to the applicant: the
     * other system told them.
     */
    public record Recorded(long dossierId, String code, LocalDateTime at, String source, DossierStatus status) implements Event {
    }
}
