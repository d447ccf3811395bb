package vn.motcua.quality.internal;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.DossierEvents;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener's condition names the dossier events by their simple names: each must be one. */
class QualityListenerTest {
    @Test
    void everyKindTheListenerWaitsForIsADossierEvent() {
        List<String> kinds = Arrays.stream(QualityListener.READS.split(",")).map(k -> k.replace("'", "")).toList();
        List<String> events = Arrays.stream(DossierEvents.Event.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
        assertThat(kinds).hasSize(14).doesNotHaveDuplicates();
        assertThat(events).containsAll(kinds).contains("DueSoon");
        // what the index does not read: a step handed on, an assignment, a warning, a submission not yet received
        assertThat(kinds).doesNotContain("StepCompleted", "SentBack", "Assigned", "DueSoon", "Submitted");
    }
}
