package vn.motcua.catalog;


/**
 * Publication of a draft by a decision of the Chairman of the Provincial People's Committee.
 * The decision is created on first use of its number, and reused by later items of the same decision.
 * {@code replacesCode} names the procedure that a REPLACED publication supersedes.
 */
public record PublishRequest(long versionId, long expectedRowVersion, PublicationAction action, String replacesCode,
                             DecisionInfo decision) {
}
