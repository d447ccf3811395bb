package vn.motcua.integration.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30), 12);

    @Test
    void theWaitDoublesFromTheBaseUpToTheMaximum() {
        assertThat(backoff.after(1, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(5, 0)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.after(9, 0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(40, 0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterAddsAtMostAFifth() {
        assertThat(backoff.after(1, 0.5)).isEqualTo(Duration.ofSeconds(11));
        assertThat(backoff.after(1, 5)).isLessThan(Duration.ofSeconds(12));
        assertThat(backoff.after(1, -1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aMessageGivesUpAfterTheLastAttempt() {
        assertThat(backoff.exhausted(11)).isFalse();
        assertThat(backoff.exhausted(12)).isTrue();
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
