package vn.motcua;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicBoolean;

/** On PostgreSQL the test schema is wiped once per run, so every run starts from the migrations. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfig {
    private static final AtomicBoolean CLEANED = new AtomicBoolean();

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
