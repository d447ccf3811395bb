package vn.motcua;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test set-up shared by every integration test: a clock tests can move, and on PostgreSQL a schema wiped
 * once per run, so every run starts from the migrations.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfig {
    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /** Replaces the system clock so that tests can move time (deadlines, pauses, lateness). */
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    /** A listener of dossier events that a test can make fail, to see that nothing is lost and the event is retried. */
    @Bean
    FlakyListener flakyListener() {
        return new FlakyListener();
    }

    /** Gives the demo administrator a known second factor, for {@link TestLogins#admin()}. */
    @Bean
    TestLogins testLogins(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new TestLogins(jdbc);
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(@Value("${motcua.test.clean-database:false}") boolean clean) {
        return flyway -> {
            if (clean && CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
