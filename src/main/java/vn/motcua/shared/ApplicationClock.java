package vn.motcua.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The clock of Việt Nam every module reads "now" from. The demo loader replays months of a province's
 * history through the real services by running each step at a past moment ({@link #at}), on its own
 * thread only; nothing else ever moves time.
 */
public class ApplicationClock extends Clock {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    /** Runs the work as if it were the given moment (Vietnamese local time), on this thread only. */
    public static <T> T at(LocalDateTime moment, Supplier<T> work) {
        Instant before = REPLAYED.get();
        REPLAYED.set(moment.atZone(VIETNAM).toInstant());
        try {
            return work.get();
        } finally {
            if (before == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(before);
            }
        }
    }

    /** The real time; subclasses (tests) may fix it. */
    protected Instant current() {
        return Instant.now();
    }

    @Override
    public final Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : current();
    }

    @Override
    public ZoneId getZone() {
        return VIETNAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MotCua works in the time of Việt Nam");
    }
}
