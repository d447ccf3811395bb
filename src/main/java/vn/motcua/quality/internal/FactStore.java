package vn.motcua.quality.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.quality.domain.Fact;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The index's fact table: one row per received dossier, written by the listener, read by the aggregates. Every sum
 * of a period is one pass over the {@code (received_on, unit_id)} index range; the lateness of a dossier is judged at a
 * moment given with the query (the period's end, or now), as {@link Fact#lateAt} does.
 */
@Repository
public class FactStore {
    /** Late when judged at :at — the SQL twin of {@link Fact#lateAt}. */
    static final String LATE = "(case when supplement_late then 1 when ended_at is not null and ended_at <= :at then (case when late then 1 else 0 end)"
            + " when due_at is not null and due_at < :at then 1 else 0 end)";

    private final JdbcClient jdbc;

    public FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the dossier's row: an update, or an insert when it has none (a concurrent first insert fails and is retried by the registry). */
    public void upsert(Fact f, LocalDateTime now) {
        int updated = bindFact(jdbc.sql("""
                update quality_fact set code = :code, procedure_code = :pcode, procedure_name = :pname, unit_id = :unit, handling_agency_id = :handling,
                  received_on = :on, received_at = :at, channel = :channel, status = :status, due_at = :due, ended_at = :ended, end_kind = :endKind,
                  late = :late, supplement_count = :sc, supplement_late = :sl, handling_days = :hd, fee_bearing = :fee, paid_online = :paid,
                  result_document = :rd, e_result = :er, digitised = :dig, reused = :reused, certified_copy = :cc, e_copy = :ecopy,
                  citizen_store = :store, population = :pop, synced = :synced, rating = :rating, unhappy = :unhappy, refreshed_at = :now
                where dossier_id = :id"""), f, now).update();
        if (updated == 0) {
            bindFact(jdbc.sql("""
                    insert into quality_fact (dossier_id, code, procedure_code, procedure_name, unit_id, handling_agency_id, received_on, received_at,
                      channel, status, due_at, ended_at, end_kind, late, supplement_count, supplement_late, handling_days, fee_bearing, paid_online,
                      result_document, e_result, digitised, reused, certified_copy, e_copy, citizen_store, population, synced, rating, unhappy, refreshed_at)
                    select :id, :code, :pcode, :pname, :unit, :handling, :on, :at, :channel, :status, :due, :ended, :endKind, :late, :sc, :sl, :hd,
                      :fee, :paid, :rd, :er, :dig, :reused, :cc, :ecopy, :store, :pop, :synced, :rating, :unhappy, :now
                    where not exists (select 1 from quality_fact where dossier_id = :id)"""), f, now).update();
        }
    }

    private static JdbcClient.StatementSpec bindFact(JdbcClient.StatementSpec q, Fact f, LocalDateTime now) {
        return q.param("id", f.dossierId()).param("code", f.code()).param("pcode", f.procedureCode()).param("pname", cut(f.procedureName(), 500))
                .param("unit", f.unitId()).param("handling", f.handlingAgencyId()).param("on", Date.valueOf(f.receivedOn()))
                .param("at", Timestamp.valueOf(f.receivedAt())).param("channel", f.channel()).param("status", f.status())
                .param("due", ts(f.dueAt())).param("ended", ts(f.endedAt())).param("endKind", f.endKind()).param("late", f.late())
                .param("sc", f.supplementCount()).param("sl", f.supplementLate()).param("hd", f.handlingDays()).param("fee", f.feeBearing())
                .param("paid", f.paidOnline()).param("rd", f.resultDocument()).param("er", f.eResult()).param("dig", f.digitised())
                .param("reused", f.reused()).param("cc", f.certifiedCopy()).param("ecopy", f.eCopy()).param("store", f.citizenStore())
                .param("pop", f.population()).param("synced", f.synced()).param("rating", f.rating()).param("unhappy", f.unhappy())
                .param("now", Timestamp.valueOf(now));
    }

    /**
     * Holds the dossier's lock row until the transaction ends: events of one dossier handled at once recompute its fact
     * one after the other, each reading what the one before committed.
     */
    public void lock(long dossierId) {
        jdbc.sql("insert into quality_fact_lock (dossier_id) values (?) on conflict do nothing").param(dossierId).update();
        jdbc.sql("select dossier_id from quality_fact_lock where dossier_id = ? for update").param(dossierId).query(Long.class).single();
    }

    public void delete(long dossierId) {
        jdbc.sql("delete from quality_fact where dossier_id = ?").param(dossierId).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from quality_fact").query(Long.class).single();
    }

    /** Dossiers not yet seen delivered to the national portal, those checked longest ago first (checked again by the job). */
    public List<Long> unsynced(int limit) {
        return jdbc.sql("select dossier_id from quality_fact where not synced order by refreshed_at, dossier_id fetch first " + limit + " rows only")
                .query(Long.class).list();
    }

    /** Sums of one unit (or of every unit) over a period, each a count of dossiers. */
    public record Sums(long unitId, long dossiers, long synced, long late, long online, long feeBearing, long paidOnline, long resultDocument,
                       long eResult, long digitised, long reused, long certifiedCopy, long eCopy, long citizenStore, long population,
                       long unhappy, long ended, BigDecimal handlingDays, long openDueInPeriod, long openOverdue) {
        public static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

        public Sums plus(Sums o) {
            return new Sums(unitId, dossiers + o.dossiers, synced + o.synced, late + o.late, online + o.online, feeBearing + o.feeBearing,
                    paidOnline + o.paidOnline, resultDocument + o.resultDocument, eResult + o.eResult, digitised + o.digitised,
                    reused + o.reused, certifiedCopy + o.certifiedCopy, eCopy + o.eCopy, citizenStore + o.citizenStore,
                    population + o.population, unhappy + o.unhappy, ended + o.ended, handlingDays.add(o.handlingDays),
                    openDueInPeriod + o.openDueInPeriod, openOverdue + o.openOverdue);
        }
    }

    private static final String SUMS = """
            select unit_id, count(*) n, sum(case when synced then 1 else 0 end) synced, sum(%1$s) late,
              sum(case when channel = 'ONLINE' then 1 else 0 end) online, sum(case when fee_bearing then 1 else 0 end) fee,
              sum(case when fee_bearing and paid_online then 1 else 0 end) paid, sum(case when result_document then 1 else 0 end) rd,
              sum(case when result_document and e_result then 1 else 0 end) er, sum(case when digitised then 1 else 0 end) dig,
              sum(case when reused then 1 else 0 end) reused, sum(case when certified_copy then 1 else 0 end) cc,
              sum(case when certified_copy and e_copy then 1 else 0 end) ecopy, sum(case when citizen_store then 1 else 0 end) store,
              sum(case when population then 1 else 0 end) pop, sum(case when unhappy then 1 else 0 end) unhappy,
              sum(case when ended_at is not null and ended_at <= :at then 1 else 0 end) ended,
              sum(case when ended_at is not null and ended_at <= :at then coalesce(handling_days, 0) else 0 end) days,
              sum(case when (ended_at is null or ended_at > :at) and not supplement_late and due_at >= :at and due_at < :end then 1 else 0 end) due_soon,
              sum(case when (ended_at is null or ended_at > :at) and %1$s = 1 then 1 else 0 end) open_late
            from quality_fact where received_on >= :from and received_on <= :to %2$s group by unit_id""";

    /** Sums per unit over the dossiers received in [from, to], lateness judged at {@code at}; {@code end} bounds "due soon". */
    public List<Sums> sums(LocalDate from, LocalDate to, LocalDateTime at, LocalDateTime end, Collection<Long> units, String procedureCode) {
        String filter = unitFilter(units)
                + (procedureCode == null ? "" : " and procedure_code = :pcode");
        var q = jdbc.sql(SUMS.formatted(LATE, filter)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("at", Timestamp.valueOf(at)).param("end", Timestamp.valueOf(end));
        q = bindUnits(q, units);
        if (procedureCode != null) {
            q = q.param("pcode", procedureCode);
        }
        return q.query((rs, i) -> new Sums(rs.getLong("unit_id"), rs.getLong("n"), rs.getLong("synced"), rs.getLong("late"), rs.getLong("online"),
                rs.getLong("fee"), rs.getLong("paid"), rs.getLong("rd"), rs.getLong("er"), rs.getLong("dig"), rs.getLong("reused"),
                rs.getLong("cc"), rs.getLong("ecopy"), rs.getLong("store"), rs.getLong("pop"), rs.getLong("unhappy"), rs.getLong("ended"),
                rs.getBigDecimal("days") == null ? BigDecimal.ZERO : rs.getBigDecimal("days"), rs.getLong("due_soon"), rs.getLong("open_late"))).list();
    }

    /** Per unit and procedure: dossiers, online ones, paid online, with population data, ended and their handling days. */
    public record ProcedureSums(long unitId, String procedureCode, String procedureName, long dossiers, long online, long paidOnline, long population,
                                long late, long ended, BigDecimal handlingDays) {
    }

    public List<ProcedureSums> byProcedure(LocalDate from, LocalDate to, LocalDateTime at, Collection<Long> units) {
        String filter = unitFilter(units);
        var q = jdbc.sql(("""
                select unit_id, procedure_code, max(procedure_name) pname, count(*) n, sum(case when channel = 'ONLINE' then 1 else 0 end) online,
                  sum(case when fee_bearing and paid_online then 1 else 0 end) paid, sum(case when population then 1 else 0 end) pop,
                  sum(%s) late, sum(case when ended_at is not null and ended_at <= :at then 1 else 0 end) ended,
                  sum(case when ended_at is not null and ended_at <= :at then coalesce(handling_days, 0) else 0 end) days
                from quality_fact where received_on >= :from and received_on <= :to %s group by unit_id, procedure_code""").formatted(LATE, filter))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("at", Timestamp.valueOf(at));
        q = bindUnits(q, units);
        return q.query((rs, i) -> new ProcedureSums(rs.getLong("unit_id"), rs.getString("procedure_code"), rs.getString("pname"), rs.getLong("n"),
                rs.getLong("online"), rs.getLong("paid"), rs.getLong("pop"), rs.getLong("late"), rs.getLong("ended"),
                rs.getBigDecimal("days") == null ? BigDecimal.ZERO : rs.getBigDecimal("days"))).list();
    }

    /** A dossier that cost points, as the drill-down lists it (no personal data: the code links to the dossier). */
    public record LostDossier(long dossierId, String code, String procedureCode, String procedureName, long unitId, LocalDateTime receivedAt,
                              LocalDateTime dueAt, LocalDateTime endedAt, String status, String channel, int supplementCount) {
    }

    /** The predicate, per indicator, of a dossier that cost its points (null: the indicator is not made of dossiers). */
    static final Map<String, String> LOST = Map.ofEntries(
            Map.entry("1.4", "not synced"),
            Map.entry("2.1", LATE + " = 1"),
            Map.entry("3.3", "channel <> 'ONLINE'"),
            Map.entry("3.6", "fee_bearing and not paid_online"),
            Map.entry("4.1", "result_document and not e_result"),
            Map.entry("4.2", "not digitised"),
            Map.entry("4.2c", "certified_copy and not e_copy"),
            Map.entry("4.3", "not reused"),
            Map.entry("4.4", "not citizen_store"),
            Map.entry("4.5b", "not population"),
            Map.entry("5.4", "(" + LATE + " = 1 or unhappy)"));

    public static boolean listsDossiers(String indicator) {
        return LOST.containsKey(indicator);
    }

    public record Page(List<LostDossier> items, long total) {
    }

    /** The dossiers of the units received in [from, to] that cost the indicator's points, most recent first. */
    public Page lost(String indicator, LocalDate from, LocalDate to, LocalDateTime at, Collection<Long> units, String procedureCode, int offset,
                     int limit) {
        String predicate = LOST.get(indicator);
        if (predicate == null) {
            return new Page(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" from quality_fact where received_on >= :from and received_on <= :to and " + predicate + " "
                + unitFilter(units));
        if (procedureCode != null) {
            where.append(" and procedure_code = :pcode");
        }
        var count = bind(jdbc.sql("select count(*)" + where), from, to, at, units, procedureCode);
        long total = count.query(Long.class).single();
        var q = bind(jdbc.sql("select dossier_id, code, procedure_code, procedure_name, unit_id, received_at, due_at, ended_at, status, channel,"
                + " supplement_count" + where + " order by received_on desc, dossier_id desc offset " + Math.max(0, offset) + " rows fetch next "
                + Math.max(1, limit) + " rows only"), from, to, at, units, procedureCode);
        List<LostDossier> items = q.query(FactStore::lostDossier).list();
        return new Page(items, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec q, LocalDate from, LocalDate to, LocalDateTime at, Collection<Long> units,
                                                 String procedureCode) {
        q = bindUnits(q.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("at", Timestamp.valueOf(at)), units);
        if (procedureCode != null) {
            q = q.param("pcode", procedureCode);
        }
        return q;
    }

    /** Open dossiers of the units due before {@code end} and not late at {@code at}: what the month-end forecast is about. */
    public List<LostDossier> atRisk(LocalDate from, LocalDate to, LocalDateTime at, LocalDateTime end, Collection<Long> units, int limit) {
        String filter = unitFilter(units);
        var q = jdbc.sql(("select dossier_id, code, procedure_code, procedure_name, unit_id, received_at, due_at, ended_at, status, channel, supplement_count"
                        + " from quality_fact where received_on >= :from and received_on <= :to and (ended_at is null or ended_at > :at)"
                        + " and not supplement_late and due_at >= :at and due_at < :end %s order by due_at fetch first " + limit + " rows only").formatted(filter))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("at", Timestamp.valueOf(at)).param("end", Timestamp.valueOf(end));
        q = bindUnits(q, units);
        return q.query(FactStore::lostDossier).list();
    }

    /** Biểu 06 per procedure: the dossiers received in [from, to] and those carried over into it, by what became of them. */
    public record ReportSums(String procedureCode, long received, long online, long carried, long handled, long beforeDue, long onTime, long late,
                             long open, long overdue) {
    }

    public List<ReportSums> report06(LocalDate from, LocalDate to, Collection<Long> units) {
        String filter = unitFilter(units);
        String sql = """
                select procedure_code,
                  sum(case when received_on >= :from then 1 else 0 end) received,
                  sum(case when received_on >= :from and channel = 'ONLINE' then 1 else 0 end) online,
                  sum(case when received_on < :from then 1 else 0 end) carried,
                  sum(case when ended_at >= :fromTs and ended_at < :endTs then 1 else 0 end) handled,
                  sum(case when ended_at >= :fromTs and ended_at < :endTs and not late and not supplement_late and due_at is not null
                           and cast(ended_at as date) < cast(due_at as date) then 1 else 0 end) before_due,
                  sum(case when ended_at >= :fromTs and ended_at < :endTs and not late and not supplement_late
                           and (due_at is null or cast(ended_at as date) >= cast(due_at as date)) then 1 else 0 end) on_time,
                  sum(case when ended_at >= :fromTs and ended_at < :endTs and (late or supplement_late) then 1 else 0 end) late_n,
                  sum(case when ended_at is null or ended_at >= :endTs then 1 else 0 end) open_n,
                  sum(case when (ended_at is null or ended_at >= :endTs) and (supplement_late or due_at < :endTs) then 1 else 0 end) overdue
                from (select * from quality_fact where received_on >= :from and received_on <= :to %1$s
                      union all
                      select * from quality_fact where received_on < :from and ended_at is null %1$s
                      union all
                      select * from quality_fact where received_on < :from and ended_at >= :fromTs %1$s) x
                group by procedure_code order by procedure_code""".formatted(filter);
        var q = jdbc.sql(sql).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("fromTs", Timestamp.valueOf(from.atStartOfDay()))
                .param("endTs", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        q = bindUnits(q, units);
        return q.query((rs, i) -> new ReportSums(rs.getString("procedure_code"), rs.getLong("received"), rs.getLong("online"), rs.getLong("carried"),
                rs.getLong("handled"), rs.getLong("before_due"), rs.getLong("on_time"), rs.getLong("late_n"), rs.getLong("open_n"),
                rs.getLong("overdue"))).list();
    }

    /** Dossiers received in a period, per procedure: what the report on the electronic environment counts. */
    public record OnlineSums(String procedureCode, long received, long online, long synced, long feeBearing, long paidOnline, long digitised,
                             long reused, long eResult) {
    }

    public List<OnlineSums> online(LocalDate from, LocalDate to, Collection<Long> units) {
        var q = jdbc.sql("""
                select procedure_code, count(*) n, sum(case when channel = 'ONLINE' then 1 else 0 end) online,
                  sum(case when synced then 1 else 0 end) synced_n, sum(case when fee_bearing then 1 else 0 end) fee,
                  sum(case when fee_bearing and paid_online then 1 else 0 end) paid, sum(case when digitised then 1 else 0 end) digitised_n,
                  sum(case when reused then 1 else 0 end) reused_n, sum(case when e_result then 1 else 0 end) e_result_n
                from quality_fact where received_on >= :from and received_on <= :to %s
                group by procedure_code order by procedure_code""".formatted(unitFilter(units)))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        q = bindUnits(q, units);
        return q.query((rs, i) -> new OnlineSums(rs.getString("procedure_code"), rs.getLong("n"), rs.getLong("online"), rs.getLong("synced_n"),
                rs.getLong("fee"), rs.getLong("paid"), rs.getLong("digitised_n"), rs.getLong("reused_n"), rs.getLong("e_result_n"))).list();
    }

    /** The condition on the units (none: every unit; an empty set: no row). */
    private static String unitFilter(Collection<Long> units) {
        return units == null ? "" : units.isEmpty() ? "and 1 = 0" : "and unit_id in (:units)";
    }

    private static JdbcClient.StatementSpec bindUnits(JdbcClient.StatementSpec q, Collection<Long> units) {
        return units != null && !units.isEmpty() ? q.param("units", units) : q;
    }

    private static LostDossier lostDossier(ResultSet rs, int i) throws SQLException {
        return new LostDossier(rs.getLong("dossier_id"), rs.getString("code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getLong("unit_id"), ldt(rs, "received_at"), ldt(rs, "due_at"), ldt(rs, "ended_at"), rs.getString("status"), rs.getString("channel"),
                rs.getInt("supplement_count"));
    }

    private static Timestamp ts(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static LocalDateTime ldt(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toLocalDateTime();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
