package vn.motcua.shared;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Growing delays, the lock and forgetting, on a clock the test moves (no waiting). */
class AttemptLimiterTest {
    private Instant now = Instant.parse("2026-11-24T01:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AttemptLimiter limiter = new AttemptLimiter(clock, 3, Duration.ofSeconds(1), 6, Duration.ofMinutes(15), Duration.ofHours(1), 1000);

    @Test
    void freeFailuresThenDoublingDelaysThenALock() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blockedFor("a")).isEmpty();
            limiter.failed("a");
        }
        assertThat(limiter.blockedFor("a")).isEmpty();
        limiter.failed("a");                                  // 4th: wait 1 s
        assertThat(limiter.blockedFor("a")).contains(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(limiter.blockedFor("a")).isEmpty();
        limiter.failed("a");                                  // 5th: wait 2 s
        assertThat(limiter.blockedFor("a")).contains(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        limiter.failed("a");                                  // 6th: locked for 15 minutes
        assertThat(limiter.locked("a")).isTrue();
        now = now.plus(Duration.ofMinutes(14));
        assertThat(limiter.blockedFor("a")).contains(Duration.ofMinutes(1));
        assertThat(limiter.blockedFor("b")).as("other keys are not affected").isEmpty();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(limiter.blockedFor("a")).isEmpty();
    }

    @Test
    void successAndTimeForgetFailures() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("a");
        }
        limiter.succeeded("a");
        assertThat(limiter.failures("a")).isZero();
        for (int i = 0; i < 5; i++) {
            limiter.failed("a");
        }
        now = now.plus(Duration.ofHours(1));
        assertThat(limiter.failures("a")).isZero();
        assertThat(limiter.blockedFor("a")).isEmpty();
    }

    @Test
    void keepsAtMostTheGivenNumberOfKeys() {
        AttemptLimiter small = new AttemptLimiter(clock, 1, Duration.ofSeconds(1), 3, Duration.ofMinutes(1), Duration.ofMinutes(1), 10);
        for (int i = 0; i < 50; i++) {
            now = now.plusMillis(1);
            small.failed("k" + i);
        }
        assertThat(small.failures("k49")).isEqualTo(1);
        assertThat(small.failures("k0")).isZero();
    }
}
