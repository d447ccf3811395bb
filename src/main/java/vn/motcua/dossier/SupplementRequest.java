package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A request to supplement or complete a dossier (form 02): only published components, each with the reason,
 * signed by the guiding officer with a contact phone. {@code countsLate}: a second (or late) request, which makes
 * the dossier count as late in the service-quality index.
 */
public record SupplementRequest(long id, int seq, SupplementStage stage, SupplementStatus status, LocalDateTime requestedAt,
                                String requestedBy, String requestedByName, String contactPhone, long agencyId, boolean countsLate,
                                String lateReason, String approvedBy, LocalDateTime approvedAt, String note, LocalDateTime receivedAt,
                                String receivedBy, Long waitedMinutes, List<Item> items) {

    /** A published component to add or correct, and why. */
    public record Item(long componentId, String componentName, String reason) {
    }

    public boolean open() {
        return status == SupplementStatus.OPEN || status == SupplementStatus.PROPOSED;
    }
}
