package vn.motcua.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.PdfForms;
import vn.motcua.documents.FileStorage;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.payment.domain.AmountInWords;
import vn.motcua.payment.domain.FeeLines;
import vn.motcua.payment.domain.PaymentAggregate;
import vn.motcua.payment.internal.PaymentStore;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.LocalAddress;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.QrCodes;
import vn.motcua.shared.UnavailableException;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Public API of the payment module. Every command is one transaction that checks who may act, lets the payment perform
 * the transition ({@link PaymentAggregate}), saves it only if nobody changed it meanwhile, writes its history and the
 * audit log and publishes {@link PaymentEvents}; calls to the payment platform are made outside any transaction, so a
 * slow platform never holds a lock, and a platform that does not answer leaves the payment as it was.
 */
@Service
public class PaymentService {
    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    static final String SYSTEM = "system";
    /** Forged callbacks kept (row and audit entry) per sender address and hour; beyond that a flood is refused without a trace per request. */
    static final int FORGED_KEPT_PER_HOUR = 50;

    private final PaymentStore store;
    private final PaymentGateway gateway;
    private final DossierService dossiers;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final PdfForms pdfs;
    private final FileStorage files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final PaymentProperties props;
    private final Environment env;
    private final TransactionTemplate requiresNew;
    private final vn.motcua.identity.AccountService accounts;
    private final vn.motcua.shared.AttemptLimiter forgedByAddress;

    public PaymentService(PaymentStore store, PaymentGateway gateway, DossierService dossiers, CatalogService catalog, AgencyService agencies,
                          PdfForms pdfs, FileStorage files, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx,
                          PaymentProperties props, Environment env, org.springframework.transaction.PlatformTransactionManager transactions,
                          vn.motcua.identity.AccountService accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.forgedByAddress = new vn.motcua.shared.AttemptLimiter(clock, FORGED_KEPT_PER_HOUR - 1, java.time.Duration.ofSeconds(1),
                FORGED_KEPT_PER_HOUR, java.time.Duration.ofHours(1), java.time.Duration.ofHours(1), 10_000);
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.gateway = gateway;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.agencies = agencies;
        this.pdfs = pdfs;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.props = props;
        this.env = env;
    }

    // ------------------------------------------------------------------ queries

    public List<Payment> ofDossier(long dossierId) {
        return store.ofDossier(dossierId);
    }

    /** The payments of several dossiers at once (the officers' queues), by dossier. */
    public Map<Long, List<Payment>> ofDossiers(List<Long> dossierIds) {
        return store.ofDossiers(dossierIds);
    }

