package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/** What a citizen sees of a dossier: no internal notes, no officers' names. */
public record Tracking(String code, String procedureName, DossierStatus status, Channel channel, LocalDateTime submittedAt,
                       LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime newAppointmentAt, LocalDateTime finishedAt,
                       DeadlineState deadline, String receivingAgency, String handlingAgency, List<Step> steps, String missing) {
    /** One public step of the history. */
    public record Step(LocalDateTime at, DossierAction what) {
    }
}
