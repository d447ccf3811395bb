package vn.motcua.payment.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.catalog.FeeKind;
import vn.motcua.payment.CollectingAccount;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentItem;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.payment.Reconciliation;
import vn.motcua.payment.RevenueRow;
import vn.motcua.payment.domain.PaymentAggregate;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the payment module (JdbcClient). */
@Repository
public class PaymentStore {
    private static final String COLUMNS = """
            id, code, dossier_id, dossier_code, procedure_code, procedure_name, collecting_agency_id, timing, amount, status, method, instrument,
            gateway_txn, payment_url, payer_name, payer_id_number, created_at, created_by, expires_at, paid_at, ended_at, settled_amount,
            receipt_series, receipt_number, receipt_storage_key, flag, flag_resolved_by, flag_resolved_at, refund_reason, refunded_by, row_version""";
    private static final RowMapper<Payment> PAYMENT = (rs, n) -> new Payment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), PaymentTiming.valueOf(rs.getString(8)), rs.getLong(9),
            PaymentStatus.valueOf(rs.getString(10)), rs.getString(11) == null ? null : PaymentMethod.valueOf(rs.getString(11)), rs.getString(12),
            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getObject(17, LocalDateTime.class), rs.getString(18),
            rs.getObject(19, LocalDateTime.class), rs.getObject(20, LocalDateTime.class), rs.getObject(21, LocalDateTime.class),
            rs.getObject(22, Long.class), rs.getString(23), rs.getObject(24, Long.class), rs.getString(25), rs.getString(26), rs.getString(27),
            rs.getObject(28, LocalDateTime.class), rs.getString(29), rs.getString(30), rs.getLong(31), List.of(), List.of());

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------ payments

    public long insert(String code, long dossierId, String dossierCode, String procedureCode, String procedureName, long agencyId,
                       PaymentTiming timing, long amount, String payerName, String payerIdNumber, LocalDateTime now, String by,
                       LocalDateTime expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payment (code, dossier_id, dossier_code, procedure_code, procedure_name, collecting_agency_id, timing, amount, status,
                  active_key, payer_name, payer_id_number, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)""")
                .params(code, dossierId, dossierCode, procedureCode, procedureName, agencyId, timing.name(), amount, activeKey(dossierId, timing),
                        payerName, payerIdNumber, now, by, expiresAt)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static String activeKey(long dossierId, PaymentTiming timing) {
        return dossierId + ":" + timing.name();
    }

    public void insertItems(long paymentId, List<PaymentItem> items) {
        for (int i = 0; i < items.size(); i++) {
            PaymentItem it = items.get(i);
            jdbc.sql("insert into payment_item (payment_id, position, kind, name, unit_amount, quantity, amount) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(paymentId, i + 1, it.kind().name(), it.name(), it.unitAmount(), it.quantity(), it.amount()).update();
        }
    }

    public void insertEntry(long paymentId, LocalDateTime at, String actor, String what, String detail) {
        jdbc.sql("insert into payment_event (payment_id, at, actor, what, detail) values (?, ?, ?, ?, ?)")
                .params(paymentId, at, actor, what, detail == null ? null : truncate(detail, 1000)).update();
    }

    public Optional<Payment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ?").param(id).query(PAYMENT).optional().map(this::details);
    }

    public Optional<Payment> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from payment where code = ?").param(code).query(PAYMENT).optional().map(this::details);
    }

    public List<Payment> ofDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_id = ? order by id").param(dossierId).query(PAYMENT).list()
                .stream().map(this::details).toList();
    }

    /** The payments (without items and history) of the given dossiers, by dossier. */
    public Map<Long, List<Payment>> ofDossiers(List<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_id in (:ids) order by id").param("ids", dossierIds).query(PAYMENT)
                .list().stream().collect(java.util.stream.Collectors.groupingBy(Payment::dossierId));
    }

    public long countOfDossier(long dossierId) {
        return jdbc.sql("select count(*) from payment where dossier_id = ?").param(dossierId).query(Long.class).single();
    }

    /** Open requests (for the reconciliation), and gateway payments settled since {@code since} (to catch refunds and late differences). */
    public List<Payment> toReconcile(LocalDateTime since, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payment where status in ('CREATED', 'PENDING') or (method = 'GATEWAY' and status = 'PAID' and paid_at >= ?) order by id limit ?")
                .params(since, limit).query(PAYMENT).list();
    }

    public List<Payment> flagged(int limit) {
        return jdbc.sql("select " + COLUMNS + " from payment where flag is not null and flag_resolved_at is null order by id desc limit ?")
                .param(limit).query(PAYMENT).list();
    }

    public List<Payment> latest(Long agencyId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payment where (cast(? as bigint) is null or collecting_agency_id = ?) order by id desc limit ?")
                .params(agencyId, agencyId, limit).query(PAYMENT).list();
    }

    private Payment details(Payment p) {
        List<PaymentItem> items = jdbc.sql("select kind, name, unit_amount, quantity, amount from payment_item where payment_id = ? order by position")
                .param(p.id()).query((rs, n) -> new PaymentItem(FeeKind.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5))).list();
        List<Payment.Entry> history = jdbc.sql("select at, actor, what, detail from payment_event where payment_id = ? order by id")
                .param(p.id()).query((rs, n) -> new Payment.Entry(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        return p.withDetails(items, history);
    }

    /** Saves what the aggregate changed, if nobody changed the payment since it was read. */
    public boolean save(PaymentAggregate a) {
        Payment p = a.original();
        return jdbc.sql("""
                update payment set status = ?, active_key = ?, method = ?, instrument = ?, gateway_txn = ?, payment_url = ?, paid_at = ?, ended_at = ?,
                  settled_amount = ?, flag = ?, flag_resolved_by = ?, flag_resolved_at = ?, refund_reason = ?, refunded_by = ?,
                  row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(a.status().name(), a.status().active() ? activeKey(p.dossierId(), p.timing()) : null,
                        a.method() == null ? null : a.method().name(), a.instrument(), a.gatewayTxn(), a.paymentUrl(), a.paidAt(), a.endedAt(),
                        a.settledAmount(), a.flag() == null ? null : truncate(a.flag(), 500), a.flagResolvedBy(), a.flagResolvedAt(),
                        a.refundReason(), a.refundedBy(), p.id(), p.rowVersion())
                .update() == 1;
    }

    public void setReceipt(long paymentId, String series, long number, String storageKey) {
        jdbc.sql("update payment set receipt_series = ?, receipt_number = ?, receipt_storage_key = ? where id = ?")
                .params(series, number, storageKey, paymentId).update();
    }

    /** The next receipt number of the agency's series for the year (the counter row is locked until the transaction ends). */
    public long nextReceiptNumber(long agencyId, int year) {
        int updated = jdbc.sql("update receipt_counter set last_number = last_number + 1 where agency_id = ? and receipt_year = ?")
                .params(agencyId, year).update();
        if (updated == 0) {
            jdbc.sql("insert into receipt_counter (agency_id, receipt_year, last_number) values (?, ?, 1)").params(agencyId, year).update();
            return 1;
        }
        return jdbc.sql("select last_number from receipt_counter where agency_id = ? and receipt_year = ?").params(agencyId, year)
                .query(Long.class).single();
    }

    // ------------------------------------------------------------ callbacks

    public void insertCallback(LocalDateTime at, String remoteAddr, String paymentCode, String txn, String status, Long amount,
                               boolean signatureOk, String outcome, String body) {
        jdbc.sql("""
                insert into payment_callback (received_at, remote_addr, payment_code, gateway_txn, status, amount, signature_ok, outcome, body)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(at, remoteAddr, truncate(paymentCode, 40), truncate(txn, 80), truncate(status, 20), amount, signatureOk, outcome,
                        truncate(body, 4000)).update();
    }

    public record Callback(LocalDateTime receivedAt, String remoteAddr, String paymentCode, String status, Long amount, boolean signatureOk,
                           String outcome) {
    }

    public List<Callback> callbacks(int limit) {
        return jdbc.sql("select received_at, remote_addr, payment_code, status, amount, signature_ok, outcome from payment_callback order by id desc limit ?")
                .param(limit).query((rs, n) -> new Callback(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getBoolean(6), rs.getString(7))).list();
    }

    // ------------------------------------------------------------ policies and accounts

    public Map<String, PaymentTiming> policies() {
        Map<String, PaymentTiming> m = new java.util.HashMap<>();
        jdbc.sql("select procedure_code, timing from payment_policy").query(rs -> {
            m.put(rs.getString(1), PaymentTiming.valueOf(rs.getString(2)));
        });
        return m;
    }

    public Optional<PaymentTiming> policy(String procedureCode) {
        return jdbc.sql("select timing from payment_policy where procedure_code = ?").param(procedureCode)
                .query((rs, n) -> PaymentTiming.valueOf(rs.getString(1))).optional();
    }

    public void setPolicy(String procedureCode, PaymentTiming timing, LocalDateTime now, String by) {
        int n = jdbc.sql("update payment_policy set timing = ?, updated_at = ?, updated_by = ?, row_version = row_version + 1 where procedure_code = ?")
                .params(timing.name(), now, by, procedureCode).update();
        if (n == 0) {
            jdbc.sql("insert into payment_policy (procedure_code, timing, updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(procedureCode, timing.name(), now, by).update();
        }
    }

    public Optional<CollectingAccount> account(long agencyId) {
        return jdbc.sql("""
                select agency_id, account_number, account_name, bank, treasury, receipt_template, receipt_series, row_version
                from collecting_account where agency_id = ?""").param(agencyId)
                .query((rs, n) -> new CollectingAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8))).optional();
    }

    public List<CollectingAccount> accounts() {
        return jdbc.sql("""
                select agency_id, account_number, account_name, bank, treasury, receipt_template, receipt_series, row_version
                from collecting_account order by agency_id""")
                .query((rs, n) -> new CollectingAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8))).list();
    }

    public void insertAccount(CollectingAccount a) {
        jdbc.sql("""
                insert into collecting_account (agency_id, account_number, account_name, bank, treasury, receipt_template, receipt_series)
                values (?, ?, ?, ?, ?, ?, ?)""").params(a.agencyId(), a.accountNumber(), a.accountName(), a.bank(), a.treasury(),
                a.receiptTemplate(), a.receiptSeries()).update();
    }

    public boolean updateAccount(CollectingAccount a) {
        return jdbc.sql("""
                update collecting_account set account_number = ?, account_name = ?, bank = ?, treasury = ?, receipt_template = ?, receipt_series = ?,
                  row_version = row_version + 1 where agency_id = ? and row_version = ?""")
                .params(a.accountNumber(), a.accountName(), a.bank(), a.treasury(), a.receiptTemplate(), a.receiptSeries(), a.agencyId(),
                        a.rowVersion()).update() == 1;
    }

    // ------------------------------------------------------------ reconciliation

    public long insertReconciliation(LocalDateTime at, String by, int checked, int changed, int differences, int unreachable) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into payment_reconciliation (run_at, run_by, checked, changed, differences, unreachable) values (?, ?, ?, ?, ?, ?)")
                .params(at, by, checked, changed, differences, unreachable).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertDifference(long runId, long paymentId, String localStatus, String remoteStatus, long localAmount, Long remoteAmount, String note) {
        jdbc.sql("""
                insert into payment_difference (reconciliation_id, payment_id, local_status, remote_status, local_amount, remote_amount, note)
                values (?, ?, ?, ?, ?, ?, ?)""").params(runId, paymentId, localStatus, remoteStatus, localAmount, remoteAmount, truncate(note, 500))
                .update();
    }

    public List<Reconciliation> reconciliations(int limit) {
        List<Reconciliation> runs = jdbc.sql("select id, run_at, run_by, checked, changed, differences, unreachable from payment_reconciliation order by id desc limit ?")
                .param(limit).query((rs, n) -> new Reconciliation(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), List.of())).list();
        return runs.stream().map(r -> r.withDifferences(differences(r.id()))).toList();
    }

    public Optional<Reconciliation> reconciliation(long id) {
        return jdbc.sql("select id, run_at, run_by, checked, changed, differences, unreachable from payment_reconciliation where id = ?")
                .param(id).query((rs, n) -> new Reconciliation(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), List.of())).optional().map(r -> r.withDifferences(differences(r.id())));
    }

    private List<Reconciliation.Difference> differences(long runId) {
        return jdbc.sql("""
                select d.payment_id, p.code, p.dossier_code, d.local_status, d.remote_status, d.local_amount, d.remote_amount, d.note
                from payment_difference d join payment p on p.id = d.payment_id where d.reconciliation_id = ? order by d.payment_id""")
                .param(runId).query((rs, n) -> new Reconciliation.Difference(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, Long.class), rs.getString(8))).list();
    }

    // ------------------------------------------------------------ revenue

    /** Paid (and refunded) amounts per collecting agency and procedure, by the day they were paid. */
    public List<RevenueRow> revenue(LocalDateTime from, LocalDateTime to, Long agencyId) {
        return jdbc.sql("""
                select p.collecting_agency_id, a.name, p.procedure_code, max(p.procedure_name),
                  count(*),
                  sum(coalesce(p.settled_amount, p.amount)),
                  sum(case when p.method = 'GATEWAY' then coalesce(p.settled_amount, p.amount) else 0 end),
                  sum(case when p.method = 'CASH' then coalesce(p.settled_amount, p.amount) else 0 end),
                  sum(case when p.status = 'REFUNDED' then coalesce(p.settled_amount, p.amount) else 0 end),
                  sum(case when p.method = 'GATEWAY' then 1 else 0 end)
                from payment p join agency a on a.id = p.collecting_agency_id
                where p.status in ('PAID', 'REFUNDED') and p.paid_at >= ? and p.paid_at < ?
                  and (cast(? as bigint) is null or p.collecting_agency_id = ?)
                group by p.collecting_agency_id, a.name, p.procedure_code
                order by a.name, p.procedure_code""")
                .params(from, to, agencyId, agencyId)
                .query((rs, n) -> new RevenueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10))).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
