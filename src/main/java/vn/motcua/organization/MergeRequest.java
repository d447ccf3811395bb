package vn.motcua.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * Merge units into a surviving (or newly established) one: from {@code effectiveOn} the sources
 * cease, their children move under the target, and the sources name the target as successor.
 */
public record MergeRequest(List<Long> sourceIds, Long targetId, LocalDate effectiveOn, String reason) {
}
