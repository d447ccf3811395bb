package vn.motcua;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore drill of docs/operations.md, on PostgreSQL: bin/backup dumps the running database (one snapshot) and
 * the file store, bin/restore checks the manifest and rebuilds them in a new database and folder; the restored
 * database has every table, the same rows in those no background work touches, and the files come back byte for byte.
 */
@IntegrationTest
class BackupRestoreDrillTest {
    static final List<String> STABLE = List.of("flyway_schema_history", "agency", "user_account", "tthc_procedure", "procedure_version",
            "publication_decision", "dossier", "dossier_history", "review_plan", "cost_assessment", "internal_procedure_version");

    @Autowired JdbcClient jdbc;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;

    @Test
    void aBackupRestoresIntoANewDatabaseWithEveryTableAndTheFiles() throws Exception {
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "the drill runs on PostgreSQL");
        Assumptions.assumeTrue(new File("/usr/bin/pg_dump").canExecute() || new File("/usr/local/bin/pg_dump").canExecute(), "pg_dump is installed");
        String schema = url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");
        String database = url.replaceAll("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+).*", "$1");
        Path work = Files.createTempDirectory("motcua-drill");
        Path data = Files.createDirectories(work.resolve("data/files/sha256/ab"));
        Files.writeString(data.resolve("abc"), "a stored file");
        Path backup = work.resolve("backup");
        String drill = "motcua_drill_" + ProcessHandle.current().pid();
        Map<String, Long> before = counts(jdbc, schema);

        run(Map.of("PGUSER", user, "PGDATABASE", database, "MOTCUA_BACKUP_SCHEMA", schema, "MOTCUA_DATA_DIR", work.resolve("data").toString()),
                "bin/backup", backup.toString());
        assertThat(backup.resolve("database.dump")).exists();
        assertThat(Files.readString(backup.resolve("MANIFEST.sha256"))).contains("database.dump", "files.tar.gz");
        Path restored = work.resolve("restored");
        try {
            run(Map.of("PGUSER", user, "MOTCUA_DATA_DIR", restored.toString()), "bin/restore", backup.toString(), drill);
            DriverManagerDataSource ds = new DriverManagerDataSource(url.replace("/" + database + "?", "/" + drill + "?"), user, "");
            Map<String, Long> after = counts(JdbcClient.create(ds), schema);
            assertThat(after.keySet()).as("every table is restored").isEqualTo(before.keySet());
            for (String table : STABLE) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
            assertThat(Files.readString(restored.resolve("files/sha256/ab/abc"))).isEqualTo("a stored file");
        } finally {
            jdbc.sql("drop database if exists " + drill).update();
        }
        // a damaged backup is refused before anything is dropped
        Files.writeString(backup.resolve("files.tar.gz"), "damaged");
        Process p = new ProcessBuilder("bin/restore", backup.toString(), drill).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isNotZero();
    }

    private static Map<String, Long> counts(JdbcClient db, String schema) {
        Map<String, Long> out = new TreeMap<>();
        for (String table : db.sql("select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'")
                .param(schema).query(String.class).list()) {
            out.put(table, db.sql("select count(*) from " + schema + "." + table).query(Long.class).single());
        }
        return out;
    }

    private static void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(env);
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
