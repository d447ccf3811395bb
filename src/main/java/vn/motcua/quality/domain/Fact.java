package vn.motcua.quality.domain;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

/**
 * What the index needs of one received dossier (a row of {@code quality_fact}), with the data rules of
 * {@code docs/service-index.md}:
 * <ul>
 *   <li><b>end of processing</b> — the first of: processed (result approved), result returned, stopped / refused /
 *       withdrawn, in that priority;</li>
 *   <li><b>late</b> — ended after its legal due time (an apology's new appointment does not make it on time), or a
 *       second supplement request was made ({@code supplementLate}); an open dossier is judged when the period ends
 *       (by its due time then);</li>
 *   <li>supplement time is outside the time limit already: the due time moves when a complete supplement arrives.</li>
 * </ul>
 */
public record Fact(long dossierId, String code, String procedureCode, String procedureName, long unitId, long handlingAgencyId,
                   LocalDate receivedOn, LocalDateTime receivedAt, String channel, String status, LocalDateTime dueAt, LocalDateTime endedAt,
                   String endKind, boolean late, int supplementCount, boolean supplementLate, BigDecimal handlingDays, boolean feeBearing,
                   boolean paidOnline, boolean resultDocument, boolean eResult, boolean digitised, boolean reused, boolean certifiedCopy,
                   boolean eCopy, boolean citizenStore, boolean population, boolean synced, String rating, boolean unhappy) {

    /** What other modules say about the dossier, read by the listener. */
    public record Inputs(long unitId, boolean feeBearing, boolean paidOnline, boolean certifiedCopyProcedure, boolean synced, String rating,
                         boolean unhappyRating, boolean feedback) {
    }

    /**
     * The fact of a received dossier; null when it was never received (refused at intake or still waiting there: not
     * a dossier of the index). {@code workingDays} measures the handling time between two moments.
     */
    public static Fact of(Dossier d, DossierOrigin origin, Inputs in, BiFunction<LocalDateTime, LocalDateTime, BigDecimal> workingDays) {
        if (d.receivedAt() == null) {
            return null;
        }
        LocalDateTime endedAt = null;
        String endKind = null;
        if (d.processedAt() != null) {
            endedAt = d.processedAt();
            endKind = "PROCESSED";
        } else if (d.status().terminal() && d.finishedAt() != null) {
            endedAt = d.finishedAt();
            endKind = d.status().name();
        }
        BigDecimal handling = null;
        if (endedAt != null && endedAt.isAfter(d.receivedAt())) {
            BigDecimal all = workingDays.apply(d.receivedAt(), endedAt);
            BigDecimal paused = BigDecimal.valueOf(d.supplementMinutes()).divide(BigDecimal.valueOf(480), 2, java.math.RoundingMode.HALF_UP);
            handling = all.subtract(paused).max(BigDecimal.ZERO);
        }
        boolean eResult = d.files().stream().anyMatch(f -> f.kind() == DossierFile.Kind.RESULT);
        boolean resultStored = d.files().stream().anyMatch(f -> f.kind() == DossierFile.Kind.RESULT && f.storedDocumentId() != null);
        boolean reusedFile = d.files().stream().anyMatch(f -> f.kind() == DossierFile.Kind.REUSED);
        boolean reused = reusedFile || d.documents().stream().anyMatch(DossierDocument::reused);
        boolean resultDocument = d.processedAt() != null;
        boolean componentsDigitised = d.documents().stream().filter(DossierDocument::present).allMatch(DossierDocument::digitised);
        boolean digitised = componentsDigitised && (!resultDocument || eResult);
        boolean eCopy = d.files().stream().anyMatch(f -> f.kind() == DossierFile.Kind.CERTIFIED_COPY);
        boolean population = origin != null && (origin.applicantVneid() || origin.populationCheckedAt() != null) || reusedFile;
        boolean supplementLate = d.supplementLate() || d.supplementCount() > 1;
        boolean unhappy = in.unhappyRating() || in.feedback();
        return new Fact(d.id(), d.code(), d.procedureCode(), d.procedureName(), in.unitId(), d.handlingAgencyId(), d.receivedAt().toLocalDate(),
                d.receivedAt(), d.channel().name(), d.status().name(), d.dueAt(), endedAt, endKind, d.late(), d.supplementCount(), supplementLate,
                handling, in.feeBearing(), in.paidOnline(), resultDocument, eResult, digitised, reused, in.certifiedCopyProcedure(), eCopy,
                reusedFile || resultStored, population, in.synced(), in.rating(), unhappy);
    }

    /** Late when judged at {@code at} (the period's end or now): ended late, or still open past its due time then. */
    public boolean lateAt(LocalDateTime at) {
        if (supplementLate) {
            return true;
        }
        if (endedAt != null && !endedAt.isAfter(at)) {
            return late;
        }
        return dueAt != null && dueAt.isBefore(at);
    }

    public boolean paused() {
        return DossierStatus.PAUSED.name().equals(status);
    }
}
