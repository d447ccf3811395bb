package vn.motcua;

import vn.motcua.shared.ApplicationClock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in tests: the real time unless a test sets it (and resets it afterwards). */
public class MutableClock extends ApplicationClock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(LocalDateTime time) {
        fixed.set(time.atZone(VIETNAM).toInstant());
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    protected Instant current() {
        Instant f = fixed.get();
        return f != null ? f : Instant.now();
    }
}
