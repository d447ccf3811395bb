package vn.motcua.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One application node in a process of its own: the application's classes and libraries (not the tests'), its own port,
 * mail simulator and log, the cluster's database schema and file store. {@link #kill()} is SIGKILL: no shutdown hook runs.
 */
final class Node implements AutoCloseable {
    final String name;
    final int port;
    final Path log;
    private final List<String> command;
    private Process process;

    Node(String name, Path dir, String databaseUrl, String databaseUser, String schema, Path files, boolean demo, String portalUrl,
         String... extra) throws IOException {
        this.name = name;
        this.port = freePort();
        this.log = dir.resolve(name + ".log");
        int smtp = freePort();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
        command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=" + java.util.TimeZone.getDefault().getID(),
                "-cp", classpath, "vn.motcua.MotCuaApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + databaseUser,
                "--spring.flyway.schemas=" + schema,
                "--motcua.demo-data.enabled=" + demo,
                "--motcua.demo-data.history-days=2",
                "--motcua.demo-data.dossiers-per-day=1",
                "--motcua.simulators.smtp-port=" + smtp,
                "--spring.mail.port=" + smtp,
                "--motcua.documents.storage-dir=" + files.resolve("files"),
                "--motcua.documents.signing.keystore=" + files.resolve("demo-ca.p12"),
                "--motcua.forms.dir=" + files.resolve("forms"),
                "--motcua.integration.outbox.interval=PT1S",
                "--motcua.notification.send-interval=PT1S",
                "--motcua.events.retry-after=PT10S",
                "--motcua.events.retry-interval=PT2S",
                "--spring.thymeleaf.cache=true",
                "--logging.level.root=WARN",
                "--logging.level.vn.motcua=INFO"));
        if (portalUrl != null) {
            command.add("--motcua.integration.portal.url=" + portalUrl);
        }
        command.addAll(List.of(extra));
    }

    /** Starts the process; returns at once (see {@link #awaitReady}). */
    Node start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Waits until the node answers that it accepts traffic (its start-up work, the demo province included, is done). */
    Node awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped: " + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + limit + ": " + tail());
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
