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

    /**
     * On several nodes each job runs on one node at a time: the node that takes the job's row in {@code shedlock}
     * (the database's clock decides) runs it, the others skip that run.
     */
    @Configuration
    @EnableScheduling
    @net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock(defaultLockAtMostFor = "PT2M")
    @ConditionalOnProperty(name = "motcua.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }

    /**
     * The lock of the scheduled jobs, in the application's database (also used by the tests without scheduling). A node
     * that runs a job extends its lock while the job runs (every half of the job's lockAtMostFor), so lockAtMostFor can
     * stay short: when a node dies holding a lock, the others take the job over after at most that time (30 s for the
     * outbox, the notifications and the event retries; 2 min for the rest).
     */
    @Configuration
    static class Locks {
        @org.springframework.context.annotation.Bean
        net.javacrumbs.shedlock.core.LockProvider lockProvider(javax.sql.DataSource dataSource) {
            // not a bean: an Executor bean would make Spring Boot drop its bounded task executor for @Async listeners
            java.util.concurrent.ScheduledExecutorService lockKeepAlive = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "shedlock-keep-alive");
                t.setDaemon(true);
                return t;
            });
            return new net.javacrumbs.shedlock.support.KeepAliveLockProvider(new net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider(
                    net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider.Configuration.builder()
                            .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource)).usingDbTime().build()), lockKeepAlive);
        }
    }
}
