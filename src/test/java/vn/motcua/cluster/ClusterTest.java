package vn.motcua.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.motcua.Browser;
import vn.motcua.IntegrationTest;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL schema behind nginx (docs/operations.md, "Several nodes"): a session started on
 * one node goes on on the other and through the proxy after a node is killed; a node killed with SIGKILL while intake and
 * transitions run at full speed loses nothing it acknowledged, leaves no dossier half-way, and the events and outbox
 * messages pending at the crash are delivered once after it. Runs on the PostgreSQL pass of the suite (an embedded
 * in-memory database cannot be shared by processes).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    static final String SCHEMA = "motcua_cluster";
    static final String PASSWORD = "MotCua@2026";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired JdbcClient suiteDb;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;

    Path dir;
    Node a;
    Node b;
    Proxy proxy;
    Broker broker;
    JdbcClient db;
    String components;
    long handling;
    long counterUnit;

    @BeforeAll
    void startTwoNodesAndTheProxy() throws Exception {
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "several nodes share a PostgreSQL database");
        Assumptions.assumeTrue(Files.isExecutable(Proxy.NGINX), "nginx is installed (bin/test installs it)");
        suiteDb.sql("drop schema if exists " + SCHEMA + " cascade").update();
        dir = Path.of("target/cluster").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        String clusterUrl = url.replaceAll("currentSchema=[A-Za-z0-9_]+", "currentSchema=" + SCHEMA);
        Path shared = Files.createDirectories(dir.resolve("shared"));
        // the national portal's simulator of node B stands in for the portal of both (it outlives node A's crashes)
        broker = Broker.open();
        String[] events = broker == null ? new String[0] : new String[]{"--motcua.broker.enabled=true", "--management.health.rabbit.enabled=true"};
        b = new Node("node-b", dir, clusterUrl, user, SCHEMA, shared, false, null, events);
        a = new Node("node-a", dir, clusterUrl, user, SCHEMA, shared, true, b.url() + "/sim/dvcqg/api", events);
        a.start();
        a.awaitReady(Duration.ofSeconds(180)); // migrates the schema and loads a small demo province
        b.start().awaitReady(Duration.ofSeconds(120));
        proxy = new Proxy(dir, List.of(a, b));
        db = JdbcClient.create(new DriverManagerDataSource(clusterUrl, user, ""));
        JsonNode procedure = JSON.readTree(new Browser().get(proxy.url() + "/api/v1/procedures/1.001078").body());
        List<String> ids = new ArrayList<>();
        procedure.path("components").forEach(c -> ids.add(c.path("id").asText()));
        components = String.join(",", ids);
        handling = db.sql("select id from agency where code = 'AG.STP'").query(Long.class).single();
        counterUnit = db.sql("select id from agency where code = 'AG.TTPVHCC'").query(Long.class).single();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{proxy, a, b, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeGoesOnOnTheOtherAndThroughTheProxy() throws Exception {
        Browser officer = new Browser();
        assertThat(officer.login(a.url(), "tiepnhan", PASSWORD)).as("login on node A").isTrue();
        HttpResponse<String> onB = officer.get(b.url() + "/can-bo");
        assertThat(onB.statusCode()).as("the session is known on node B").isEqualTo(200);
        assertThat(onB.body()).contains("Nguyễn Thị Mai");
        // a change on node B with the session's CSRF token
        HttpResponse<String> first = officer.postJson(b.url() + "/api/v1/dossiers", intake("Trần Văn Một", 1));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        Set<String> served = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = officer.get(proxy.url() + "/can-bo");
            assertThat(r.statusCode()).isEqualTo(200);
            served.add(r.headers().firstValue("X-Upstream").orElse(""));
        }
        assertThat(served).as("the proxy sends requests to both nodes").containsExactlyInAnyOrder("127.0.0.1:" + a.port, "127.0.0.1:" + b.port);

        // node A is killed in the next test, while three officers work on it: this session is checked there too
    }

    @Test
    @Order(2)
    void aNodeKilledAtFullSpeedLosesNothingItAcknowledgedAndWhatWasPendingIsDeliveredOnce() throws Exception {
        Browser counter = new Browser();
        Browser specialist = new Browser();
        Browser leader = new Browser();
        assertThat(counter.login(a.url(), "tiepnhan", PASSWORD)).isTrue();
        assertThat(specialist.login(a.url(), "chuyenvien.stp", PASSWORD)).isTrue();
        assertThat(leader.login(a.url(), "lanhdao.stp", PASSWORD)).isTrue();
        counter.get(a.url() + "/can-bo");
        specialist.get(a.url() + "/can-bo");
        leader.get(a.url() + "/can-bo");

        Map<Long, String> received = new ConcurrentHashMap<>();          // acknowledged intakes: id → code
        Map<Long, Integer> forwarded = new ConcurrentHashMap<>();        // acknowledged forwards per dossier
        Set<Long> inDoubt = ConcurrentHashMap.newKeySet();               // a request sent but not answered (the crash)
        BlockingQueue<JsonNode> atSpecialist = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> atLeader = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        workers.add(started(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    HttpResponse<String> r = counter.postJson(a.url() + "/api/v1/dossiers", intake("Người nộp " + i, 100 + i));
                    if (r.statusCode() != 201) {
                        System.out.println("intake refused: " + r.statusCode() + " " + r.body());
                        refused.incrementAndGet();
                        continue;
                    }
                    JsonNode d = JSON.readTree(r.body());
                    received.put(d.path("id").asLong(), d.path("code").asText());
                    atSpecialist.add(d);
                } catch (Exception crash) {
                    return;
                }
            }
        }));
        workers.add(started(() -> forwardAll(specialist, atSpecialist, atLeader, forwarded, inDoubt, stop, refused)));
        workers.add(started(() -> forwardAll(leader, atLeader, null, forwarded, inDoubt, stop, refused)));

        waitUntil(Duration.ofSeconds(60), () -> refused.get() > 0 || forwarded.values().stream().mapToInt(Integer::intValue).sum() >= 30, "transitions under way");
        a.kill();
        stop.set(true);
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(refused.get()).as("no request was refused before the crash").isZero();
        assertThat(received).hasSizeGreaterThan(10);
        System.out.printf("killed node A after %d intakes and %d transitions acknowledged, %d in doubt%n", received.size(),
                forwarded.values().stream().mapToInt(Integer::intValue).sum(), inDoubt.size());
        // the officer's session goes on through the proxy while node A is down, and a change goes to node B
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = counter.get(proxy.url() + "/can-bo");
            assertThat(r.statusCode()).as("still logged in after node A died").isEqualTo(200);
            assertThat(r.body()).contains("Nguyễn Thị Mai");
        }
        HttpResponse<String> after = counter.postJson(proxy.url() + "/api/v1/dossiers", intake("Trần Văn Hai", 2));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(after.headers().firstValue("X-Upstream").orElse("")).endsWith(":" + b.port);
        JsonNode afterCrash = JSON.readTree(after.body());
        received.put(afterCrash.path("id").asLong(), afterCrash.path("code").asText());
        assertThat(new Browser().get(proxy.url() + "/thu-tuc").statusCode()).isEqualTo(200);

        // node A comes back and takes its share again
        a.start().awaitReady(Duration.ofSeconds(120));
        waitUntil(Duration.ofSeconds(15), () -> {
            Set<String> again = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                again.add(uncheck(() -> counter.get(proxy.url() + "/can-bo")).headers().firstValue("X-Upstream").orElse(""));
            }
            return again.contains("127.0.0.1:" + a.port);
        }, "node A serves again");

        // every acknowledged dossier and transition is there exactly once
        for (Map.Entry<Long, String> e : received.entrySet()) {
            assertThat(db.sql("select count(*) from dossier where id = ? and code = ?").params(e.getKey(), e.getValue()).query(Long.class).single())
                    .as("dossier %s", e.getValue()).isEqualTo(1L);
            long forwards = db.sql("select count(*) from dossier_history where dossier_id = ? and action in ('FORWARD', 'APPROVE')").param(e.getKey())
                    .query(Long.class).single();
            int acknowledged = forwarded.getOrDefault(e.getKey(), 0);
            if (inDoubt.contains(e.getKey())) {
                assertThat(forwards).as("forwards of %s (one in doubt)", e.getValue()).isBetween((long) acknowledged, acknowledged + 1L);
            } else {
                assertThat(forwards).as("forwards of %s", e.getValue()).isEqualTo(acknowledged);
            }
        }
        // no dossier half-way: each one's state is the state its last history line led to, with its audit entry
        List<Map<String, Object>> halfWay = db.sql("""
                select d.code, d.status, h.to_status from dossier d
                join dossier_history h on h.id = (select max(id) from dossier_history where dossier_id = d.id)
                where d.status <> h.to_status""").query().listOfRows();
        assertThat(halfWay).as("dossiers whose state is not their history's last").isEmpty();
        assertThat(db.sql("select count(*) from dossier d where not exists (select 1 from dossier_history h where h.dossier_id = d.id)")
                .query(Long.class).single()).as("dossiers without history").isZero();
        for (Long id : received.keySet()) {
            assertThat(db.sql("select count(*) from audit_entry where subject_id = ?").param(String.valueOf(id)).query(Long.class).single())
                    .as("audit of dossier %d", id).isPositive();
        }
        // what was pending at the crash is delivered: the event registry empties, every portal message goes out once
        waitUntil(Duration.ofSeconds(90), () -> db.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() == 0, "pending events delivered");
        waitUntil(Duration.ofSeconds(90), () -> db.sql("select count(*) from outbox_message where status <> 'SENT'").query(Long.class).single() == 0,
                "outbox messages delivered");
        for (Map.Entry<Long, String> e : received.entrySet()) {
            assertThat(db.sql("select count(*) from outbox_message where dossier_id = ? and system = 'DVCQG'").param(e.getKey()).query(Long.class).single())
                    .as("portal messages of %s", e.getValue()).isPositive();
            assertThat(db.sql("select count(*) from notification_message where dossier_id = ? and event_key = 'RECEIVED' and channel = 'EMAIL'")
                    .param(e.getKey()).query(Long.class).single()).as("receipt e-mail of %s queued once", e.getValue()).isEqualTo(1L);
        }
        // and every dossier event reached the message broker (RabbitMQ), once after dropping repeats by message id
        if (broker != null) {
            // the registry is empty, and a publication completes only after the broker confirmed the message: all are queued
            Map<String, Broker.Received> messages = broker.drain(Duration.ofSeconds(1));
            for (Map.Entry<Long, String> e : received.entrySet()) {
                List<Broker.Received> of = messages.values().stream().filter(m -> m.code().equals(e.getValue())).toList();
                assertThat(of.stream().filter(m -> m.type().equals("received")).count()).as("'received' of %s on the broker", e.getValue()).isEqualTo(1L);
                long steps = db.sql("select count(*) from dossier_history where dossier_id = ? and action in ('FORWARD', 'APPROVE')")
                        .param(e.getKey()).query(Long.class).single();
                assertThat(of.stream().filter(m -> m.type().equals("step-completed")).count()).as("steps of %s on the broker", e.getValue())
                        .isEqualTo(steps);
            }
            System.out.printf("broker: %d distinct messages (%d repeats dropped)%n", messages.size(), broker.repeats());
        }
    }

    private void forwardAll(Browser officer, BlockingQueue<JsonNode> in, BlockingQueue<JsonNode> out, Map<Long, Integer> forwarded,
                            Set<Long> inDoubt, AtomicBoolean stop, AtomicInteger refused) {
        while (!stop.get()) {
            JsonNode d;
            try {
                d = in.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (d == null) {
                continue;
            }
            long id = d.path("id").asLong();
            try {
                inDoubt.add(id);
                HttpResponse<String> r = officer.postJson(a.url() + "/api/v1/dossiers/" + id + "/forward",
                        "{\"rowVersion\":" + d.path("rowVersion").asLong() + ",\"note\":\"Đã xem xét\",\"outcome\":\"GRANTED\",\"resultText\":\"Phiếu số " + id + "\"}");
                if (r.statusCode() != 200) {
                    System.out.println("forward refused: " + r.statusCode() + " " + r.body());
                    refused.incrementAndGet();
                    inDoubt.remove(id);
                    continue;
                }
                forwarded.merge(id, 1, Integer::sum);
                inDoubt.remove(id);
                if (out != null) {
                    out.add(JSON.readTree(r.body()));
                }
            } catch (Exception crash) {
                return;
            }
        }
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    private String intake(String name, int n) {
        return """
                {"procedureCode":"1.001078","channel":"COUNTER","receivingAgencyId":%d,"handlingAgencyId":%d,
                 "applicant":{"name":"%s","idNumber":"%012d","phone":"09%08d","email":"nguoinop%d@example.vn","address":"Long Xuyên"},
                 "presentComponentIds":[%s],"decision":"ACCEPT"}""".formatted(counterUnit, handling, name, 89_100_000_000L + n, n, n, components);
    }

    private static void waitUntil(Duration limit, Supplier<Boolean> condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T uncheck(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
