package vn.motcua.control;

import java.util.List;

/** A year's plan for reviewing and evaluating procedures (kế hoạch rà soát, đánh giá) with what it reviews. */
public record ReviewPlan(long id, int year, String reference, String title, long ownerAgencyId, String ownerName, String createdBy,
                         long rowVersion, List<ReviewItem> items) {

    /** The plan's progress: the average of its items' (0 with no item). */
    public int progress() {
        return items.isEmpty() ? 0 : (int) Math.round(items.stream().mapToInt(i -> i.progress().progress()).average().orElse(0));
    }

    public long done() {
        return items.stream().filter(i -> i.progress().status() == vn.motcua.control.domain.ReviewProgress.Status.DONE).count();
    }
}
