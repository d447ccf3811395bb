package vn.motcua.shared.events;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Work done outside a user's request: event listeners run asynchronously after the change that published the
 * event committed; scheduled jobs (deadline warnings, retries of undelivered events) are off with
 * {@code motcua.scheduling.enabled=false} (the tests run them by hand).
 */
public final class BackgroundConfig {
    private BackgroundConfig() {
    }

    @Configuration
    @EnableAsync
    static class Async {
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "motcua.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
