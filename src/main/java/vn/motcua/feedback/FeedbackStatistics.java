package vn.motcua.feedback;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Feedback received in a period: by category and status, timeliness, and the index's rates.
 *
 * @param onTime          finished (published, refused, repeated) with every deadline met
 * @param lateFinished    finished after a deadline
 * @param openWithinTime  still open, no deadline missed
 * @param openOverdue     still open, a deadline missed
 * @param firstTime       not marked as repeating an earlier feedback
 * @param disliked        published answers with more dislikes than likes
 * @param onTimeRate      indicator 5.2: feedback not late / feedback received (null when none)
 * @param satisfiedRate   indicator 5.3: (received − disliked − overdue − repeated) / received for the first time
 */
public record FeedbackStatistics(long received, Map<FeedbackCategory, Long> byCategory, Map<FeedbackStatus, Long> byStatus, long onTime,
                                 long lateFinished, long openWithinTime, long openOverdue, long firstTime, long repeated, long disliked,
                                 BigDecimal onTimeRate, BigDecimal satisfiedRate) {
}
