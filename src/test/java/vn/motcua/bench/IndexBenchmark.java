package vn.motcua.bench;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Period;
import vn.motcua.quality.QualityService;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Benchmark of the 766 index (a command, not a test): the application on PostgreSQL (127.0.0.1:5432, database test,
 * schema motcua_index_bench, dropped and rebuilt) with the demo province, plus N fact rows (default 2,000,000) spread
 * over the 24 months before the current one across the demo's units and procedures; then the province's index of a
 * month, the ranking of every unit, a unit's index and a unit's drill-down list (first page of the late dossiers),
 * each repeated and timed. Run with {@code bin/benchmark-index [N] [repeats]}; see docs/benchmarks.md.
 */
public final class IndexBenchmark {
    private static final String SCHEMA = "motcua_index_bench";

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // every call computes: closed periods are not kept in memory
        try (ConfigurableApplicationContext ctx = BenchApp.start(SCHEMA, "--motcua.quality.closed-period-ttl=PT0S")) {
            run(ctx, n, repeats);
        }
        BenchApp.dropSchema(SCHEMA);
    }

    private static void run(ConfigurableApplicationContext ctx, int n, int repeats) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        QualityService quality = ctx.getBean(QualityService.class);
        CatalogService catalog = ctx.getBean(CatalogService.class);
        // let the demo's own facts arrive, then add the generated ones
        sleep(5000);
        List<Long> units = quality.units().stream().map(QualityService.Unit::id).filter(id -> id != IndexCard.PROVINCE).toList();
        List<ProcedureVersion> procedures = catalog.allInForce(LocalDate.now());
        YearMonth current = YearMonth.now();
        LocalDate start = current.minusMonths(24).atDay(1);
        long t0 = System.nanoTime();
        int batch = 250_000;
        for (int from = 1; from <= n; from += batch) {
            generate(jdbc, from, Math.min(n, from + batch - 1), n, start, units, procedures);
        }
        jdbc.sql("analyze quality_fact").update();
        long total = jdbc.sql("select count(*) from quality_fact").query(Long.class).single();
        System.out.printf("generated %,d fact rows (%,d in all) over 24 months for %d units and %d procedures in %.1f s%n", n, total, units.size(),
                procedures.size(), (System.nanoTime() - t0) / 1e9);

        Period month = Period.month(current.minusMonths(2));
        long busiest = jdbc.sql("select unit_id from quality_fact where received_on between ? and ? group by unit_id order by count(*) desc fetch first 1 rows only")
                .params(month.from(), month.to()).query(Long.class).single();
        long inMonth = jdbc.sql("select count(*) from quality_fact where received_on between ? and ?").params(month.from(), month.to()).query(Long.class).single();
        long inUnit = jdbc.sql("select count(*) from quality_fact where unit_id = ? and received_on between ? and ?").params(busiest, month.from(), month.to())
                .query(Long.class).single();
        System.out.printf("month %s: %,d dossiers in the province, %,d in the busiest unit (%s)%n", month.key(), inMonth, inUnit, quality.unit(busiest).name());
        time("province index of a month", repeats, () -> quality.card(IndexCard.PROVINCE, month));
        time("ranking of all units for the month", repeats, () -> quality.ranking(month));
        time("busiest unit's index of the month", repeats, () -> quality.card(busiest, month));
        time("busiest unit's drill-down (2.1, first 50 late dossiers)", repeats, () -> quality.lost(busiest, month, "2.1", null, 1, 50));
        time("busiest unit's drill-down (2.1, page 20)", repeats, () -> quality.lost(busiest, month, "2.1", null, 20, 50));
        time("province index of a year", Math.max(3, repeats / 4), () -> quality.card(IndexCard.PROVINCE, Period.year(current.minusYears(1).getYear())));
        time("province trend, 12 months", Math.max(3, repeats / 4), () -> quality.trend(IndexCard.PROVINCE, month, 12));
    }

    /** Fact rows [from, to] of n, spread evenly over 730 days from {@code start}, with uneven rates by unit. */
    private static void generate(JdbcClient jdbc, int from, int to, int n, LocalDate start, List<Long> units, List<ProcedureVersion> procedures) {
        String unitArray = units.stream().map(String::valueOf).collect(Collectors.joining(",", "array[", "]::bigint[]"));
        String codeArray = procedures.stream().map(v -> "'" + v.code() + "'").collect(Collectors.joining(",", "array[", "]::varchar[]"));
        jdbc.sql("""
                insert into quality_fact (dossier_id, code, procedure_code, procedure_name, unit_id, handling_agency_id, received_on, received_at,
                  channel, status, due_at, ended_at, end_kind, late, supplement_count, supplement_late, handling_days, fee_bearing, paid_online,
                  result_document, e_result, digitised, reused, certified_copy, e_copy, citizen_store, population, synced, rating, unhappy, refreshed_at)
                select 100000000 + g, 'IDX-' || g, code, 'Thủ tục ' || code, unit, unit, cast(t_at as date), t_at,
                  case when r1 < 0.35 then 'ONLINE' when r1 > 0.95 then 'POST' else 'COUNTER' end,
                  case when ended then 'RETURNED' else 'PROCESSING' end, t_at + interval '10 days',
                  case when ended then t_at + took * interval '1 day' end, case when ended then 'PROCESSED' end,
                  took > 10 + skew, case when r2 < 0.05 then 2 when r2 < 0.15 then 1 else 0 end, r2 < 0.05, case when ended then took end,
                  r3 < 0.7, r3 < 0.7 and r4 < 0.4 + skew / 20, ended, ended and r5 < 0.9, r5 < 0.85, r6 < 0.2 + skew / 30, r7 < 0.05, r7 < 0.04,
                  r6 < 0.6, r8 < 0.3, r8 < 0.97, case when r4 < 0.5 then 'SATISFIED' when r4 < 0.56 then 'NOT_SATISFIED' end, r4 >= 0.5 and r4 < 0.56,
                  current_timestamp
                from (select g, u[1 + (g * 7) %% cardinality(u)] unit, c[1 + (g * 13) %% cardinality(c)] code,
                             timestamp '%s 08:00' + ((g::bigint * 730 * 86400) / %d) * interval '1 second' + (g %% 9) * interval '1 hour' as t_at,
                             ((g * 7) %% 5) skew, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
                             random() < 0.93 ended, round(cast(random() * 16 as numeric), 2) took
                      from generate_series(%d, %d) g, (select %s u, %s c) arrays) x""".formatted(start, n, from, to, unitArray, codeArray))
                .update();
    }

    private static void time(String what, int repeats, Supplier<?> work) {
        for (int i = 0; i < 2; i++) {
            work.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-58s median %7.1f ms   p95 %7.1f ms   max %7.1f ms  (%d runs)%n", what, ms.get(ms.size() / 2),
                ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.95) - 1)), ms.get(ms.size() - 1), repeats);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
