package vn.motcua.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The load test's mix (bin/load-test): 1,000 users by default, each of them one of
 * <ul>
 *   <li>citizens (80 %): the catalog's search page, a procedure page, the public API's search, the public tracking of
 *       one of the generated dossiers (code, tracking code, last four digits) — reads;</li>
 *   <li>the national portal handing over online dossiers (5 %, HMAC-signed, with a PDF per required component), counter
 *       officers receiving dossiers through the API (7.5 %) and specialists forwarding the dossiers waiting at their
 *       step (7.5 %) — writes, each officer logged in once through the login form;</li>
 * </ul>
 * each user waiting 1–3 s between actions. Phases: ramp to the users in 60 s, steady for {@code -Dsteady} seconds
 * (default 180; 1800 for the soak), a spike to five times the users for 60 s (four times as many more arrive within
 * 5 s and each leaves after its minute), back to the users for 120 s ({@code -Dspike=false}: ramp and steady phase
 * only, for the steady state's percentiles); a probe
 * user measures a read and a tracking request every second throughout (target/load/probe.csv), from which the
 * recovery after the spike is computed. Assertions: the targets of docs/benchmarks.md.
 */
public class MotCuaSimulation extends Simulation {
    static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8090");
    static final int USERS = Integer.getInteger("users", 1000);
    static final int STEADY = Integer.getInteger("steady", 180);
    static final boolean SPIKED = !"false".equals(System.getProperty("spike"));
    static final int DOSSIERS = Integer.getInteger("dossiers", 1_000_000);
    static final String PORTAL_SECRET = System.getProperty("portalSecret", "demo-khoa-dvcqg");
    static final Path DIR = Path.of(System.getProperty("loadDir", "target/load"));
    static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    static final ConcurrentLinkedQueue<String> PROBE = new ConcurrentLinkedQueue<>();

    final String intake = read("intake.json");
    final String handover = read("handover.json");

    final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptLanguageHeader("vi").userAgentHeader("motcua-load-test")
            .disableCaching().shareConnections();

    // ---- citizens: reads
    static final String[] TERMS = {"ly lich tu phap", "khai sinh", "dat dai", "ho kinh doanh", "chung thuc", "xay dung", "ket hon"};
    final ChainBuilder citizen = exec(session -> {
        int k = 1 + ThreadLocalRandom.current().nextInt(DOSSIERS);
        String phone = String.format("%08d", k % 100_000_000);
        return session.set("term", TERMS[ThreadLocalRandom.current().nextInt(TERMS.length)])
                .set("code", String.format("BENCH-%08d", k)).set("secret", String.format("B%09d", k)).set("check", phone.substring(4));
    }).group("reads").on(
            exec(http("search page").get("/thu-tuc").queryParam("q", "#{term}").check(status().is(200)))
                    .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                    .exec(http("procedure page").get("/thu-tuc/1.001078").check(status().is(200)))
                    .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                    .exec(http("API search").get("/api/v1/procedures").queryParam("q", "#{term}").header("Accept", "application/json")
                            .check(status().is(200)))
                    .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                    .exec(http("tracking").post("/api/v1/tracking").header("Content-Type", "application/json").header("Accept", "application/json")
                            .body(StringBody("{\"code\":\"#{code}\",\"secret\":\"#{secret}\",\"check\":\"#{check}\"}")).check(status().is(200))))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));

    // ---- officers: a login, then writes
    static ChainBuilder login(String username) {
        return exec(http("login page").get("/dang-nhap").check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("login").post("/dang-nhap").formParam("username", username).formParam("password", "MotCua@2026")
                        .formParam("_csrf", "#{csrf}").disableFollowRedirect().check(status().is(302)))
                .exec(http("officer page").get("/can-bo").check(status().is(200)).check(css("input[name=_csrf]", "value").saveAs("csrf")));
    }

    final ChainBuilder counter = exec(session -> session.set("name", "Người nộp tải " + SEQ.incrementAndGet())
            .set("idNumber", String.format("%012d", 79_000_000_000L + SEQ.get() % 1_000_000_000L))
            .set("phone", String.format("09%08d", SEQ.get() % 100_000_000)))
            .group("writes").on(exec(http("counter intake").post("/api/v1/dossiers").header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-CSRF-TOKEN", "#{csrf}").body(StringBody(intake)).check(status().is(201))))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));

    static ChainBuilder specialist(String transitions) {
        return feed(csv(DIR.resolve(transitions).toString()).queue())
                .group("writes").on(exec(http("forward").post("/api/v1/dossiers/#{id}/forward").header("Content-Type", "application/json")
                        .header("Accept", "application/json").header("X-CSRF-TOKEN", "#{csrf}")
                        .body(StringBody("{\"rowVersion\":#{rowVersion},\"note\":\"Đã thẩm định\"}")).check(status().is(200))))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    final ChainBuilder portal = exec(session -> {
        long s = SEQ.incrementAndGet();
        String body = handover.replace("#{portalCode}", "G22.99-LOAD-" + s).replace("#{name}", "Công dân trực tuyến " + s)
                .replace("#{idNumber}", String.format("%012d", 89_000_000_000L + s % 1_000_000_000L))
                .replace("#{phone}", String.format("09%08d", s % 100_000_000));
        return session.set("body", body).set("signature", vn.motcua.shared.Hmac.sha256Hex(PORTAL_SECRET, body));
    }).group("writes").on(exec(http("portal hand-over").post("/api/v1/partners/portal/dossiers").header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-Client-Id", "DVCQG").header("X-Signature", "#{signature}")
                    .body(StringBody("#{body}")).check(status().in(200, 201))))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));

    final ChainBuilder probe = exec(http("probe read").get("/thu-tuc/1.001078").check(status().is(200)).check(responseTimeInMillis().saveAs("rt")))
            .exec(session -> {
                PROBE.add(System.currentTimeMillis() + "," + session.getInt("rt"));
                return session;
            })
            .pause(Duration.ofSeconds(1));

    /**
     * The users of the whole run: they act until the end (a closed population never shrinks while its users stay). An
     * officer whose login failed leaves (and another takes the place): without the officers' page's token every request
     * would be refused.
     */
    ScenarioBuilder users(String name, ChainBuilder login, ChainBuilder loop) {
        return loggedIn(scenario(name), login).forever().on(loop);
    }

    /** The spike's extra users: they come, act for a minute and leave. */
    ScenarioBuilder spike(String name, ChainBuilder login, ChainBuilder loop) {
        return loggedIn(scenario(name + " (spike)"), login).during(Duration.ofSeconds(SPIKE)).on(loop);
    }

    /** Citizens and the portal act at once; an officer logs in first and leaves if the login failed. */
    static ScenarioBuilder loggedIn(ScenarioBuilder s, ChainBuilder login) {
        return login == null ? s : s.exec(login).exitHereIfFailed();
    }

    static final int RAMP = 60;
    static final int SPIKE = 60;
    static final int AFTER = 120;

    /** The run's users of one kind: ramp, then steady through the spike and after it. */
    PopulationBuilder closed(ScenarioBuilder s, double share) {
        int n = Math.max(1, (int) Math.round(USERS * share));
        return s.injectClosed(rampConcurrentUsers(0).to(n).during(RAMP), constantConcurrentUsers(n).during(SPIKED ? STEADY + SPIKE + AFTER : STEADY));
    }

    /**
     * Four times as many more of that kind, arriving within 5 s at the end of the steady phase: the users are five times
     * as many for a minute; each leaves after its minute, at the end of what it is doing.
     */
    PopulationBuilder spike(ScenarioBuilder s, double share) {
        int n = Math.max(1, (int) Math.round(USERS * share));
        return s.injectOpen(nothingFor(Duration.ofSeconds(RAMP + STEADY)), rampUsers(4 * n).during(5));
    }

    {
        int total = SPIKED ? RAMP + STEADY + SPIKE + AFTER : RAMP + STEADY;
        List<PopulationBuilder> populations = new ArrayList<>(List.of(
                closed(users("citizens", null, citizen), 0.80),
                closed(users("portal", null, portal), 0.05),
                closed(users("counter officers", login("tiepnhan"), counter), 0.075),
                closed(users("specialists", login("chuyenvien.stp"), specialist("transitions.csv")), 0.075),
                scenario("probe").during(total).on(probe).injectOpen(atOnceUsers(1))));
        if (SPIKED) {
            populations.addAll(List.of(
                    spike(spike("citizens", null, citizen), 0.80),
                    spike(spike("portal", null, portal), 0.05),
                    spike(spike("counter officers", login("tiepnhan"), counter), 0.075),
                    spike(spike("specialists", login("chuyenvien.stp"), specialist("spike-transitions.csv")), 0.075)));
        }
        setUp(populations)
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(total + 30))
                .assertions(targets());
    }

    /**
     * The targets, per request (a group's own time is the sum of its requests): reads p50/p95/p99 at most 50/150/300 ms,
     * writes 100/300/500 ms, failed requests under 0.1 %.
     */
    static List<io.gatling.javaapi.core.Assertion> targets() {
        List<io.gatling.javaapi.core.Assertion> a = new ArrayList<>();
        for (String read : List.of("search page", "procedure page", "API search", "tracking")) {
            a.add(details("reads", read).responseTime().percentile(50.0).lte(50));
            a.add(details("reads", read).responseTime().percentile(95.0).lte(150));
            a.add(details("reads", read).responseTime().percentile(99.0).lte(300));
        }
        for (String write : List.of("counter intake", "forward", "portal hand-over")) {
            a.add(details("writes", write).responseTime().percentile(50.0).lte(100));
            a.add(details("writes", write).responseTime().percentile(95.0).lte(300));
            a.add(details("writes", write).responseTime().percentile(99.0).lte(500));
        }
        a.add(global().failedRequests().percent().lt(0.1));
        return a;
    }

    @Override
    public void after() {
        try {
            List<String> rows = new ArrayList<>(PROBE);
            Files.writeString(DIR.resolve("probe.csv"), "epoch_ms,response_ms\n" + String.join("\n", rows) + "\n");
        } catch (Exception e) {
            System.err.println("probe not written: " + e);
        }
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (Exception e) {
            throw new IllegalStateException("run bin/load-test (it prepares " + DIR.resolve(name) + ")", e);
        }
    }
}
