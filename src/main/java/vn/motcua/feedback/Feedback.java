package vn.motcua.feedback;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A feedback (phản ánh, kiến nghị) as the officers handling it see it: the sender's contact details, the content, where
 * it stands and its deadlines. The public sees only the redacted title, content and answer once published.
 *
 * @param clockStartedAt when the competent agency got it (its receipt, or the last transfer): deadlines count from here
 * @param late           a deadline was missed: it stays late in every statistic
 */
public record Feedback(long id, String code, FeedbackCategory category, String title, String content, String procedureCode,
                       String dossierCode, Long dossierId, long agencyId, Sender sender, FeedbackStatus status, LocalDateTime receivedAt,
                       LocalDateTime clockStartedAt, LocalDateTime classifyDueAt, LocalDateTime infoDueAt, LocalDateTime handleDueAt,
                       LocalDateTime infoRequestedAt, String infoRequest, LocalDateTime infoReceivedAt, String refusedReason, String answer,
                       LocalDateTime answeredAt, String answeredBy, LocalDateTime publishDueAt, String publicTitle, String publicContent,
                       String publicAnswer, LocalDateTime publishedAt, Long repeatedOf, boolean late, LocalDateTime warnedAt, int likes,
                       int dislikes, LocalDateTime closedAt, long rowVersion) {

    /** Who sent it; {@code username} when sent while logged in. */
    public record Sender(String name, String phone, String email, String address, String username) {
    }

    public record Attachment(long id, String filename, String contentType, long size, String storageKey) {
    }

    /** One line of its history. */
    public record Step(LocalDateTime at, String actor, String action, FeedbackStatus from, FeedbackStatus to, Long agencyId, Long toAgencyId,
                       Boolean onTime, String note) {
    }

    /** The deadline the agency must meet now, if the feedback waits on it. */
    public Optional<LocalDateTime> currentDue() {
        return Optional.ofNullable(switch (status) {
            case RECEIVED -> classifyDueAt;
            case HANDLING -> handleDueAt;
            case ANSWERED -> publishDueAt;
            default -> null;
        });
    }

    public boolean overdue(LocalDateTime now) {
        return currentDue().map(now::isAfter).orElse(false);
    }

    /** Answered with more dislikes than likes: the index counts it as not satisfactory. */
    public boolean disliked() {
        return dislikes > likes;
    }

    /** The same feedback with the texts the public will read (the officer's redacted version). */
    public Feedback withPublicText(String publicTitle, String publicContent, String publicAnswer) {
        return new Feedback(id, code, category, title, content, procedureCode, dossierCode, dossierId, agencyId, sender, status, receivedAt,
                clockStartedAt, classifyDueAt, infoDueAt, handleDueAt, infoRequestedAt, infoRequest, infoReceivedAt, refusedReason, answer,
                answeredAt, answeredBy, publishDueAt, publicTitle, publicContent, publicAnswer, publishedAt, repeatedOf, late, warnedAt,
                likes, dislikes, closedAt, rowVersion);
    }

    /** The same feedback with the warning of its current deadline noted. */
    public Feedback withWarning(LocalDateTime at) {
        return new Feedback(id, code, category, title, content, procedureCode, dossierCode, dossierId, agencyId, sender, status, receivedAt,
                clockStartedAt, classifyDueAt, infoDueAt, handleDueAt, infoRequestedAt, infoRequest, infoReceivedAt, refusedReason, answer,
                answeredAt, answeredBy, publishDueAt, publicTitle, publicContent, publicAnswer, publishedAt, repeatedOf, late, at,
                likes, dislikes, closedAt, rowVersion);
    }

    public List<String> senderContacts() {
        return java.util.stream.Stream.of(sender.phone(), sender.email()).filter(s -> s != null && !s.isBlank()).toList();
    }
}
