package vn.motcua.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.dossier.Dossier;
import vn.motcua.identity.CurrentUser;
import vn.motcua.payment.CollectingAccount;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.shared.ApplicationClock;
import vn.motcua.shared.Hmac;
import vn.motcua.shared.LocalAddress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The demo province's fees: collecting accounts and receipt series of the agencies that handle the demo dossiers,
 * one procedure paid after assessment, and the payments of the replayed history — online through the payment
 * platform (the simulator's pay page, then the platform's signed callback at the moment the payer paid), cash at the
 * counter, a failed attempt paid again, a refund, an amount the platform reported wrong (flagged), a forged callback,
 * requests never paid.
 */
@Component
class DemoPayments {
    private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);
    static final String ASSESSED = "1.012760";

    private final PaymentService payments;
    private final ObjectMapper json;
    private final Environment env;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private boolean gatewayUp = true;

    DemoPayments(PaymentService payments, ObjectMapper json, Environment env, @Value("${motcua.payment.secret:}") String secret) {
        this.payments = payments;
        this.json = json;
        this.env = env;
        this.secret = secret;
    }

    /** Accounts, receipt series and the one procedure paid after assessment (inside the loader's first transaction). */
    void loadSettings(Map<String, Long> ids, CurrentUser admin) {
        Object[][] accounts = {
                {"AG", "3511.0.1053927", "UBND tỉnh An Giang — thu phí, lệ phí", "Kho bạc Nhà nước An Giang", "KBNN An Giang", "AG-26E"},
                {"AG.STP", "3511.0.1054011", "Sở Tư pháp tỉnh An Giang", "Vietcombank chi nhánh An Giang", "KBNN An Giang", "STP-26E"},
                {"AG.SNNMT", "3511.0.1054122", "Sở Nông nghiệp và Môi trường tỉnh An Giang", "VietinBank chi nhánh An Giang", "KBNN An Giang", "SNNMT-26E"},
                {"AG.STC", "3511.0.1054233", "Sở Tài chính tỉnh An Giang", "BIDV chi nhánh An Giang", "KBNN An Giang", "STC-26E"},
                {"AG.P.LX", "3511.0.2001001", "UBND phường Long Xuyên", "Agribank chi nhánh An Giang", "KBNN khu vực Long Xuyên", "PLX-26E"},
                {"AG.X.AC", "3511.0.2001002", "UBND xã An Châu", "Agribank chi nhánh An Giang", "KBNN khu vực Châu Thành", "XAC-26E"},
                {"AG.P.RG", "3511.0.2001003", "UBND phường Rạch Giá", "Agribank chi nhánh Kiên Giang", "KBNN khu vực Rạch Giá", "PRG-26E"}};
        for (Object[] a : accounts) {
            Long id = ids.get((String) a[0]);
            if (id != null) {
                payments.saveAccount(new CollectingAccount(id, (String) a[1], (String) a[2], (String) a[3], (String) a[4], "01BLP0-001",
                        (String) a[5], -1), admin);
            }
        }
        payments.setTiming(ASSESSED, PaymentTiming.AFTER_ASSESSMENT, admin);
    }

    /** The simulator's callbacks are held back while the history is replayed: the history says when each payer paid. */
    void holdCallbacks(boolean hold) {
        try {
            String url = LocalAddress.resolve("http://127.0.0.1:{port}/sim/paygov-callback/control", env);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMillis\":0,\"failNext\":0,\"failPercent\":0,\"down\":" + hold + ",\"twice\":false}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            gatewayUp = r.statusCode() == 200;
        } catch (Exception e) {
            gatewayUp = false;
        }
        if (!gatewayUp && hold) {
            log.info("Dữ liệu mẫu: không có nền tảng thanh toán giả lập; các khoản trực tuyến của lịch sử chỉ ghi lời gọi lại.");
        }
    }

    /** The request a dossier's fees become, with the lines an applicant or officer would choose; empty when nothing is due. */
    Optional<Payment> request(Dossier d, LocalDateTime t, CurrentUser by, Random r) {
        List<Fee> fees = payments.fees(d);
        if (payments.timing(d.procedureCode()) != PaymentTiming.AT_SUBMISSION || fees.stream().noneMatch(f -> f.amountVnd() > 0)) {
            return Optional.empty();
        }
        Optional<Payment> active = payments.active(d.id(), PaymentTiming.AT_SUBMISSION);
        if (active.isPresent()) {
            return active;
        }
        if (fees.stream().anyMatch(f -> f.amountVnd() == 0)) {
            // a free alternative exists (birth registered on time …): no fee
            return Optional.empty();
        }
        Map<Integer, Integer> quantities = new HashMap<>();
        List<Fee> payable = fees.stream().filter(f -> f.amountVnd() > 0).toList();
        if (payable.size() > 1 && payable.get(0).description().contains("miễn khi nộp trực tuyến") && d.channel() == vn.motcua.dossier.Channel.ONLINE) {
            quantities.put(2, 1);
        } else if (payable.size() > 1 && payable.get(1).description().contains("Sinh viên")) {
            quantities.put(r.nextInt(5) == 0 ? 2 : 1, 1);
        } else {
            for (int i = 1; i <= payable.size(); i++) {
                quantities.put(i, payable.get(i - 1).description().contains("mỗi") ? 1 + r.nextInt(8) : 1);
            }
        }
        try {
            return Optional.of(at(t, () -> payments.request(d.id(), quantities, by)));
        } catch (vn.motcua.shared.ConflictException e) {
            // the submission's listener made the request first
            return payments.active(d.id(), PaymentTiming.AT_SUBMISSION);
        }
    }

    Optional<Payment> active(long dossierId) {
        return payments.active(dossierId, PaymentTiming.AT_SUBMISSION);
    }

    /** The applicant pays online: the platform's page, then its signed callback at {@code t}. */
    Payment payOnline(Payment p, LocalDateTime t, CurrentUser payer, String outcome) {
        Payment started = p;
        if (gatewayUp) {
            try {
                started = at(t.minusMinutes(2), () -> payments.startOnline(p.id(), payer, LocalAddress.resolve("http://127.0.0.1:{port}/thanh-toan/ket-qua", env)));
                if (started.paymentUrl() != null) {
                    http.send(HttpRequest.newBuilder(URI.create(started.paymentUrl())).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("instrument=" + (p.id() % 3 == 0 ? "QR" : "BANK") + "&bank=Vietcombank&outcome=" + outcome))
                            .build(), HttpResponse.BodyHandlers.discarding());
                }
            } catch (Exception e) {
                log.debug("demo payment {} without the platform: {}", p.code(), e.toString());
            }
        }
        return callback(started, t, outcome, started.amount());
    }

    /** The platform's callback, signed with the shared key, as it arrives at {@code t}. */
    Payment callback(Payment p, LocalDateTime t, String status, long paidAmount) {
        ObjectNode n = json.createObjectNode();
        n.put("orderId", p.code());
        n.put("transactionId", p.gatewayTxn() != null ? p.gatewayTxn() : "PG-LS-" + p.id());
        n.put("status", status);
        n.put("amount", p.amount());
        n.put("paidAmount", "PAID".equals(status) ? paidAmount : 0);
        n.put("instrument", p.id() % 3 == 0 ? "QR" : "BANK");
        n.put("bank", "Vietcombank");
        n.put("paidAt", "PAID".equals(status) ? t.toString() : null);
        String body = n.toString();
        at(t, () -> payments.callback(body, sign(body), "127.0.0.1"));
        return payments.get(p.id());
    }

    /** Someone posts a callback without the platform's key: rejected and logged. */
    void forged(LocalDateTime t, Payment p) {
        String body = "{\"orderId\":\"" + p.code() + "\",\"status\":\"PAID\",\"amount\":" + p.amount() + ",\"paidAmount\":" + p.amount() + "}";
        at(t, () -> payments.callback(body, "0".repeat(64), "203.0.113.45"));
    }

    Payment cash(Payment p, LocalDateTime t, CurrentUser officer) {
        return at(t, () -> payments.recordCash(p.id(), payments.get(p.id()).rowVersion(), officer));
    }

    /** The fees set by assessment for a granted land dossier, entered by the specialist and paid at the counter. */
    void assessedAndPaid(Dossier d, LocalDateTime t, CurrentUser specialist, CurrentUser counter, Random r) {
        if (payments.timing(d.procedureCode()) != PaymentTiming.AFTER_ASSESSMENT || payments.paid(d.id(), PaymentTiming.AFTER_ASSESSMENT)) {
            return;
        }
        Payment p = payments.active(d.id(), PaymentTiming.AFTER_ASSESSMENT)
                .orElseGet(() -> at(t.minusMinutes(40), () -> payments.assess(d.id(), 2, 300_000 + 50_000L * r.nextInt(8), specialist)));
        if (p.status().open()) {
            cash(p, t.minusMinutes(10), counter);
        }
    }

    void refund(Payment p, LocalDateTime t, CurrentUser accountant, String reason) {
        Payment current = payments.get(p.id());
        if (current.status() == PaymentStatus.PAID) {
            at(t, () -> payments.refund(p.id(), current.rowVersion(), reason, accountant));
        }
    }

    void reconcile(LocalDateTime t) {
        at(t, () -> payments.reconcile("system"));
    }

    private String sign(String body) {
        return Hmac.sha256Hex(secret, body);
    }

    private static <T> T at(LocalDateTime t, Supplier<T> work) {
        return ApplicationClock.at(t, work);
    }
}
