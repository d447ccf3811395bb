package vn.motcua.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotCuaApplication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmarks share: the PostgreSQL they run on ({@code -Dbench.url}, {@code bench.user}, {@code bench.password};
 * default 127.0.0.1:5432, database test), a schema of their own dropped before (and after), and the application started on
 * it with a 30-day demo province, no scheduled jobs and a random port.
 */
final class BenchApp {
    static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("bench.user", "postgres");
    static final String PASSWORD = System.getProperty("bench.password", "");

    private BenchApp() {
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** The application on the schema (dropped first), with the extra properties given. */
    static ConfigurableApplicationContext start(String schema, String... extra) throws SQLException {
        dropSchema(schema);
        List<String> properties = new ArrayList<>(List.of(
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--motcua.scheduling.enabled=false",
                "--motcua.demo-data.history-days=30",
                "--server.port=0",
                "--logging.level.root=WARN"));
        properties.addAll(Arrays.asList(extra));
        return new SpringApplication(MotCuaApplication.class).run(properties.toArray(String[]::new));
    }
}
