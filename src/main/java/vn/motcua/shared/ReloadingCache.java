package vn.motcua.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One value that is read on every request and changes rarely (today's agency tree, the legal rule sets), kept in
 * memory for a short time. A change made through this node drops it at once and again when the changing
 * transaction ends (commit or rollback); until then that transaction reads past the cache, so nobody else ever
 * sees what it has not committed. A change made on another node is seen once the time to live has passed.
 */
public final class ReloadingCache<K, V> {
    private record Entry<K, V>(K key, V value, long loadedAt, long generation) {
    }

    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Entry<K, V> entry;

    public ReloadingCache(Duration timeToLive) {
        this.ttlNanos = timeToLive.toNanos();
    }

    /** The value for the key: the cached one while fresh, else loaded (and kept unless a change came meanwhile). */
    public V get(K key, Function<K, V> loader) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return loader.apply(key);
        }
        long now = System.nanoTime();
        long current = generation.get();
        Entry<K, V> e = entry;
        if (e != null && e.generation() == current && Objects.equals(e.key(), key) && now - e.loadedAt() < ttlNanos) {
            return e.value();
        }
        V value = loader.apply(key);
        entry = new Entry<>(key, value, now, current);
        return value;
    }

    /** Call before changing what the value is read from. */
    public void invalidate() {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReloadingCache.this);
                    drop();
                }
            });
        }
    }

    private void drop() {
        // an entry loaded under an older generation is never served again, even if it is stored after this
        generation.incrementAndGet();
        entry = null;
    }
}
