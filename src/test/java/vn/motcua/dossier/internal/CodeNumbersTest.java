package vn.motcua.dossier.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dossier codes' numbers are committed when taken, so an intake does not wait for another's whole transaction; a
 * register's numbers stay with their transaction, so a rolled-back entry leaves no gap. Both databases.
 */
@IntegrationTest
class CodeNumbersTest {
    @Autowired CodeNumbers codeNumbers;
    @Autowired DossierStore store;
    @Autowired TransactionTemplate tx;

    @Test
    void numbersTakenAtOnceFromManyThreadsAreDistinctAndRunOn() throws Exception {
        String scope = "code:test:" + UUID.randomUUID();
        Set<Long> taken = new ConcurrentSkipListSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        assertThat(taken.add(codeNumbers.next(scope))).as("a number given twice").isTrue();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void anIntakeStillOpenDoesNotHoldTheNextOneBackAndARolledBackIntakeLeavesItsNumberUnused() throws Exception {
        String scope = "code:test:" + UUID.randomUUID();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<Long> seen = new ArrayList<>();
            tx.executeWithoutResult(status -> {
                seen.add(codeNumbers.next(scope));
                try {
                    // another intake, while this one's transaction is still open: it gets the next number without waiting
                    seen.add(other.submit(() -> codeNumbers.next(scope)).get(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new AssertionError("the second intake waited for the first one's transaction", e);
                }
                status.setRollbackOnly();
            });
            seen.add(codeNumbers.next(scope));
            assertThat(seen).containsExactly(1L, 2L, 3L);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aRegistersNumberRolledBackWithItsEntryIsGivenAgain() {
        String scope = "book:test:" + UUID.randomUUID();
        Set<Long> seen = new TreeSet<>();
        tx.executeWithoutResult(status -> {
            seen.add(store.next(scope));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> seen.add(store.next(scope)));
        tx.executeWithoutResult(status -> seen.add(store.next(scope)));
        assertThat(seen).containsExactly(1L, 2L);
    }
}
