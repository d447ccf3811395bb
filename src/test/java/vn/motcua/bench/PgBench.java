package vn.motcua.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own ceiling on this machine: pgbench's default transaction (TPC-B-like: three updates, a select and an
 * insert, committed) in a database of its own, on 1 and 4 clients, in the same run as the benchmark.
 */
final class PgBench {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private final String host;
    private final String port;
    private final String user;
    private final String database = "motcua_pgbench";

    PgBench(String jdbcUrl, String user) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):?([0-9]*)/.*").matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(jdbcUrl);
        }
        this.host = m.group(1);
        this.port = m.group(2).isEmpty() ? "5432" : m.group(2);
        this.user = user;
    }

    /** Creates the pgbench tables at the scale factor (10 = 1,000,000 accounts). */
    void init(int scale) throws Exception {
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-qc", "drop database if exists " + database));
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-qc", "create database " + database));
        run(List.of("pgbench", "-h", host, "-p", port, "-U", user, "-i", "-q", "-s", String.valueOf(scale), database));
    }

    /** Transactions per second of the default script on this many clients for this many seconds. */
    double tps(int clients, int seconds) throws Exception {
        String out = run(List.of("pgbench", "-h", host, "-p", port, "-U", user, "-n", "-c", String.valueOf(clients), "-j",
                String.valueOf(clients), "-T", String.valueOf(seconds), database));
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    void drop() throws Exception {
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-qc", "drop database if exists " + database));
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out.toString();
    }
}
