package vn.motcua.control;

import vn.motcua.control.domain.DraftChange;
import vn.motcua.control.domain.DraftStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A draft regulation that creates, changes or abolishes procedures, with its impact assessment (necessity,
 * reasonableness, legality, compliance cost), the provincial office's opinion and the Department of Justice's appraisal
 * with their deadlines, the procedures it touches (and whether the catalog holds their drafts), and the documents.
 */
public record RegulationDraft(long id, String title, String kind, long draftingAgencyId, String agencyName, LocalDate registeredOn,
                              String necessity, String reasonableness, String legality, String costNote, Long assessmentId, LocalDate opinionDue,
                              LocalDate opinionOn, String opinion, LocalDate appraisalDue, LocalDate appraisalOn, String appraisal,
                              DraftStatus status, List<Link> procedures, List<File> files, String createdBy, long rowVersion) {

    /** A procedure the draft touches; {@code catalog} says what the catalog holds for that code. */
    public record Link(String procedureCode, DraftChange change, String catalog, boolean hasDraft) {
    }

    public record File(long id, String stage, String filename, long sizeBytes, String uploadedBy, LocalDateTime uploadedAt) {
    }

    /** The next deadline still open, or null. */
    public LocalDate nextDue() {
        return status.nextDue(opinionDue, appraisalDue);
    }
}
