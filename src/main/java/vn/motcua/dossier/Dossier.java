package vn.motcua.dossier;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A dossier with its documents and full history. */
public record Dossier(long id, String code, long procedureVersionId, String procedureCode, String procedureName, Channel channel,
                      String processVariant, long receivingAgencyId, long handlingAgencyId, Applicant applicant, String applicantUsername,
                      DossierStatus status, LocalDateTime submittedAt, LocalDateTime receivedAt, BigDecimal timeLimitDays,
                      LocalDateTime dueAt, LocalDateTime pausedAt, Long remainingMinutes, Integer currentStep,
                      LocalDateTime stepStartedAt, LocalDateTime stepDueAt, String assignee, Outcome outcome, String resultText,
                      Delivery delivery, LocalDateTime finishedAt, boolean late, String lateExplanation,
                      LocalDateTime newAppointmentAt, LocalDateTime warnedAt, long rowVersion,
                      List<DossierDocument> documents, List<DossierEvent> events) {

    public boolean open() {
        return !status.terminal();
    }

    /** The time the dossier is, or was, promised: the new appointment after an apology, else the due time. */
    public LocalDateTime appointment() {
        return newAppointmentAt != null ? newAppointmentAt : dueAt;
    }
}
