package vn.motcua.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing (passwords, tracking secrets, anonymous forms): per key (an account, a client address, a
 * dossier code), the first {@code freeFailures} failures cost nothing; every further one makes the next attempt wait
 * twice as long as the one before ({@code firstDelay}, 2×, 4×, …); after {@code lockAfter} failures the key is locked
 * for {@code lockFor}. A key's failures are forgotten {@code forgetAfter} after its last failure, or by a success.
 * Plain Java with an injectable clock; at most {@code maxKeys} keys are kept (the oldest are dropped first).
 */
public final class AttemptLimiter {
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final int lockAfter;
    private final Duration lockFor;
    private final Duration forgetAfter;
    private final int maxKeys;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public AttemptLimiter(Clock clock, int freeFailures, Duration firstDelay, int lockAfter, Duration lockFor, Duration forgetAfter, int maxKeys) {
        if (freeFailures < 0 || lockAfter <= freeFailures) {
            throw new IllegalArgumentException("lockAfter must be greater than freeFailures");
        }
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
        this.forgetAfter = forgetAfter;
        this.maxKeys = maxKeys;
    }

    private record State(int failures, Instant lastFailure) {
    }

    /** How long the key must still wait before its next attempt is even checked; empty when it may try now. */
    public Optional<Duration> blockedFor(String key) {
        State s = current(key);
        if (s == null || s.failures() <= freeFailures) {
            return Optional.empty();
        }
        Instant until = s.lastFailure().plus(wait(s.failures()));
        Instant now = clock.instant();
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Whether the key is locked (not just slowed down). */
    public boolean locked(String key) {
        State s = current(key);
        return s != null && s.failures() >= lockAfter && blockedFor(key).isPresent();
    }

    public void failed(String key) {
        if (states.size() >= maxKeys && !states.containsKey(key)) {
            prune();
        }
        Instant now = clock.instant();
        states.compute(key, (k, s) -> {
            int n = s == null || expired(s, now) ? 0 : s.failures();
            return new State(n + 1, now);
        });
    }

    public void succeeded(String key) {
        states.remove(key);
    }

    public int failures(String key) {
        State s = current(key);
        return s == null ? 0 : s.failures();
    }

    /** Forgets everything (tests, or an administrator lifting every lock). */
    public void clear() {
        states.clear();
    }

    private Duration wait(int failures) {
        if (failures >= lockAfter) {
            return lockFor;
        }
        int extra = failures - freeFailures - 1;
        Duration d = firstDelay.multipliedBy(1L << Math.min(extra, 20));
        return d.compareTo(lockFor) > 0 ? lockFor : d;
    }

    private State current(String key) {
        State s = states.get(key);
        if (s != null && expired(s, clock.instant())) {
            states.remove(key, s);
            return null;
        }
        return s;
    }

    private boolean expired(State s, Instant now) {
        Duration keep = forgetAfter.compareTo(lockFor) > 0 ? forgetAfter : lockFor;
        return !now.isBefore(s.lastFailure().plus(keep));
    }

    private void prune() {
        Instant now = clock.instant();
        states.entrySet().removeIf(e -> expired(e.getValue(), now));
        if (states.size() >= maxKeys) {
            states.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.lastFailure().compareTo(b.lastFailure())))
                    .ifPresent(e -> states.remove(e.getKey()));
        }
    }
}
