package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What anyone holding the dossier code, its tracking secret and the check digits sees: the status and the dates.
 * No procedure name, no agency or officer names, no free text (notes, reasons, what is missing).
 * {@code resultAvailable}: the signed electronic result can be downloaded (with the same code, secret and check digits).
 */
public record Tracking(String code, DossierStatus status, Channel channel, LocalDateTime submittedAt, LocalDateTime receivedAt,
                       LocalDateTime dueAt, LocalDateTime newAppointmentAt, LocalDateTime finishedAt, DeadlineState deadline,
                       List<Step> steps, boolean supplementRequested, boolean resultAvailable) {
    /** One public step of the history: when, and what kind of step. */
    public record Step(LocalDateTime at, DossierAction what) {
    }
}