    public Payment get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy khoản thanh toán."));
    }

    /** When the procedure's fees are paid (a procedure without a setting: at submission). */
    public PaymentTiming timing(String procedureCode) {
        return store.policy(procedureCode).orElse(PaymentTiming.AT_SUBMISSION);
    }

    public Map<String, PaymentTiming> timings() {
        return store.policies();
    }

    /** The fees of the dossier's exact procedure version. */
    public List<Fee> fees(Dossier d) {
        return catalog.version(d.procedureVersionId()).fees();
    }

    /** Whether a payment of this timing was made (and not refunded) for the dossier. */
    public boolean paid(long dossierId, PaymentTiming timing) {
        return paidIn(store.ofDossier(dossierId), timing);
    }

    /** The request of this timing that is open or paid, if any. */
    public Optional<Payment> active(long dossierId, PaymentTiming timing) {
        return activeIn(store.ofDossier(dossierId), timing);
    }

    /** {@link #paid} over payments already read (one dossier's). */
    public static boolean paidIn(List<Payment> payments, PaymentTiming timing) {
        return payments.stream().anyMatch(p -> p.timing() == timing && p.status() == PaymentStatus.PAID);
    }

    /** {@link #active} over payments already read (one dossier's). */
    public static Optional<Payment> activeIn(List<Payment> payments, PaymentTiming timing) {
        return payments.stream().filter(p -> p.timing() == timing && p.status().active()).findFirst();
    }

    /** Who may see a payment: the dossier's applicant, the officers who may see the dossier, accountants of the collecting agency. */
    public boolean maySee(CurrentUser user, Payment p) {
        return isAccountantFor(user, p.collectingAgencyId()) || dossiers.maySee(user, dossiers.get(p.dossierId()));
    }

    public Payment open(long id, CurrentUser user) {
        Payment p = get(id);
        if (!maySee(user, p)) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        return p;
    }

    public boolean isAccountantFor(CurrentUser user, long agencyId) {
        return user.unitsFor(Role.ACCOUNTANT).stream().anyMatch(u -> agencies.isWithin(agencyId, u));
    }

    /** Whether the user may take cash (or record a payment) for the dossier: its one-stop unit, or an accountant. */
    public boolean mayCollect(CurrentUser user, Dossier d, Payment p) {
        return dossiers.mayAct(user, d, Role.RECEIVING_OFFICER) || isAccountantFor(user, p.collectingAgencyId());
    }

    public boolean mayRefund(CurrentUser user, Payment p) {
        return isAccountantFor(user, p.collectingAgencyId());
    }

    /** The flagged payments an accountant must look at, in the units they keep the books of (all for an administrator). */
    public List<Payment> flagged(CurrentUser user) {
        return store.flagged(500).stream().filter(p -> user.has(Role.ADMIN) || isAccountantFor(user, p.collectingAgencyId())).toList();
    }

    public List<Payment> latest(CurrentUser user, int limit) {
        return store.latest(null, 2000).stream().filter(p -> user.has(Role.ADMIN) || isAccountantFor(user, p.collectingAgencyId()))
                .limit(limit).toList();
    }

    public List<PaymentStore.Callback> callbacks(int limit) {
        return store.callbacks(limit);
    }

    public List<Reconciliation> reconciliations(int limit) {
        return store.reconciliations(limit);
    }

    public Reconciliation reconciliation(long id) {
        return store.reconciliation(id).orElseThrow(() -> new NotFoundException("Không có lần đối soát này."));
    }

    // ------------------------------------------------------------------ requests

    /**
     * The request a procedure's fees become at submission when nobody needs to choose (exactly one fixed fee line):
     * created once, whoever asks first (the dossier event's listener, the dossier's page). Empty when the procedure
     * has no fees, is paid after assessment, needs a choice, or a request is already open or paid.
     */
    public Optional<Payment> requestAutomatically(long dossierId, String actor) {
        try {
            // its own transaction: two askers at once (the listener, the page) make one request, the second finds it made
            return requiresNew.execute(s -> {
                Dossier d = dossiers.get(dossierId);
                List<Fee> fees = fees(d);
                if (!d.open() || !FeeLines.automatic(fees) || timing(d.procedureCode()) != PaymentTiming.AT_SUBMISSION
                        || active(dossierId, PaymentTiming.AT_SUBMISSION).isPresent() || paid(dossierId, PaymentTiming.AT_SUBMISSION)) {
                    return Optional.<Payment>empty();
                }
                return Optional.of(create(d, PaymentTiming.AT_SUBMISSION, FeeLines.automaticItems(fees), actor));
            });
        } catch (ConflictException e) {
            return Optional.empty();
        }
    }

    /**
     * A request with the fee lines that apply (position among the payable lines → quantity), made by the applicant of an
     * online dossier or by the one-stop officer; amounts come from the published version.
     */
    @Transactional
    public Payment request(long dossierId, Map<Integer, Integer> quantities, CurrentUser by) {
        Dossier d = dossiers.get(dossierId);
        if (!dossiers.isApplicant(by, d) && !dossiers.mayAct(by, d, Role.RECEIVING_OFFICER)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        requireOpen(d);
        if (timing(d.procedureCode()) != PaymentTiming.AT_SUBMISSION) {
            throw new ConflictException("Phí, lệ phí của thủ tục này được xác định sau thẩm định; cán bộ xử lý sẽ lập yêu cầu thanh toán.");
        }
        List<Fee> fees = fees(d);
        if (FeeLines.payable(fees).isEmpty()) {
            throw new ConflictException("Thủ tục này không thu phí, lệ phí.");
        }
        requireNoActive(dossierId, PaymentTiming.AT_SUBMISSION);
        Problems p = new Problems();
        List<PaymentItem> items = FeeLines.automatic(fees) && (quantities == null || quantities.isEmpty())
                ? FeeLines.automaticItems(fees) : FeeLines.choose(fees, quantities == null ? Map.of() : quantities, p);
        p.throwIfAny();
        return create(d, PaymentTiming.AT_SUBMISSION, items, by.username());
    }

    /** Fees established by assessment, entered by the specialist or leader handling the dossier. */
    @Transactional
    public Payment assess(long dossierId, int position, long amount, CurrentUser by) {
        Dossier d = dossiers.get(dossierId);
        if (!dossiers.mayAct(by, d, Role.PROCESSING_OFFICER) && !dossiers.mayAct(by, d, Role.LEADER)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        requireOpen(d);
        if (timing(d.procedureCode()) != PaymentTiming.AFTER_ASSESSMENT) {
            throw new ConflictException("Phí, lệ phí của thủ tục này nộp khi nộp hồ sơ, không lập theo thẩm định.");
        }
        requireNoActive(dossierId, PaymentTiming.AFTER_ASSESSMENT);
        Problems p = new Problems();
        List<PaymentItem> items = FeeLines.assessed(fees(d), position, amount, p);
        p.throwIfAny();
        return create(d, PaymentTiming.AFTER_ASSESSMENT, items, by.username());
    }

    private void requireOpen(Dossier d) {
        if (!d.open()) {
            throw new ConflictException("Hồ sơ đã kết thúc, không lập yêu cầu thanh toán.");
        }
    }

    private void requireNoActive(long dossierId, PaymentTiming timing) {
        active(dossierId, timing).ifPresent(a -> {
            throw new ConflictException("Hồ sơ đã có yêu cầu thanh toán " + a.code() + " (" + a.status().label().toLowerCase() + ").");
        });
    }

    private Payment create(Dossier d, PaymentTiming timing, List<PaymentItem> items, String actor) {
        LocalDateTime now = dossiers.now();
        long agency = d.handlingAgencyId();
        String code = "TT" + d.id() + "-" + (store.countOfDossier(d.id()) + 1);
        long amount = FeeLines.total(items);
        long id;
        try {
            id = store.insert(code, d.id(), d.code(), d.procedureCode(), d.procedureName(), agency, timing, amount, d.applicant().name(),
                    d.applicant().idNumber(), now, actor, now.plus(props.expireAfter()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("Hồ sơ vừa có yêu cầu thanh toán khác; vui lòng tải lại trang.");
        }
        store.insertItems(id, items);
        store.insertEntry(id, now, actor, "REQUESTED", "Yêu cầu thanh toán " + amount + " đ");
        audit.recordAs(actor, "payment.requested", "payment", id, null, Map.of("dossier", d.code(), "amount", amount, "timing", timing.name()));
        events.publishEvent(new PaymentEvents.Requested(id, d.id(), d.code(), now, amount, timing));
        return get(id);
    }

    // ------------------------------------------------------------------ paying

    /**
     * Sends the payer to the payment platform: creates (or finds again, by the order id) the transaction and returns the
     * payment with the platform's page address. The platform is called outside any transaction; when it does not
     * answer nothing changes and the payer is told to try again.
     */
    public Payment startOnline(long paymentId, CurrentUser payer, String returnUrl) {
        Payment p = get(paymentId);
        Dossier d = dossiers.get(p.dossierId());
        if (!dossiers.isApplicant(payer, d) && !mayCollect(payer, d, p)) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        if (!p.status().open()) {
            throw new ConflictException("Khoản thanh toán " + p.code() + " đã " + p.status().label().toLowerCase() + ".");
        }
        if (dossiers.now().isAfter(p.expiresAt())) {
            throw new ConflictException("Yêu cầu thanh toán đã hết hạn; vui lòng tạo yêu cầu mới.");
        }
        Agency agency = agencies.get(p.collectingAgencyId());
        CollectingAccount account = account(p.collectingAgencyId());
        PaymentGateway.Order order = new PaymentGateway.Order(p.code(), p.amount(), p.dossierCode(), p.procedureCode(), p.procedureName(),
                agency.code(), agency.name(), p.items().stream().map(i -> new PaymentGateway.Fee(i.kind().name(), p.procedureCode(),
                i.name(), i.amount())).toList(), account.accountNumber(), account.accountName(), account.bank(), account.treasury(),
                p.payerName(), p.payerIdNumber(), d.applicant().address(), "Nộp " + (p.items().size() == 1 ? p.items().get(0).kind().label().toLowerCase()
                : "phí, lệ phí") + " hồ sơ " + p.dossierCode(), returnUrl,
                LocalAddress.resolve(props.callbackBaseUrl(), env) + "/api/v1/payments/callback", p.expiresAt());
        PaymentGateway.Transaction t;
        try {
            t = gateway.create(order);
        } catch (PaymentGateway.Unavailable e) {
            log.warn("payment platform unavailable for {}: {}", p.code(), e.getMessage());
            tx.executeWithoutResult(s -> store.insertEntry(p.id(), dossiers.now(), payer.username(), "GATEWAY_UNAVAILABLE", e.getMessage()));
            throw new UnavailableException("Nền tảng thanh toán tạm thời không phản hồi. Hồ sơ và yêu cầu thanh toán vẫn được giữ nguyên; "
                    + "vui lòng thử lại sau ít phút.", e);
        }
        return tx.execute(s -> {
            Payment current = get(paymentId);
            PaymentAggregate a = PaymentAggregate.of(current);
            PaymentAggregate.Change c = "PENDING".equals(t.status()) ? a.startedAtGateway(t.transactionId(), t.paymentUrl())
                    : a.gatewayReports(t.status(), t.paidAmount(), t.instrument(), t.transactionId(), t.paidAt(), dossiers.now(), "Nền tảng thanh toán");
            apply(current, a, c, payer.username());
            return get(paymentId);
        });
    }

    /** The one-stop officer (or an accountant) took the fees in cash: paid, with its receipt. */
    @Transactional
    public Payment recordCash(long paymentId, long rowVersion, CurrentUser officer) {
        Payment p = current(paymentId, rowVersion);
        Dossier d = dossiers.get(p.dossierId());
        if (!mayCollect(officer, d, p)) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        return change(p, officer.username(), a -> a.paidInCash(dossiers.now(), officer.fullName()));
    }

    /** Pays the money back (through the platform for an online payment), with the reason. */
    public Payment refund(long paymentId, long rowVersion, String reason, CurrentUser officer) {
        Payment p = current(paymentId, rowVersion);
        if (!mayRefund(officer, p)) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "Chưa nêu lý do hoàn tiền.");
        }
        if (p.status() != PaymentStatus.PAID) {
            throw new ConflictException("Chỉ hoàn tiền một khoản đã thanh toán.");
        }
        if (p.method() == PaymentMethod.GATEWAY) {
            try {
                gateway.refund(p.code(), p.settledAmount() == null ? p.amount() : p.settledAmount(), reason.trim());
            } catch (PaymentGateway.Unavailable e) {
                throw new UnavailableException("Nền tảng thanh toán chưa thực hiện hoàn tiền: " + e.getMessage(), e);
            }
        }
        return tx.execute(s -> change(current(paymentId, rowVersion), officer.username(), a -> a.refund(dossiers.now(), officer.username(), reason.trim())));
    }

    @Transactional
    public Payment resolveFlag(long paymentId, long rowVersion, String note, CurrentUser officer) {
        Payment p = current(paymentId, rowVersion);
        if (!mayRefund(officer, p)) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        if (note == null || note.isBlank()) {
            throw ValidationException.of("note", "Chưa ghi cách đã xử lý.");
        }
        return change(p, officer.username(), a -> a.resolveFlag(dossiers.now(), officer.username(), note.trim()));
    }

    /** Cancels the requests still open for a dossier that ended (withdrawn, refused, stopped). */
    @Transactional
    public void cancelOpen(long dossierId, String reason) {
        for (Payment p : store.ofDossier(dossierId)) {
            if (p.status().open()) {
                change(p, SYSTEM, a -> a.cancel(dossiers.now(), reason));
            }
        }
    }

    // ------------------------------------------------------------------ callbacks and reconciliation

    /** What became of a callback. */
    public enum CallbackOutcome { APPLIED, FLAGGED, DUPLICATE, UNKNOWN_ORDER, FORGED }

    /**
     * A callback of the payment platform. A body without the platform's valid signature is kept, audited and rejected;
     * a signed one is applied once: the same callback again, or one that arrives after a later state, changes nothing.
     */
    public CallbackOutcome callback(String body, String signature, String remoteAddr) {
        LocalDateTime now = dossiers.now();
        if (!gateway.signedByGateway(body, signature)) {
            String address = String.valueOf(remoteAddr);
            boolean keep = forgedByAddress.failures(address) < FORGED_KEPT_PER_HOUR;
            forgedByAddress.failed(address);
            if (keep) {
                tx.executeWithoutResult(s -> store.insertCallback(now, remoteAddr, null, null, null, null, false, CallbackOutcome.FORGED.name(), body));
                audit.recordAttempt("payment.callback-forged", "payment-callback", remoteAddr, Map.of("address", address, "bytes", body.length()));
                log.warn("payment callback with a bad signature from {}", remoteAddr);
            }
            return CallbackOutcome.FORGED;
        }
        PaymentGateway.Transaction t;
        try {
            t = gateway.parseCallback(body);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("body", e.getMessage());
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(s -> {
                    Optional<Payment> found = store.byCode(t.orderId());
                    if (found.isEmpty()) {
                        store.insertCallback(now, remoteAddr, t.orderId(), t.transactionId(), t.status(), t.paidAmount(), true,
                                CallbackOutcome.UNKNOWN_ORDER.name(), body);
                        return CallbackOutcome.UNKNOWN_ORDER;
                    }
                    Payment p = found.get();
                    PaymentAggregate a = PaymentAggregate.of(p);
                    PaymentAggregate.Change c = a.gatewayReports(t.status(), t.paidAmount(), t.instrument(), t.transactionId(), t.paidAt(), now,
                            "Nền tảng thanh toán báo");
                    apply(p, a, c, "paygov");
                    CallbackOutcome outcome = !c.changed() ? CallbackOutcome.DUPLICATE : c.raisedFlag() != null ? CallbackOutcome.FLAGGED
                            : CallbackOutcome.APPLIED;
                    store.insertCallback(now, remoteAddr, t.orderId(), t.transactionId(), t.status(), t.paidAmount(), true, outcome.name(), body);
                    return outcome;
                });
            } catch (ConflictException e) {
                if (attempt >= 3) {
                    throw e;
                }
                // a simultaneous callback for the same payment won: read it again (the repeat then changes nothing)
            }
        }
    }

    /**
     * Compares the payments still open (and online payments of the last days) with the platform: applies what it says
     * (paid, failed, refunded), expires requests past their deadline, and records the differences for an accountant.
     * A platform that does not answer is counted, not guessed: those payments stay as they are until the next run.
     */
    public Reconciliation reconcile(String by) {
        LocalDateTime now = dossiers.now();
        int checked = 0;
        int changed = 0;
        int unreachable = 0;
        List<Object[]> differences = new ArrayList<>();
        for (Payment p : store.toReconcile(now.minusDays(3), 5000)) {
            checked++;
            if (p.status() == PaymentStatus.CREATED && p.gatewayTxn() == null) {
                if (now.isAfter(p.expiresAt()) && changeQuietly(p.id(), by, a -> a.expire(now))) {
                    changed++;
                }
                continue;
            }
            Optional<PaymentGateway.Transaction> remote;
            try {
                remote = gateway.query(p.code());
            } catch (PaymentGateway.Unavailable e) {
                unreachable++;
                continue;
            }
            if (remote.isEmpty()) {
                differences.add(new Object[]{p, null, null, "Nền tảng thanh toán không có giao dịch này."});
                if (now.isAfter(p.expiresAt()) && changeQuietly(p.id(), by, a -> a.expire(now))) {
                    changed++;
                }
                continue;
            }
            PaymentGateway.Transaction t = remote.get();
            boolean moved = changeQuietly(p.id(), by, a -> a.gatewayReports(t.status(), t.paidAmount(), t.instrument(), t.transactionId(),
                    t.paidAt(), now, "Đối soát"));
            if (!moved && "PENDING".equals(t.status()) && now.isAfter(p.expiresAt())) {
                moved = changeQuietly(p.id(), by, a -> a.expire(now));
            }
            if (moved) {
                changed++;
            }
            Payment after = get(p.id());
            String localRemote = after.status() == PaymentStatus.PENDING ? "PENDING" : after.status().name();
            if (!localRemote.equals(t.status()) && !(after.status() == PaymentStatus.EXPIRED && "PENDING".equals(t.status()))) {
                differences.add(new Object[]{after, t.status(), t.paidAmount(), "Trạng thái khác nhau: MotCua " + after.status().label()
                        + ", nền tảng " + t.status() + "."});
            } else if (after.status() == PaymentStatus.PAID && after.settledAmount() != null && after.settledAmount() != t.paidAmount()) {
                differences.add(new Object[]{after, t.status(), t.paidAmount(), "Số tiền khác nhau."});
            } else if (after.flagged()) {
                differences.add(new Object[]{after, t.status(), t.paidAmount(), after.flag()});
            }
        }
        int c = checked;
        int ch = changed;
        int u = unreachable;
        long id = tx.execute(s -> {
            long run = store.insertReconciliation(now, by, c, ch, differences.size(), u);
            for (Object[] x : differences) {
                Payment p = (Payment) x[0];
                store.insertDifference(run, p.id(), p.status().name(), (String) x[1], p.amount(), (Long) x[2], (String) x[3]);
            }
            audit.recordAs(by, "payment.reconciled", "payment-reconciliation", run, null, Map.of("checked", c, "changed", ch,
                    "differences", differences.size(), "unreachable", u));
            return run;
        });
        return reconciliation(id);
    }

    /** Asks the platform about payments pending for a while (a lost callback is noticed within minutes, not the next day). */
    public int sweepPending(java.time.Duration olderThan) {
        LocalDateTime now = dossiers.now();
        int changed = 0;
        for (Payment p : store.toReconcile(now, 1000)) {
            if (p.status() != PaymentStatus.PENDING || p.createdAt().isAfter(now.minus(olderThan))) {
                continue;
            }
            try {
                Optional<PaymentGateway.Transaction> remote = gateway.query(p.code());
                if (remote.isPresent()) {
                    PaymentGateway.Transaction t = remote.get();
                    if (changeQuietly(p.id(), SYSTEM, a -> a.gatewayReports(t.status(), t.paidAmount(), t.instrument(), t.transactionId(),
                            t.paidAt(), now, "Kiểm tra giao dịch treo"))) {
                        changed++;
                    }
                }
            } catch (PaymentGateway.Unavailable e) {
                return changed;
            }
        }
        return changed;
    }

    /**
     * Asks the platform about one pending payment (when the payer comes back from its page, the callback may not have
     * arrived yet); a platform that does not answer changes nothing.
     */
    public Payment refresh(long paymentId) {
        Payment p = get(paymentId);
        if (p.status() == PaymentStatus.PENDING) {
            try {
                gateway.query(p.code()).ifPresent(t -> changeQuietly(p.id(), SYSTEM, a -> a.gatewayReports(t.status(), t.paidAmount(),
                        t.instrument(), t.transactionId(), t.paidAt(), dossiers.now(), "Người nộp quay lại từ nền tảng thanh toán")));
            } catch (PaymentGateway.Unavailable e) {
                log.info("payment platform unavailable while refreshing {}: {}", p.code(), e.getMessage());
            }
        }
        return get(paymentId);
    }

    public Optional<Payment> byCode(String code) {
        return store.byCode(code);
    }

    // ------------------------------------------------------------------ receipts and reports

    /** The electronic receipt (PDF), for whoever may see the payment. */
    public byte[] receipt(Payment p) {
        if (p.receiptStorageKey() == null) {
            throw new NotFoundException("Khoản thanh toán này chưa có biên lai.");
        }
        return files.get(p.receiptStorageKey());
    }

    /** Fees collected per agency and procedure, paid from {@code from} to {@code to} (inclusive days), within the user's units. */
    public List<RevenueRow> revenue(LocalDate from, LocalDate to, Long agencyId, CurrentUser user) {
        Problems p = new Problems();
        p.require(from != null && to != null && !to.isBefore(from), "from", "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày).");
        p.require(from == null || to == null || !to.isAfter(from.plusYears(5)), "to", "Khoảng thời gian tối đa 5 năm.");
        p.throwIfAny();
        return store.revenue(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), agencyId).stream()
                .filter(r -> user.has(Role.ADMIN) || isAccountantFor(user, r.agencyId()) || user.unitsFor(Role.LEADER).stream()
                        .anyMatch(u -> agencies.sameAgency(u, r.agencyId())))
                .toList();
    }

    // ------------------------------------------------------------------ settings

    @Transactional
    public void setTiming(String procedureCode, PaymentTiming timing, CurrentUser by) {
        if (catalog.inForceOn(procedureCode, dossiers.now().toLocalDate()).isEmpty()) {
            throw ValidationException.of("procedureCode", "Không có thủ tục đang có hiệu lực với mã " + procedureCode + ".");
        }
        PaymentTiming before = timing(procedureCode);
        store.setPolicy(procedureCode, timing, dossiers.now(), by.username());
        audit.record("payment.timing-changed", "procedure", procedureCode, Map.of("timing", before.name()), Map.of("timing", timing.name()));
    }

    /** The agency's collecting account, or the nearest one above it (a division collects into its department's account). */
    public CollectingAccount account(long agencyId) {
        Long id = agencyId;
        while (id != null) {
            Optional<CollectingAccount> a = store.account(id);
            if (a.isPresent()) {
                return a.get();
            }
            id = agencies.get(id).parentId();
        }
        Agency agency = agencies.get(agencyId);
        // no account declared anywhere above: the receipts still get a series of their own, the platform the agency's name
        return new CollectingAccount(agencyId, "(chưa khai báo)", agency.name(), "(chưa khai báo)", null, "01BLP0-001",
                "BL-" + agencyId + "E", -1);
    }

    public List<CollectingAccount> accounts() {
        return store.accounts();
    }

    /** Declares or changes where an agency collects fees and its receipt series (an administrator's setting). */
    @Transactional
    public void saveAccount(CollectingAccount a, CurrentUser by) {
        Problems p = new Problems();
        p.requireText(a.accountNumber(), "accountNumber", "Số tài khoản");
        p.requireText(a.accountName(), "accountName", "Tên tài khoản");
        p.requireText(a.bank(), "bank", "Ngân hàng");
        p.require(a.receiptSeries() != null && a.receiptSeries().matches("[A-Z0-9-]{2,20}"), "receiptSeries",
                "Ký hiệu biên lai gồm 2–20 chữ in hoa, chữ số hoặc dấu gạch ngang.");
        p.require(a.receiptTemplate() != null && a.receiptTemplate().matches("[A-Z0-9-]{2,20}"), "receiptTemplate",
                "Mẫu số biên lai gồm 2–20 chữ in hoa, chữ số hoặc dấu gạch ngang.");
        p.throwIfAny();
        Optional<CollectingAccount> before = store.account(a.agencyId());
        if (before.isPresent() && a.rowVersion() < 0) {
            throw new ConflictException("Đơn vị này đã có tài khoản thu; chọn “Sửa” ở dòng của đơn vị để thay đổi.");
        }
        if (before.isPresent()) {
            if (!store.updateAccount(a)) {
                throw new ConflictException("Tài khoản thu vừa được người khác sửa; vui lòng tải lại trang.");
            }
        } else {
            store.insertAccount(a);
        }
        audit.record("payment.account-saved", "agency", a.agencyId(), before.orElse(null), a);
    }

    // ------------------------------------------------------------------ helpers

    private Payment current(long id, long rowVersion) {
        Payment p = get(id);
        if (p.rowVersion() != rowVersion) {
            throw new ConflictException("Khoản thanh toán vừa thay đổi (" + p.status().label().toLowerCase() + "); vui lòng tải lại trang.");
        }
        return p;
    }

    private Payment change(Payment p, String actor, Function<PaymentAggregate, PaymentAggregate.Change> transition) {
        PaymentAggregate a = PaymentAggregate.of(p);
        apply(p, a, transition.apply(a), actor);
        return get(p.id());
    }

    /** One transition in its own transaction; false when it changed nothing (or someone else changed the payment first). */
    private boolean changeQuietly(long id, String actor, Function<PaymentAggregate, PaymentAggregate.Change> transition) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                Payment p = get(id);
                PaymentAggregate a = PaymentAggregate.of(p);
                PaymentAggregate.Change c = transition.apply(a);
                apply(p, a, c, actor);
                return c.changed();
            }));
        } catch (ConflictException e) {
            return false;
        }
    }

    /** Saves the transition, its history line, audit entry, receipt and events (inside the caller's transaction). */
    private void apply(Payment p, PaymentAggregate a, PaymentAggregate.Change c, String actor) {
        LocalDateTime now = dossiers.now();
        if (!c.changed()) {
            store.insertEntry(p.id(), now, actor, c.what(), c.detail());
            return;
        }
        if (!store.save(a)) {
            throw new ConflictException("Khoản thanh toán vừa được cập nhật; vui lòng tải lại trang.");
        }
        store.insertEntry(p.id(), now, actor, c.what(), c.detail());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", c.before().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", c.after().name());
        after.put("detail", c.detail());
        if (c.raisedFlag() != null) {
            after.put("flag", c.raisedFlag());
        }
        audit.recordAs(actor, "payment." + c.what().toLowerCase().replace('_', '-'), "payment", p.id(), before, after);
        String receipt = null;
        if (c.after() == PaymentStatus.PAID && c.before() != PaymentStatus.PAID && p.receiptNumber() == null) {
            receipt = issueReceipt(p.id(), actor);
        }
        switch (c.after()) {
            case PAID -> {
                if (c.statusChanged()) {
                    events.publishEvent(new PaymentEvents.Paid(p.id(), p.dossierId(), p.dossierCode(), now, a.settledAmount() == null ? p.amount()
                            : a.settledAmount(), a.method(), a.method() == PaymentMethod.GATEWAY, receipt));
                }
            }
            case FAILED, CANCELLED, EXPIRED -> events.publishEvent(new PaymentEvents.Failed(p.id(), p.dossierId(), p.dossierCode(), now, c.after()));
            case REFUNDED -> events.publishEvent(new PaymentEvents.Refunded(p.id(), p.dossierId(), p.dossierCode(), now,
                    a.settledAmount() == null ? p.amount() : a.settledAmount()));
            default -> {
            }
        }
        if (c.raisedFlag() != null) {
            events.publishEvent(new PaymentEvents.Flagged(p.id(), p.dossierId(), p.dossierCode(), now, c.raisedFlag()));
        }
    }

    /** Numbers, renders and stores the electronic receipt of a payment that was just paid. */
    private String issueReceipt(long paymentId, String actor) {
        Payment p = get(paymentId);
        CollectingAccount account = account(p.collectingAgencyId());
        long number = store.nextReceiptNumber(account.agencyId(), p.paidAt().getYear());
        String series = account.receiptSeries();
        Payment numbered = new Payment(p.id(), p.code(), p.dossierId(), p.dossierCode(), p.procedureCode(), p.procedureName(),
                p.collectingAgencyId(), p.timing(), p.amount(), p.status(), p.method(), p.instrument(), p.gatewayTxn(), p.paymentUrl(),
                p.payerName(), p.payerIdNumber(), p.createdAt(), p.createdBy(), p.expiresAt(), p.paidAt(), p.endedAt(), p.settledAmount(),
                series, number, null, p.flag(), p.flagResolvedBy(), p.flagResolvedAt(), p.refundReason(), p.refundedBy(), p.rowVersion(),
                p.items(), p.history());
        long paid = p.settledAmount() == null ? p.amount() : p.settledAmount();
        Map<String, Object> m = new HashMap<>();
        m.put("p", numbered);
        m.put("agency", agencies.get(p.collectingAgencyId()));
        m.put("account", account.rowVersion() < 0 ? null : account);
        m.put("template", account.receiptTemplate());
        m.put("number", String.format("%07d", number));
        m.put("paid", paid);
        m.put("words", AmountInWords.of(paid));
        m.put("method", p.method() == null ? "" : p.method().label() + (p.instrument() == null || p.method() == PaymentMethod.CASH ? ""
                : " — " + instrumentLabel(p.instrument())));
        m.put("masked", mask(p.payerIdNumber()));
        m.put("collector", p.method() == PaymentMethod.CASH ? accounts.list().stream().filter(a -> a.username().equals(actor))
                .map(vn.motcua.identity.Account::fullName).findFirst().orElse(actor) : "Thu qua nền tảng thanh toán");
        m.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(p.code() + "|" + series + "|" + number, 200)));
        byte[] pdf = pdfs.pdf("shared/payment-receipt", m);
        String key = files.put(pdf);
        store.setReceipt(p.id(), series, number, key);
        return series + "-" + String.format("%07d", number);
    }

    static String instrumentLabel(String instrument) {
        return switch (instrument == null ? "" : instrument) {
            case "BANK" -> "chuyển khoản ngân hàng";
            case "QR" -> "mã QR";
            case "CARD" -> "thẻ";
            case "WALLET" -> "ví điện tử";
            case "CASH" -> "tiền mặt";
            default -> instrument == null ? "" : instrument;
        };
    }

    /** A personal ID number on a receipt: the last four digits only. */
    static String mask(String id) {
        return id == null || id.length() < 5 ? id : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
    }
}
