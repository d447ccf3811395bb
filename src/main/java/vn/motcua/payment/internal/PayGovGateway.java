package vn.motcua.payment.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.payment.PaymentGateway;
import vn.motcua.payment.PaymentProperties;
import vn.motcua.shared.Hmac;
import vn.motcua.shared.LocalAddress;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The national payment platform's merchant API over HTTP: JSON bodies signed with HMAC-SHA256 ({@code X-PayGov-Signature},
 * hex, over the exact body; over the order id for a query), the merchant code in {@code X-Merchant-Code}; the order id
 * is the idempotency key (creating the same order twice gives the same transaction). Callbacks are checked the same way.
 */
@Component
class PayGovGateway implements PaymentGateway {
    private final PaymentProperties props;
    private final Environment env;
    private final ObjectMapper json;
    private final HttpClient http;

    PayGovGateway(PaymentProperties props, Environment env, ObjectMapper json) {
        this.props = props;
        this.env = env;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(props.timeout()).build();
    }

    @Override
    public Transaction create(Order o) {
        ObjectNode n = json.createObjectNode();
        n.put("orderId", o.orderId());
        n.put("amount", o.amount());
        n.put("currency", "VND");
        n.put("dossierCode", o.dossierCode());
        n.put("procedureCode", o.procedureCode());
        n.put("procedureName", o.procedureName());
        n.put("agencyCode", o.agencyCode());
        n.put("agencyName", o.agencyName());
        ArrayNode fees = n.putArray("fees");
        o.fees().forEach(f -> fees.addObject().put("kind", f.kind()).put("code", f.code()).put("name", f.name()).put("amount", f.amount()));
        ObjectNode b = n.putObject("beneficiary");
        b.put("account", o.beneficiaryAccount()).put("name", o.beneficiaryName()).put("bank", o.bank()).put("treasury", o.treasury());
        n.putObject("payer").put("name", o.payerName()).put("idNumber", o.payerIdNumber()).put("address", o.payerAddress());
        n.put("description", o.description());
        n.put("returnUrl", o.returnUrl());
        n.put("callbackUrl", o.callbackUrl());
        n.put("expiresAt", o.expiresAt().toString());
        String body = write(n);
        JsonNode answer = send(HttpRequest.newBuilder(uri("/api/transactions")).header("Content-Type", "application/json")
                .header("X-PayGov-Signature", sign(body)).POST(HttpRequest.BodyPublishers.ofString(body)), 200).orElseThrow(
                () -> new Unavailable("Nền tảng thanh toán không tạo được giao dịch.", null));
        return transaction(answer);
    }

    @Override
    public Optional<Transaction> query(String orderId) {
        return send(HttpRequest.newBuilder(uri("/api/transactions/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8)))
                .header("X-PayGov-Signature", sign(orderId)).GET(), 200).map(this::transaction);
    }

    @Override
    public Transaction refund(String orderId, long amount, String reason) {
        ObjectNode n = json.createObjectNode();
        n.put("orderId", orderId);
        n.put("amount", amount);
        n.put("reason", reason);
        String body = write(n);
        return send(HttpRequest.newBuilder(uri("/api/transactions/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "/refund"))
                .header("Content-Type", "application/json").header("X-PayGov-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200).map(this::transaction)
                .orElseThrow(() -> new Unavailable("Nền tảng thanh toán không biết giao dịch " + orderId + ".", null));
    }

    @Override
    public boolean signedByGateway(String body, String signature) {
        return Hmac.matches(props.secret(), body, signature);
    }

    @Override
    public Transaction parseCallback(String body) {
        try {
            return transaction(json.readTree(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("Nội dung gọi lại không phải JSON hợp lệ.", e);
        }
    }

    private Transaction transaction(JsonNode n) {
        String paidAt = n.path("paidAt").asText(null);
        return new Transaction(n.path("orderId").asText(), n.path("transactionId").asText(null), n.path("status").asText(),
                n.path("amount").asLong(), n.path("paidAmount").asLong(), n.path("instrument").asText(null), n.path("bank").asText(null),
                time(paidAt), n.path("paymentUrl").asText(null));
    }

    /** A time from the platform in Vietnamese local time: with an offset or zone (converted), or local (taken as Vietnamese). */
    static LocalDateTime time(String text) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).atZoneSameInstant(vn.motcua.shared.ApplicationClock.VIETNAM).toLocalDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text);
            } catch (java.time.format.DateTimeParseException e2) {
                throw new IllegalArgumentException("Thời điểm thanh toán không đọc được: " + text, e2);
            }
        }
    }

    /** Sends the request; empty on 404; {@link Unavailable} when the platform cannot be reached or answers otherwise. */
    private Optional<JsonNode> send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> r;
        try {
            r = http.send(request.header("X-Merchant-Code", props.merchant()).timeout(props.timeout()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("Không kết nối được nền tảng thanh toán: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Bị ngắt khi chờ nền tảng thanh toán.", e);
        }
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != expected) {
            throw new Unavailable("Nền tảng thanh toán trả lời " + r.statusCode() + ": " + r.body(), null);
        }
        try {
            return Optional.of(json.readTree(r.body()));
        } catch (IOException e) {
            throw new Unavailable("Nền tảng thanh toán trả lời không đọc được.", e);
        }
    }

    private URI uri(String path) {
        return URI.create(LocalAddress.resolve(props.gatewayUrl(), env) + path);
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String text) {
        return Hmac.sha256Hex(props.secret(), text);
    }
}
