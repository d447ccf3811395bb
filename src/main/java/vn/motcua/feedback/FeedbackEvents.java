package vn.motcua.feedback;

import java.time.LocalDateTime;

/** What happened to ratings and feedback, published through the event publication registry like the dossier events. */
public final class FeedbackEvents {
    private FeedbackEvents() {
    }

    public sealed interface Event permits Rated, FeedbackReceived, FeedbackTransferred, FeedbackAnswered, FeedbackPublished, FeedbackDueSoon,
            FeedbackBecameLate {
        LocalDateTime at();
    }

    /** A dossier was rated, or its rating changed. */
    public record Rated(long dossierId, String dossierCode, LocalDateTime at, Satisfaction satisfaction, RatingSource source, boolean changed)
            implements Event {
    }

    public record FeedbackReceived(long feedbackId, String code, LocalDateTime at, long agencyId, FeedbackCategory category) implements Event {
    }

    public record FeedbackTransferred(long feedbackId, String code, LocalDateTime at, long fromAgencyId, long toAgencyId) implements Event {
    }

    /** The answer is ready; the sender is told (and it is published within the deadline). */
    public record FeedbackAnswered(long feedbackId, String code, LocalDateTime at, long agencyId, boolean onTime) implements Event {
    }

    public record FeedbackPublished(long feedbackId, String code, LocalDateTime at, long agencyId, boolean onTime) implements Event {
    }

    /** The deadline the agency must meet is near (within the warning window); its officers should be told. */
    public record FeedbackDueSoon(long feedbackId, String code, LocalDateTime at, long agencyId, LocalDateTime dueAt) implements Event {
    }

    /** A deadline passed while the feedback waited on the agency: it stays late. */
    public record FeedbackBecameLate(long feedbackId, String code, LocalDateTime at, long agencyId, LocalDateTime dueAt) implements Event {
    }
}
