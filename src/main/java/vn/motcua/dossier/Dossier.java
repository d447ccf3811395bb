package vn.motcua.dossier;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A dossier as the rest of the system reads it: its row, documents, history, supplement requests, apologies and
 * files. Changes happen only through {@link DossierService}; the rules of each change live in the dossier's
 * own domain code.
 *
 * @param ruleSetId       the legal rule set of the day it was received (of submission until then)
 * @param clockStartedAt  when its time limit started counting (receipt, or the complete supplement's arrival)
 * @param resultPlace     where the applicant asked to receive the result
 * @param processedAt     when the result was approved (the end of processing for the service-quality index)
 * @param late            it ended, or is, after its legal due time: it stays late in every statistic
 * @param supplementLate  a second (or late) supplement request was made: the index counts it as late
 */
public record Dossier(long id, String code, long procedureVersionId, String procedureCode, String procedureName, Channel channel,
                      String processVariant, long receivingAgencyId, long handlingAgencyId, Applicant applicant, String applicantUsername,
                      Long applicantCommuneId, long ruleSetId, int sets, Delivery resultPlace,
                      DossierStatus status, LocalDateTime submittedAt, LocalDateTime receivedAt, LocalDateTime clockStartedAt,
                      BigDecimal timeLimitDays, LocalDateTime dueAt, LocalDateTime pausedAt, Long remainingMinutes, Integer currentStep,
                      LocalDateTime stepStartedAt, LocalDateTime stepDueAt, String assignee, Outcome outcome, String resultText,
                      LocalDateTime processedAt, Delivery delivery, LocalDateTime finishedAt, boolean late, String lateExplanation,
                      LocalDateTime newAppointmentAt, LocalDateTime warnedAt, String bookVolume, Integer bookNumber, int supplementCount,
                      long supplementMinutes, boolean supplementLate, int extensionCount, Stop stop, long rowVersion,
                      List<DossierDocument> documents, List<DossierHistoryEntry> history, List<SupplementRequest> supplements,
                      List<Apology> apologies, List<DossierFile> files) {

    /** Why and how handling stopped, and whether the applicant asked for it. */
    public record Stop(StopKind kind, String reason, String basis, String settlement, LocalDateTime requestedAt, String requestReason) {
        public static final Stop NONE = new Stop(null, null, null, null, null, null);
    }

    public boolean open() {
        return !status.terminal();
    }

    /** The time the dossier is, or was, promised: the new appointment after an apology, else the due time. */
    public LocalDateTime appointment() {
        return newAppointmentAt != null ? newAppointmentAt : dueAt;
    }

    /** A procedure resolved within the day of receipt ("trong ngày"). */
    public boolean sameDay() {
        return timeLimitDays.signum() == 0;
    }

    /** A paper dossier (at the counter or by post): handed over on the next working day when received after the cut-off. */
    public boolean paper() {
        return channel != Channel.ONLINE;
    }

    /** The supplement request still waiting (for a leader's approval or for the applicant), if any. */
    public Optional<SupplementRequest> openSupplement() {
        return supplements.stream().filter(SupplementRequest::open).reduce((a, b) -> b);
    }

    public Optional<SupplementRequest> supplement(int seq) {
        return supplements.stream().filter(s -> s.seq() == seq).findFirst();
    }

    public Optional<Apology> latestApology() {
        return apologies.stream().reduce((a, b) -> b);
    }

    public List<DossierFile> filesOf(long componentId) {
        return files.stream().filter(f -> f.componentId() != null && f.componentId() == componentId).toList();
    }

    /** The same dossier with its documents, history, supplements, apologies and files. */
    public Dossier with(List<DossierDocument> documents, List<DossierHistoryEntry> history, List<SupplementRequest> supplements,
                        List<Apology> apologies, List<DossierFile> files) {
        return new Dossier(id, code, procedureVersionId, procedureCode, procedureName, channel, processVariant, receivingAgencyId,
                handlingAgencyId, applicant, applicantUsername, applicantCommuneId, ruleSetId, sets, resultPlace, status, submittedAt,
                receivedAt, clockStartedAt, timeLimitDays, dueAt, pausedAt, remainingMinutes, currentStep, stepStartedAt, stepDueAt,
                assignee, outcome, resultText, processedAt, delivery, finishedAt, late, lateExplanation, newAppointmentAt, warnedAt,
                bookVolume, bookNumber, supplementCount, supplementMinutes, supplementLate, extensionCount, stop, rowVersion,
                documents, history, supplements, apologies, files);
    }
}
