package vn.motcua.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.shared.Hmac;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The national payment platform as a merchant sees it: a transaction created for a dossier's fees (idempotent on the
 * merchant's order id), a page where the payer chooses bank transfer, QR or card and pays or gives up, a callback
 * signed with HMAC-SHA256 over the exact body ({@code X-PayGov-Signature}, hex) sent to the merchant, a query of the
 * transaction's state and a refund. Keeps its transactions in memory.
 */
public class PayGovSimulator {
    private static final Logger log = LoggerFactory.getLogger(PayGovSimulator.class);

    public enum Status { PENDING, PAID, FAILED, CANCELLED, REFUNDED }

    /** The platform's times are Vietnamese; on the wire they carry their offset (+07:00). */
    static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** A transaction as the platform keeps it. */
    public static final class Transaction {
        final String id;
        final String orderId;
        final long amount;
        final JsonNode request;
        final String callbackUrl;
        final String returnUrl;
        final LocalDateTime createdAt;
        volatile Status status = Status.PENDING;
        volatile long paidAmount;
        volatile String instrument;
        volatile String bank;
        volatile LocalDateTime paidAt;
        volatile int callbacksSent;

        Transaction(String id, String orderId, long amount, JsonNode request, String callbackUrl, String returnUrl, LocalDateTime createdAt) {
            this.id = id;
            this.orderId = orderId;
            this.amount = amount;
            this.request = request;
            this.callbackUrl = callbackUrl;
            this.returnUrl = returnUrl;
            this.createdAt = createdAt;
        }

        public String id() { return id; }
        public String orderId() { return orderId; }
        public long amount() { return amount; }
        public Status status() { return status; }
        public long paidAmount() { return paidAmount; }
        public String instrument() { return instrument; }
        public String bank() { return bank; }
        public LocalDateTime paidAt() { return paidAt; }
        public LocalDateTime createdAt() { return createdAt; }
        public int callbacksSent() { return callbacksSent; }
        public String returnUrl() { return returnUrl; }
        public String payerName() { return request.path("payer").path("name").asText(""); }
        public String description() { return request.path("description").asText(""); }
        public String dossierCode() { return request.path("dossierCode").asText(""); }
        public String beneficiary() {
            JsonNode b = request.path("beneficiary");
            return b.path("name").asText("") + " — " + b.path("account").asText("") + " — " + b.path("bank").asText("");
        }
        public List<JsonNode> fees() {
            List<JsonNode> fees = new ArrayList<>();
            request.path("fees").forEach(fees::add);
            return fees;
        }
    }

    private final Map<String, Transaction> byOrder = new ConcurrentHashMap<>();
    private final Map<String, Transaction> byId = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private final ObjectMapper json;
    private final String merchant;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "paygov-sim-callback");
        t.setDaemon(true);
        return t;
    });
    final Knobs api = new Knobs();
    final Knobs callback = new Knobs();

    PayGovSimulator(ObjectMapper json, String merchant, String secret) {
        this.json = json;
        this.merchant = merchant;
        this.secret = secret;
        callback.timeoutMillis(0);
    }

    String merchant() {
        return merchant;
    }

    boolean signedByMerchant(String body, String signature) {
        return Hmac.matches(secret, body, signature);
    }

    /** Creates the transaction, or returns the one already created for this order id. */
    Transaction create(JsonNode request) {
        String orderId = request.path("orderId").asText();
        return byOrder.computeIfAbsent(orderId, k -> {
            String id = "PG" + LocalDateTime.now(VIETNAM).getYear() + String.format("%08d", seq.incrementAndGet());
            Transaction t = new Transaction(id, orderId, request.path("amount").asLong(), request, request.path("callbackUrl").asText(),
                    request.path("returnUrl").asText(), LocalDateTime.now(VIETNAM));
            byId.put(id, t);
            log.info("PayGov simulator: transaction {} for order {} ({} đ)", id, orderId, t.amount);
            return t;
        });
    }

    Optional<Transaction> byOrder(String orderId) {
        return Optional.ofNullable(byOrder.get(orderId));
    }

    Optional<Transaction> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Transaction> latest(int n) {
        return byId.values().stream().sorted(Comparator.comparing(Transaction::createdAt).reversed()).limit(n).toList();
    }

    /** The payer finished on the payment page: paid (with the given instrument and bank) or not. */
    synchronized void finish(Transaction t, Status outcome, String instrument, String bank, long paidAmount) {
        if (t.status != Status.PENDING) {
            return;
        }
        t.status = outcome;
        t.instrument = instrument;
        t.bank = bank;
        if (outcome == Status.PAID) {
            t.paidAmount = paidAmount;
            t.paidAt = LocalDateTime.now(VIETNAM);
        }
        sendCallback(t);
    }

    synchronized boolean refund(Transaction t) {
        if (t.status != Status.PAID) {
            return false;
        }
        t.status = Status.REFUNDED;
        return true;
    }

    /** The transaction as the query and the callback report it. */
    ObjectNode view(Transaction t) {
        ObjectNode n = json.createObjectNode();
        n.put("merchantCode", merchant);
        n.put("orderId", t.orderId);
        n.put("transactionId", t.id);
        n.put("status", t.status.name());
        n.put("amount", t.amount);
        n.put("paidAmount", t.paidAmount);
        n.put("instrument", t.instrument);
        n.put("bank", t.bank);
        n.put("paidAt", t.paidAt == null ? null : t.paidAt.atZone(VIETNAM).toOffsetDateTime().toString());
        n.put("eventTime", Instant.now().toString());
        return n;
    }

    /** Sends the signed callback (after the configured delay; twice when told; not at all when the callback knob fails). */
    void sendCallback(Transaction t) {
        if (t.callbackUrl == null || t.callbackUrl.isBlank()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(view(t));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int times = callback.twice() ? 2 : 1;
        callbacks.submit(() -> {
            for (int i = 0; i < times; i++) {
                if (callback.call() != Knobs.Trouble.NONE) {
                    log.info("PayGov simulator: callback for {} not delivered (simulated failure)", t.orderId);
                    continue;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(t.callbackUrl)).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json").header("X-PayGov-Signature", Hmac.sha256Hex(secret, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    t.callbacksSent++;
                    log.info("PayGov simulator: callback for {} answered {}", t.orderId, r.statusCode());
                } catch (Exception e) {
                    log.info("PayGov simulator: callback for {} failed: {}", t.orderId, e.toString());
                }
            }
        });
    }

    void clear() {
        byOrder.clear();
        byId.clear();
        api.reset();
        callback.reset();
    }
}
