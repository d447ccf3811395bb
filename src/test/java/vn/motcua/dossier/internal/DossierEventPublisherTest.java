package vn.motcua.dossier.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierEvents;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier module's events and their one summary per transaction and dossier, without Spring's container. */
class DossierEventPublisherTest {
    static final LocalDateTime T = LocalDateTime.of(2026, 12, 7, 9, 0);

    final List<Object> published = new ArrayList<>();
    final DossierEventPublisher publisher = new DossierEventPublisher(published::add);

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    static DossierEvents.Submitted submitted(long id) {
        return new DossierEvents.Submitted(id, "HS-" + id, T, Channel.COUNTER, "1.001078", 3);
    }

    static DossierEvents.Received received(long id, LocalDateTime at) {
        return new DossierEvents.Received(id, "HS-" + id, at, 3, 4, at, at.plusDays(5), "QT-2025");
    }

    /** What a transaction manager does at commit: every synchronization's beforeCommit, in order. */
    static void commit() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.beforeCommit(false);
        }
    }

    @Test
    void withoutATransactionEachEventIsFollowedByItsOwnSummary() {
        publisher.publish(submitted(1));
        publisher.publish(received(1, T));
        assertThat(published).containsExactly(submitted(1), new DossierEvents.Changed(1, "HS-1", T, Set.of("Submitted")),
                received(1, T), new DossierEvents.Changed(1, "HS-1", T, Set.of("Received")));
    }

    @Test
    void aTransactionGetsOneSummaryPerDossierWhenItCommits() {
        TransactionSynchronizationManager.initSynchronization();
        publisher.publish(submitted(1));
        publisher.publish(submitted(2));
        publisher.publish(received(1, T.plusMinutes(1)));
        // the events themselves go out at once (the registry stores them in the transaction); the summaries wait
        assertThat(published).containsExactly(submitted(1), submitted(2), received(1, T.plusMinutes(1)));
        assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);

        commit();
        assertThat(published.subList(3, published.size())).containsExactly(
                new DossierEvents.Changed(1, "HS-1", T.plusMinutes(1), Set.of("Submitted", "Received")),
                new DossierEvents.Changed(2, "HS-2", T, Set.of("Submitted")));
    }

    @Test
    void anEventPublishedWhileTheTransactionCommitsIsNotLost() {
        TransactionSynchronizationManager.initSynchronization();
        publisher.publish(submitted(1));
        // another synchronization, ordered after the summary's, publishes a dossier event while committing
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                publisher.publish(received(1, T.plusMinutes(2)));
            }
        });
        commit();
        assertThat(published).containsExactly(submitted(1), new DossierEvents.Changed(1, "HS-1", T, Set.of("Submitted")),
                received(1, T.plusMinutes(2)), new DossierEvents.Changed(1, "HS-1", T.plusMinutes(2), Set.of("Received")));
    }

    @Test
    void aTransactionStartedInsideAnotherKeepsItsOwnSummary() {
        TransactionSynchronizationManager.initSynchronization();
        publisher.publish(submitted(1));
        // REQUIRES_NEW: the outer transaction's synchronizations are suspended while the inner one runs
        List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        publisher.publish(received(2, T));
        commit();
        assertThat(published).containsExactly(submitted(1), received(2, T), new DossierEvents.Changed(2, "HS-2", T, Set.of("Received")));
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        commit();
        assertThat(published).last().isEqualTo(new DossierEvents.Changed(1, "HS-1", T, Set.of("Submitted")));
    }

    @Test
    void theSummaryAnswersWhatListenersAskOfIt() {
        var c = new DossierEvents.Changed(1, "HS-1", T, Set.of("StepCompleted", "ResultApproved"));
        assertThat(c.anyOf("Received", "ResultApproved")).isTrue();
        assertThat(c.anyOf("Received", "Digitised")).isFalse();
        assertThat(c.only("StepCompleted")).isFalse();
        assertThat(new DossierEvents.Changed(1, "HS-1", T, Set.of("DueSoon")).only("DueSoon")).isTrue();
    }
}
