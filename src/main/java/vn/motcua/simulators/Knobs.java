package vn.motcua.simulators;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a simulated system misbehaves: answer slowly, fail the next N calls, fail a share of calls, stop answering
 * (time out), be down, or answer (call back) twice. Changed on the simulator page or through its control endpoint.
 */
public final class Knobs {
    public enum Trouble { NONE, FAIL, TIMEOUT }

    private volatile long delayMillis;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failPercent;
    private volatile boolean down;
    private volatile boolean twice;
    private volatile long timeoutMillis = 30_000;
    private volatile int timeoutPercent;

    /**
     * @param timeoutPercent the share of calls that are applied but never answered in time (the answer is lost after
     *                       {@code timeoutMillis}: the caller must try again with the same idempotency key)
     */
    public record Settings(long delayMillis, int failNext, int failPercent, boolean down, boolean twice, int timeoutPercent, long timeoutMillis) {
        public Settings(long delayMillis, int failNext, int failPercent, boolean down, boolean twice) {
            this(delayMillis, failNext, failPercent, down, twice, 0, -1);
        }
    }

    public Settings settings() {
        return new Settings(delayMillis, failNext.get(), failPercent, down, twice, timeoutPercent, timeoutMillis);
    }

    public void set(Settings s) {
        delayMillis = Math.max(0, Math.min(s.delayMillis(), 120_000));
        failNext.set(Math.max(0, s.failNext()));
        failPercent = Math.max(0, Math.min(100, s.failPercent()));
        down = s.down();
        twice = s.twice();
        timeoutPercent = Math.max(0, Math.min(100, s.timeoutPercent()));
        if (s.timeoutMillis() >= 0) { // -1: keep
            timeoutMillis = Math.min(s.timeoutMillis(), 120_000);
        }
    }

    /** Whether this call's answer is lost: the change was applied, then the simulator stops answering for a while. */
    public boolean loseAnswer() {
        if (timeoutPercent > 0 && ThreadLocalRandom.current().nextInt(100) < timeoutPercent) {
            sleep(timeoutMillis);
            return true;
        }
        return false;
    }

    public void reset() {
        set(new Settings(0, 0, 0, false, false, 0, -1));
    }

    public boolean twice() {
        return twice;
    }

    void timeoutMillis(long millis) {
        timeoutMillis = millis;
    }

    /** Waits as configured, then says whether this call should fail (or hang, when the system is down for good). */
    public Trouble call() {
        sleep(delayMillis);
        if (down) {
            sleep(timeoutMillis);
            return Trouble.TIMEOUT;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Trouble.FAIL;
        }
        if (failPercent > 0 && ThreadLocalRandom.current().nextInt(100) < failPercent) {
            return Trouble.FAIL;
        }
        return Trouble.NONE;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
