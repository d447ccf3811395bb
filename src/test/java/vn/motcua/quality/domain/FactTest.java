package vn.motcua.quality.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data rules of the index on single dossiers, by hand: end of processing, lateness at a moment, digitisation. */
class FactTest {
    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 10, 5, 9, 0);
    static final LocalDateTime DUE = LocalDateTime.of(2026, 10, 15, 9, 0);
    static final LocalDateTime OCT_END = LocalDateTime.of(2026, 11, 1, 0, 0);
    static final Fact.Inputs INPUTS = new Fact.Inputs(7, false, false, false, true, null, false, false);

    record D(DossierStatus status, LocalDateTime due, LocalDateTime processed, LocalDateTime finished, boolean late, int supplements,
             long supplementMinutes, boolean supplementLate, LocalDateTime newAppointment, List<DossierDocument> docs, List<DossierFile> files) {
        D status(DossierStatus s) {
            return new D(s, due, processed, finished, late, supplements, supplementMinutes, supplementLate, newAppointment, docs, files);
        }

        Dossier build() {
            return new Dossier(1, "G22.AB-261005-0001", 10, "1.001078", "Cấp phiếu lý lịch tư pháp", Channel.COUNTER, "STANDARD", 100, 200,
                    new Applicant("A", null, "0903123456", null, null), null, null, 2, 1, Delivery.COUNTER, status, RECEIVED.minusMinutes(5),
                    RECEIVED, RECEIVED, BigDecimal.TEN, due, null, null, null, null, null, null, null, null, processed, null, finished, late, null,
                    newAppointment, null, null, null, supplements, supplementMinutes, supplementLate, 0, Dossier.Stop.NONE, 0, docs, List.of(),
                    List.of(), List.of(), files);
        }
    }

    static D open() {
        return new D(DossierStatus.PROCESSING, DUE, null, null, false, 0, 0, false, null, List.of(), List.of());
    }

    static Fact fact(D d) {
        return Fact.of(d.build(), null, INPUTS, (a, b) -> BigDecimal.valueOf(Duration.between(a, b).toMinutes()).divide(BigDecimal.valueOf(480), 2,
                java.math.RoundingMode.HALF_UP));
    }

    static DossierFile file(DossierFile.Kind kind, Long stored) {
        return new DossierFile(1, 5L, null, "a.pdf", "application/pdf", 10, null, RECEIVED, "x", kind, stored, null);
    }

    @Test
    void processingEndsWhenTheResultIsApprovedNotWhenItIsHandedOver() {
        // approved on the due day, handed over two days later: on time (the end of processing has priority)
        LocalDateTime approved = DUE.minusHours(1);
        Fact f = fact(new D(DossierStatus.RETURNED, DUE, approved, DUE.plusDays(2), false, 0, 0, false, null, List.of(), List.of()));
        assertThat(f.endedAt()).isEqualTo(approved);
        assertThat(f.endKind()).isEqualTo("PROCESSED");
        assertThat(f.lateAt(OCT_END)).isFalse();
        assertThat(f.resultDocument()).isTrue();
    }

    @Test
    void returnedEarlyIsOnTime() {
        Fact f = fact(new D(DossierStatus.RETURNED, DUE, RECEIVED.plusDays(1), RECEIVED.plusDays(1), false, 0, 0, false, null, List.of(), List.of()));
        assertThat(f.lateAt(OCT_END)).isFalse();
        assertThat(f.handlingDays()).isEqualByComparingTo("3.00");
    }

    @Test
    void aWithdrawnOrStoppedDossierEndsWhenItStopped() {
        LocalDateTime at = RECEIVED.plusDays(3);
        Fact w = fact(new D(DossierStatus.WITHDRAWN, DUE, null, at, false, 0, 0, false, null, List.of(), List.of()));
        assertThat(w.endedAt()).isEqualTo(at);
        assertThat(w.endKind()).isEqualTo("WITHDRAWN");
        assertThat(w.lateAt(OCT_END)).isFalse();
        assertThat(w.resultDocument()).isFalse();
        Fact s = fact(new D(DossierStatus.STOPPED, DUE, null, DUE.plusDays(1), true, 0, 0, false, null, List.of(), List.of()));
        assertThat(s.endKind()).isEqualTo("STOPPED");
        assertThat(s.lateAt(OCT_END)).isTrue();
    }

    @Test
    void aSecondSupplementRequestMakesItLateEvenWhenFinishedInTime() {
        // paused twice (the supplement time is already out of its due time), finished before the due time
        Fact f = fact(new D(DossierStatus.RETURNED, DUE, DUE.minusDays(1), DUE.minusDays(1), false, 2, 960, false, null, List.of(), List.of()));
        assertThat(f.supplementLate()).isTrue();
        assertThat(f.lateAt(OCT_END)).isTrue();
        // the time waiting for the supplements (2 working days) is left out of the handling time
        // (the test's calendar counts every minute: 9 days = 27 "working days" of 480 minutes, less 960 minutes = 2)
        assertThat(f.handlingDays()).isEqualByComparingTo("25.00");
    }

    @Test
    void anApologyDoesNotMakeALateDossierOnTime() {
        // late flag set by the dossier module when its legal due time passed; the new appointment was kept
        Fact f = fact(new D(DossierStatus.RETURNED, DUE, DUE.plusDays(3), DUE.plusDays(3), true, 0, 0, false, DUE.plusDays(5), List.of(), List.of()));
        assertThat(f.lateAt(OCT_END)).isTrue();
    }

    @Test
    void anOpenDossierIsJudgedAtTheEndOfThePeriod() {
        Fact f = fact(open());
        // judged at the end of October: its due time (15 October) has passed → late
        assertThat(f.lateAt(OCT_END)).isTrue();
        // judged on 10 October (a period that ended then): still within time
        assertThat(f.lateAt(LocalDateTime.of(2026, 10, 11, 0, 0))).isFalse();
        // finished late after the period's end, but within time when the period ended
        Fact later = fact(new D(DossierStatus.RETURNED, LocalDateTime.of(2026, 11, 3, 9, 0), LocalDateTime.of(2026, 11, 5, 9, 0),
                LocalDateTime.of(2026, 11, 5, 9, 0), true, 0, 0, false, null, List.of(), List.of()));
        assertThat(later.lateAt(OCT_END)).isFalse();
        assertThat(later.lateAt(LocalDateTime.of(2026, 12, 1, 0, 0))).isTrue();
    }

    @Test
    void aPausedDossierWithoutDueTimeIsNotLateUnlessASecondRequestWasMade() {
        Fact f = fact(new D(DossierStatus.PAUSED, null, null, null, false, 1, 0, false, null, List.of(), List.of()));
        assertThat(f.paused()).isTrue();
        assertThat(f.lateAt(OCT_END)).isFalse();
    }

    @Test
    void digitisedMeansEveryComponentAndTheResult() {
        List<DossierDocument> docs = List.of(new DossierDocument(1, 5, "Tờ khai", 1, 0, true, true, null),
                new DossierDocument(2, 6, "CCCD", 0, 1, true, true, 99L), new DossierDocument(3, 7, "Không nộp", 0, 1, false, false, null));
        Fact noResult = fact(new D(DossierStatus.RETURNED, DUE, DUE, DUE, false, 0, 0, false, null, docs, List.of()));
        assertThat(noResult.digitised()).isFalse();
        assertThat(noResult.reused()).isTrue();
        Fact signed = fact(new D(DossierStatus.RETURNED, DUE, DUE, DUE, false, 0, 0, false, null, docs, List.of(file(DossierFile.Kind.RESULT, 42L))));
        assertThat(signed.digitised()).isTrue();
        assertThat(signed.eResult()).isTrue();
        assertThat(signed.citizenStore()).isTrue();
        List<DossierDocument> oneMissing = List.of(new DossierDocument(1, 5, "Tờ khai", 1, 0, true, false, null));
        assertThat(fact(new D(DossierStatus.PROCESSING, DUE, null, null, false, 0, 0, false, null, oneMissing, List.of())).digitised()).isFalse();
    }

    @Test
    void populationDataComesFromVneidTheRegistryOrTheDataStore() {
        Dossier d = open().build();
        assertThat(Fact.of(d, new DossierOrigin(null, true, null, null, null, null), INPUTS, (a, b) -> BigDecimal.ZERO).population()).isTrue();
        assertThat(Fact.of(d, new DossierOrigin(null, false, RECEIVED, "name", null, null), INPUTS, (a, b) -> BigDecimal.ZERO).population()).isTrue();
        assertThat(Fact.of(d, new DossierOrigin(null, false, null, null, null, null), INPUTS, (a, b) -> BigDecimal.ZERO).population()).isFalse();
    }

    @Test
    void aDossierNeverReceivedIsNotADossierOfTheIndex() {
        Dossier d = open().build();
        Dossier notReceived = new Dossier(d.id(), d.code(), d.procedureVersionId(), d.procedureCode(), d.procedureName(), d.channel(), d.processVariant(),
                d.receivingAgencyId(), d.handlingAgencyId(), d.applicant(), null, null, 2, 1, Delivery.COUNTER, DossierStatus.REFUSED, RECEIVED, null,
                null, BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, RECEIVED, false, null, null, null, null, null,
                0, 0, false, 0, Dossier.Stop.NONE, 0, List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(Fact.of(notReceived, null, INPUTS, (a, b) -> BigDecimal.ZERO)).isNull();
    }
}
