package vn.motcua.bench;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (a command, not a test): loads N dossiers (default 1,000,000) with their history into a
 * PostgreSQL schema of its own, then measures dossier transitions per second through the real service
 * (with its checks, optimistic locking and audit trail) and the latency of public status lookups.
 * Run with {@code bin/benchmark [N]}; see docs/benchmarks.md.
 */
public final class DossierBenchmark {
    private static final String URL = BenchApp.URL;
    private static final String USER = BenchApp.USER;
    private static final String SCHEMA = "motcua_bench";

    private DossierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int transitions = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
        // dossiers started on Flowable (each through the API: start and intake); 0 = no Flowable run
        int flowableInstances = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : Math.min(n, 20_000);
        try (ConfigurableApplicationContext ctx = BenchApp.start(SCHEMA, "--spring.datasource.hikari.maximum-pool-size=8")) {
            run(ctx, n, transitions, lookups, flowableInstances);
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int n, int transitions, int lookups, int flowableInstances) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        DossierService dossiers = ctx.getBean(DossierService.class);
        DossierQueries queries = ctx.getBean(DossierQueries.class);
        AccountService accounts = ctx.getBean(AccountService.class);

        long t0 = System.nanoTime();
        generate(ctx, n);
        long total = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        long events = jdbc.sql("select count(*) from dossier_history").query(Long.class).single();
        System.out.printf("loaded %,d dossiers and %,d history rows in %.1f s%n", total, events, (System.nanoTime() - t0) / 1e9);
        settle(SCHEMA);

        CurrentUser specialist = user(accounts, "chuyenvien.stp");
        List<Long> ids = jdbc.sql("select id from dossier where code like 'BENCH-%' and status = 'PROCESSING' and current_step = 2 order by id fetch first " + transitions + " rows only")
                .query(Long.class).list();
        // warm-up: as many transitions as it takes the JIT compiler to finish with the path (200 left it compiling
        // through the measured ones); the same number on Flowable
        for (int i = 0; i < warmUp(ids.size()); i++) {
            Dossier d = dossiers.get(ids.get(i));
            dossiers.forward(d.id(), d.rowVersion(), null, null, null, specialist);
        }
        drained(jdbc);
        List<Long> measured = ids.subList(warmUp(ids.size()), ids.size());
        int half = measured.size() / 2;
        Map<Integer, Double> motcua = new java.util.TreeMap<>();
        for (int threads : new int[]{1, 4}) {
            List<Long> batch = threads == 1 ? measured.subList(0, half) : measured.subList(half, measured.size());
            // the clock stops when the listeners the transitions set off (portal sync, service-quality index, …) are done
            // too: a transition's work is not over when its transaction commits
            motcua.put(threads, measure("MotCua transitions (read + forward, listeners done)", batch, threads, id -> {
                Dossier d = dossiers.get(id);
                dossiers.forward(d.id(), d.rowVersion(), "bench", null, null, specialist);
            }, () -> drained(jdbc)));
        }
        lookups(queries, n, lookups);
        ctx.close();

        // the peer: the same flow on Flowable, the same number of transitions, the same PostgreSQL
        Map<Integer, Double> flowable = new java.util.TreeMap<>();
        if (flowableInstances > 0) {
            try (FlowableBench engine = new FlowableBench(URL, USER, BenchApp.PASSWORD, 8)) {
                long f0 = System.nanoTime();
                List<String> instances = engine.load(Math.max(flowableInstances, ids.size()), 4);
                System.out.printf("Flowable: started %,d dossiers and took them through intake in %.1f s (%,d activity rows in history)%n",
                        instances.size(), (System.nanoTime() - f0) / 1e9, engine.historyRows());
                settle(FlowableBench.SCHEMA);
                List<String> open = instances.subList(instances.size() - ids.size(), instances.size());
                int warm = warmUp(open.size());
                open.subList(0, warm).forEach(engine::forward);
                List<String> rest = open.subList(warm, open.size());
                int fhalf = rest.size() / 2;
                for (int threads : new int[]{1, 4}) {
                    List<String> batch = threads == 1 ? rest.subList(0, fhalf) : rest.subList(fhalf, rest.size());
                    flowable.put(threads, measure("Flowable transitions (task query + complete)", batch, threads, engine::forward, () -> { }));
                }
            }
        }

