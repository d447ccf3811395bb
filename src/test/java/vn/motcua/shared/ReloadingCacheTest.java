package vn.motcua.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadingCacheTest {
    private final AtomicInteger loads = new AtomicInteger();
    private String stored = "v1";

    private String load(String key) {
        loads.incrementAndGet();
        return key + ":" + stored;
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void keepsTheValueForItsKeyWhileFresh() {
        ReloadingCache<String, String> cache = new ReloadingCache<>(Duration.ofMinutes(1));
        assertThat(cache.get("a", this::load)).isEqualTo("a:v1");
        assertThat(cache.get("a", this::load)).isEqualTo("a:v1");
        assertThat(loads).hasValue(1);
        assertThat(cache.get("b", this::load)).isEqualTo("b:v1");
        assertThat(loads).hasValue(2);
    }

    @Test
    void reloadsAfterTheTimeToLive() {
        ReloadingCache<String, String> cache = new ReloadingCache<>(Duration.ZERO);
        cache.get("a", this::load);
        stored = "v2";
        assertThat(cache.get("a", this::load)).isEqualTo("a:v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeOutsideATransactionIsSeenAtOnce() {
        ReloadingCache<String, String> cache = new ReloadingCache<>(Duration.ofMinutes(1));
        cache.get("a", this::load);
        stored = "v2";
        cache.invalidate();
        assertThat(cache.get("a", this::load)).isEqualTo("a:v2");
    }

    @Test
    void theChangingTransactionReadsPastTheCacheAndTheOthersSeeTheChangeWhenItEnds() {
        ReloadingCache<String, String> cache = new ReloadingCache<>(Duration.ofMinutes(1));
        cache.get("a", this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.invalidate();
        stored = "v2";
        // inside the changing transaction: always fresh, and nothing uncommitted is kept for others
        assertThat(cache.get("a", this::load)).isEqualTo("a:v2");
        assertThat(cache.get("a", this::load)).isEqualTo("a:v2");
        int during = loads.get();
        stored = "v1";
        // the transaction rolls back
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(TransactionSynchronizationManager.hasResource(cache)).isFalse();
        assertThat(cache.get("a", this::load)).isEqualTo("a:v1");
        assertThat(loads.get()).isEqualTo(during + 1);
        assertThat(cache.get("a", this::load)).isEqualTo("a:v1");
        assertThat(loads.get()).isEqualTo(during + 1);
    }
}
