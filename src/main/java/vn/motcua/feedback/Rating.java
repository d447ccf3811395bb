package vn.motcua.feedback;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The applicant's rating of a dossier: one per dossier, changed as often as the applicant likes (each change kept).
 * Scores are on the evaluation slip's scale (2 best, 0 worst) and optional.
 *
 * @param officer the officer who returned the result (a kiosk rating is tied to them)
 */
public record Rating(long id, long dossierId, String dossierCode, String procedureCode, String procedureName, long agencyId,
                     long receivingAgencyId, String officer, Satisfaction satisfaction, Scores scores, String comment, RatingSource source,
                     LocalDateTime ratedAt, int changes, long rowVersion) {

    /** What the applicant can judge, each 0–2 or null when not answered. */
    public record Scores(Integer time, Integer contacts, Integer agencies, Integer attitude, Integer online) {
        public static final Scores NONE = new Scores(null, null, null, null, null);

        public List<Integer> list() {
            return java.util.Arrays.asList(time, contacts, agencies, attitude, online);
        }
    }

    /** A former state of the rating. */
    public record Change(LocalDateTime at, String actor, Satisfaction satisfaction, Scores scores, String comment, RatingSource source) {
    }
}