        // PostgreSQL's own ceiling: pgbench's default transaction
        Map<Integer, Double> pg = new java.util.TreeMap<>();
        PgBench pgbench = new PgBench(URL, USER);
        try {
            pgbench.init(10);
            for (int clients : new int[]{1, 4}) {
                pg.put(clients, pgbench.tps(clients, 20));
                System.out.printf("pgbench default transaction, %d client%s: %.0f per second%n", clients, clients == 1 ? "" : "s", pg.get(clients));
            }
            pgbench.drop();
        } catch (Exception e) {
            System.out.println("pgbench not run: " + e.getMessage());
        }

        System.out.println();
        System.out.println("| threads | MotCua /s | Flowable /s | MotCua ÷ Flowable | pgbench /s | MotCua ÷ pgbench |");
        System.out.println("|---|---|---|---|---|---|");
        for (int threads : new int[]{1, 4}) {
            Double f = flowable.get(threads);
            Double p = pg.get(threads);
            System.out.printf("| %d | %.0f | %s | %s | %s | %s |%n", threads, motcua.get(threads), f == null ? "–" : String.format("%.0f", f),
                    f == null ? "–" : String.format("%.2f×", motcua.get(threads) / f), p == null ? "–" : String.format("%.0f", p),
                    p == null ? "–" : String.format("%.0f %%", 100 * motcua.get(threads) / p));
        }
        System.out.println("total " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s");
    }

