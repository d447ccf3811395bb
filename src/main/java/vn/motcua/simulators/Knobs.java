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

    public record Settings(long delayMillis, int failNext, int failPercent, boolean down, boolean twice) {
    }

    public Settings settings() {
        return new Settings(delayMillis, failNext.get(), failPercent, down, twice);
    }

    public void set(Settings s) {
        delayMillis = Math.max(0, Math.min(s.delayMillis(), 120_000));
        failNext.set(Math.max(0, s.failNext()));
        failPercent = Math.max(0, Math.min(100, s.failPercent()));
        down = s.down();
        twice = s.twice();
    }

    public void reset() {
        set(new Settings(0, 0, 0, false, false));
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
