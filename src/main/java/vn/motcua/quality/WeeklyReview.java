package vn.motcua.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Monday review of a unit (seed 004 item 9): the week's index and the month so far, the points lost by group with
 * the indicators behind them, who answers for each group, the remediation tasks, and whether the head reviewed it.
 *
 * @param assignments group → the person who answers for it (username → display name in {@code people})
 */
public record WeeklyReview(long unitId, String unitName, LocalDate weekStart, IndexCard week, IndexCard month, Map<Integer, String> assignments,
                           Map<String, String> people, List<Task> tasks, Review review) {

    /** The head's review of the week: who, when, what was decided. */
    public record Review(long unitId, LocalDate weekStart, BigDecimal score, String reviewedBy, LocalDateTime reviewedAt, String note) {
    }

    /** A remediation task: what, who, by when, done (with its outcome). */
    public record Task(long id, long unitId, int groupNo, String indicator, String what, String assignee, LocalDate dueOn, String createdBy,
                       LocalDateTime createdAt, LocalDateTime doneAt, String doneBy, String outcome, long rowVersion) {
        public boolean done() {
            return doneAt != null;
        }

        public boolean overdue(LocalDate today) {
            return !done() && dueOn.isBefore(today);
        }
    }

    /** One unit's line in the province's view: reviewed this week or not, open and overdue tasks. */
    public record UnitStatus(long unitId, String unitName, BigDecimal weekScore, Review review, long openTasks, long overdueTasks) {
    }

    public LocalDate weekEnd() {
        return weekStart.plusDays(6);
    }
}