    /**
     * Generates n dossiers of procedure 1.001078 ('BENCH-00000001' …, tracking secret 'B000000001' …, phone '09' + the
     * number's last eight digits) over two years, 80 % returned and 20 % (every fifth) at the specialist's step, with
     * three history rows each, already synced to the national portal, by SQL; also used by the load test.
     */
    public static void generate(ConfigurableApplicationContext ctx, int n) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        CatalogService catalog = ctx.getBean(CatalogService.class);
        AgencyService agencies = ctx.getBean(AgencyService.class);
        vn.motcua.rules.RuleSetService rules = ctx.getBean(vn.motcua.rules.RuleSetService.class);
        long version = catalog.current("1.001078").id();
        long counter = agencies.findByCode("AG.TTPVHCC").orElseThrow().id();
        long handling = agencies.findByCode("AG.STP").orElseThrow().id();
        // 80 % finished, 20 % in progress at step 2 (the specialist's step of 1.001078), spread over two years
        jdbc.sql("""
                insert into dossier (code, procedure_version_id, procedure_code, procedure_name, channel, process_variant,
                  receiving_agency_id, handling_agency_id, applicant_name, applicant_id_number, applicant_phone, status,
                  submitted_at, received_at, time_limit_days, due_at, current_step, step_role, step_started_at, step_due_at,
                  result_outcome, result_text, result_delivery, finished_at, late, rule_set_id, result_place, clock_started_at, processed_at, tracking_secret)
                select 'BENCH-' || lpad(i::text, 8, '0'), :version, '1.001078', 'Cấp Phiếu lý lịch tư pháp', case when i % 3 = 0 then 'ONLINE' else 'COUNTER' end,
                  'STANDARD', :counter, :handling, 'Người nộp ' || i, lpad((89000000000 + i)::text, 12, '0'), '09' || lpad((i % 100000000)::text, 8, '0'),
                  case when i % 5 = 0 then 'PROCESSING' else 'RETURNED' end,
                  ts, ts, 10, ts + interval '14 days', case when i % 5 = 0 then 2 else 4 end,
                  case when i % 5 = 0 then 'PROCESSING_OFFICER' else null end, ts, ts + interval '8 days',
                  case when i % 5 = 0 then null else 'GRANTED' end, case when i % 5 = 0 then null else 'Phiếu số ' || i end,
                  case when i % 5 = 0 then null else 'COUNTER' end, case when i % 5 = 0 then null else ts + interval '10 days' end,
                  i % 37 = 0,
                  case when ts < timestamp '2025-07-01 00:00' then :oldRules else :newRules end, 'COUNTER', ts,
                  case when i % 5 = 0 then null else ts + interval '9 days' end, 'B' || lpad(i::text, 9, '0')
                from (select i, timestamp '2025-01-01 08:00' + (i % 700) * interval '1 day' + (i % 480) * interval '1 minute' as ts
                      from generate_series(1, :n) i) g""")
                .param("version", version).param("counter", counter).param("handling", handling).param("n", n)
                .param("oldRules", rules.inForceOn(java.time.LocalDate.of(2025, 1, 1)).id())
                .param("newRules", rules.inForceOn(java.time.LocalDate.of(2025, 7, 1)).id()).update();
        // the deadline job has watched them as they went (as in a province that runs the system): those in progress past
        // their due time are late for good, those due within three days warned. Left to it, its first run (30 s after
        // start, 5,000 dossiers a run) made each of them a transition under the load test's specialists, whose forwards
        // then failed with 409 (the dossier changed since its row version was read)
        jdbc.sql("""
                update dossier set late = late or due_at < :now, warned_at = due_at - interval '1 day'
                where code like 'BENCH-%' and status = 'PROCESSING' and due_at < :soon""")
                .param("now", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now()))
                .param("soon", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().plusDays(3))).update();
        jdbc.sql("""
                insert into dossier_history (dossier_id, at, actor, action, from_status, to_status, step, agency_id, note)
                select d.id, d.submitted_at + (k * interval '1 hour'), 'tiepnhan',
                       case k when 0 then 'SUBMIT' when 1 then 'ACCEPT' else 'FORWARD' end,
                       case k when 0 then null else 'PROCESSING' end, 'PROCESSING', k + 1, d.handling_agency_id, 'bench'
                from dossier d cross join generate_series(0, 2) k where d.code like 'BENCH-%'""").update();
        // the national portal has been told of them as they went (as it would have been in a province that runs the
        // system): its sync state stands at each dossier's last history line, so that a transition sends what changed
        // then, not two years of history at once. With the demo province's jobs running (bin/load-test), the portal's
        // sync may have met a generated dossier first and given it a state of its own: that one stays.
        jdbc.sql("""
                insert into portal_sync_state (dossier_id, dossier_code, last_history_id, snapshot_hash, snapshots, updated_at)
                select d.id, d.code, max(h.id), null, 1, max(h.at)
                from dossier d join dossier_history h on h.dossier_id = d.id where d.code like 'BENCH-%' group by d.id, d.code
                on conflict (dossier_id) do nothing""").update();
        jdbc.sql("analyze").update();
    }

    /** Runs op on every item, split over the threads; prints and returns the rate per second. */
    private static <T> double measure(String label, List<T> items, int threads, java.util.function.Consumer<T> op, Runnable drain)
            throws Exception {
        List<List<T>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            slices.add(items.subList(items.size() * t / threads, items.size() * (t + 1) / threads));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (List<T> slice : slices) {
            futures.add(pool.submit(() -> {
                for (T item : slice) {
                    op.accept(item);
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double acknowledged = (System.nanoTime() - start) / 1e9;
        drain.run();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %d thread%s: %,d in %.2f s = %.0f per second%s%n", label, threads, threads == 1 ? "" : "s", done.get(), secs,
                done.get() / secs, secs - acknowledged > 0.01 ? String.format(" (the last acknowledged after %.2f s)", acknowledged) : "");
        return done.get() / secs;
    }

    /**
     * What pgbench does after loading its tables, done for each side before it is measured: the schema's tables
     * vacuumed and analysed, then a checkpoint — otherwise the autovacuum of the rows just loaded, and the checkpoint
     * their write-ahead log brings on, run during the measured transitions.
     */
    private static void settle(String schema) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(BenchApp.URL, BenchApp.USER, BenchApp.PASSWORD);
             java.sql.Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = '" + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                s.execute("vacuum analyze " + schema + ".\"" + t + "\"");
            }
            s.execute("checkpoint");
        }
        System.out.printf("vacuumed and analysed %s, checkpoint: %.1f s%n", schema, (System.nanoTime() - t0) / 1e9);
    }

    /** Transitions run before the measured ones: 1,000, or a fifth of them when fewer. */
    private static int warmUp(int transitions) {
        return Math.min(1000, transitions / 5);
    }

    /** Waits until the event publication registry holds no incomplete entry (completed ones are deleted). */
    private static void drained(JdbcClient jdbc) {
        long until = System.nanoTime() + 600_000_000_000L;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the listeners did not finish within 10 minutes");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void lookups(DossierQueries queries, int n, int lookups) {
        if (lookups <= 0) {
            return; // none asked for
        }
        Random random = new Random(42);
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups + 500; i++) {
            int k = 1 + random.nextInt(n);
            String code = String.format("BENCH-%08d", k);
            String phone = "09" + String.format("%08d", k % 100000000);
            long s = System.nanoTime();
            queries.track(code, String.format("B%09d", k), phone.substring(phone.length() - 4), "benchmark");
            long e = System.nanoTime() - s;
            if (i >= 500) {
                nanos[i - 500] = e;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("status lookups (code + check digits, with history), %,d samples: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                lookups, nanos[lookups / 2] / 1e6, nanos[(int) (lookups * 0.95)] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6,
                nanos[lookups - 1] / 1e6);
    }

    private static CurrentUser user(AccountService accounts, String username) {
        Account a = accounts.list().stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return CurrentUser.of(a);
    }
}
