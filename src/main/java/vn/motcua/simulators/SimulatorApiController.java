package vn.motcua.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The simulated systems' own HTTP contracts (not MotCua's API): the payment platform's merchant API, an SMS brandname
 * gateway and Zalo's notification service, plus a control endpoint per system for the tests.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.simulators.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorApiController {
    private final Simulators sims;
    private final ObjectMapper json;

    SimulatorApiController(Simulators sims, ObjectMapper json) {
        this.sims = sims;
        this.json = json;
    }

    // ---------------------------------------------------------------- payment platform

    @PostMapping(value = "/sim/paygov/api/transactions", consumes = "application/json")
    ResponseEntity<JsonNode> create(@RequestHeader(value = "X-Merchant-Code", required = false) String merchant,
                                    @RequestHeader(value = "X-PayGov-Signature", required = false) String signature,
                                    @RequestBody String body) throws IOException {
        PayGovSimulator pg = sims.payGov();
        if (trouble(pg.api)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "99", "Hệ thống thanh toán đang bận");
        }
        if (!pg.merchant().equals(merchant) || !pg.signedByMerchant(body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "01", "Sai chữ ký hoặc mã đơn vị");
        }
        JsonNode request = json.readTree(body);
        if (request.path("orderId").asText().isBlank() || request.path("amount").asLong() <= 0) {
            return error(HttpStatus.BAD_REQUEST, "02", "Thiếu mã đơn hàng hoặc số tiền");
        }
        PayGovSimulator.Transaction t = pg.create(request);
        ObjectNode answer = pg.view(t);
        answer.put("paymentUrl", payPage(t.returnUrl()).path("/sim/paygov/thanh-toan/{id}").buildAndExpand(t.id()).toUriString());
        answer.put("code", "00");
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/sim/paygov/api/transactions/{orderId}")
    ResponseEntity<JsonNode> query(@PathVariable String orderId, @RequestHeader(value = "X-Merchant-Code", required = false) String merchant,
                                   @RequestHeader(value = "X-PayGov-Signature", required = false) String signature) {
        PayGovSimulator pg = sims.payGov();
        if (trouble(pg.api)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "99", "Hệ thống thanh toán đang bận");
        }
        if (!pg.merchant().equals(merchant) || !pg.signedByMerchant(orderId, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "01", "Sai chữ ký hoặc mã đơn vị");
        }
        return pg.byOrder(orderId).<ResponseEntity<JsonNode>>map(t -> {
            ObjectNode n = pg.view(t);
            n.put("code", "00");
            return ResponseEntity.ok(n);
        }).orElseGet(() -> error(HttpStatus.NOT_FOUND, "04", "Không có giao dịch"));
    }

    @PostMapping(value = "/sim/paygov/api/transactions/{orderId}/refund", consumes = "application/json")
    ResponseEntity<JsonNode> refund(@PathVariable String orderId, @RequestHeader(value = "X-Merchant-Code", required = false) String merchant,
                                    @RequestHeader(value = "X-PayGov-Signature", required = false) String signature, @RequestBody String body) {
        PayGovSimulator pg = sims.payGov();
        if (trouble(pg.api)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "99", "Hệ thống thanh toán đang bận");
        }
        if (!pg.merchant().equals(merchant) || !pg.signedByMerchant(body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, "01", "Sai chữ ký hoặc mã đơn vị");
        }
        PayGovSimulator.Transaction t = pg.byOrder(orderId).orElse(null);
        if (t == null) {
            return error(HttpStatus.NOT_FOUND, "04", "Không có giao dịch");
        }
        if (t.status() != PayGovSimulator.Status.REFUNDED && !pg.refund(t)) {
            return error(HttpStatus.CONFLICT, "05", "Giao dịch chưa thanh toán, không hoàn được");
        }
        ObjectNode n = pg.view(t);
        n.put("code", "00");
        return ResponseEntity.ok(n);
    }

    // ---------------------------------------------------------------- SMS brandname gateway

    @PostMapping(value = "/sim/sms/api/send", consumes = "application/json")
    ResponseEntity<JsonNode> sms(@RequestHeader(value = "Authorization", required = false) String authorization, @RequestBody JsonNode body) {
        if (trouble(sims.sms().knobs)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "99", "Nhà mạng tạm thời không nhận tin");
        }
        if (!("Bearer " + sims.smsKey()).equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "01", "Sai khóa truy cập");
        }
        String phone = body.path("phone").asText();
        String text = body.path("message").asText();
        if (!phone.matches("(0|84)\\d{9,10}") || text.isBlank() || text.length() > 612) {
            return error(HttpStatus.BAD_REQUEST, "02", "Số điện thoại hoặc nội dung không hợp lệ");
        }
        MessageInbox.Message m = sims.sms().accept(body.path("requestId").asText(null), phone, text);
        ObjectNode n = json.createObjectNode();
        n.put("code", "00");
        n.put("messageId", m.providerId());
        n.put("brandname", body.path("brandname").asText());
        return ResponseEntity.ok(n);
    }

    // ---------------------------------------------------------------- Zalo notification service (ZNS)

    @PostMapping(value = "/sim/zalo/message/template", consumes = "application/json")
    ResponseEntity<JsonNode> zalo(@RequestHeader(value = "access_token", required = false) String token, @RequestBody JsonNode body) {
        ObjectNode n = json.createObjectNode();
        if (trouble(sims.zalo().knobs)) {
            n.put("error", -32);
            n.put("message", "Exceeded the rate limit");
            return ResponseEntity.ok(n);
        }
        if (!sims.zaloToken().equals(token)) {
            n.put("error", -124);
            n.put("message", "Access token is invalid");
            return ResponseEntity.ok(n);
        }
        String phone = body.path("phone").asText();
        if (!phone.matches("84\\d{9,10}") || body.path("template_id").asText().isBlank()) {
            n.put("error", -108);
            n.put("message", "Phone number is invalid");
            return ResponseEntity.ok(n);
        }
        StringBuilder text = new StringBuilder();
        body.path("template_data").fields().forEachRemaining(e -> text.append(e.getKey()).append(": ").append(e.getValue().asText()).append("\n"));
        MessageInbox.Message m = sims.zalo().accept(body.path("tracking_id").asText(null), phone, text.toString().trim());
        n.put("error", 0);
        n.put("message", "Success");
        ObjectNode data = n.putObject("data");
        data.put("msg_id", m.providerId());
        data.put("sent_time", String.valueOf(System.currentTimeMillis()));
        data.put("tracking_id", m.requestId());
        return ResponseEntity.ok(n);
    }

    // ---------------------------------------------------------------- control (tests, operators)

    @PutMapping(value = "/sim/{system}/control", consumes = "application/json")
    ResponseEntity<Knobs.Settings> control(@PathVariable String system, @RequestBody Knobs.Settings settings) {
        return sims.knobs(system).map(k -> {
            k.set(settings);
            return ResponseEntity.ok(k.settings());
        }).orElse(ResponseEntity.notFound().build());
    }

    /**
     * Where the payer's browser finds the pay page: the simulator lives beside the merchant's site, so the origin of the
     * return address (the site the payer came from, e.g. localhost) rather than the address the merchant's server used.
     */
    private static org.springframework.web.util.UriComponentsBuilder payPage(String returnUrl) {
        try {
            URI back = returnUrl == null || returnUrl.isBlank() ? null : URI.create(returnUrl);
            if (back != null && back.getHost() != null && back.getPort() > 0) {
                return org.springframework.web.util.UriComponentsBuilder.newInstance().scheme(back.getScheme()).host(back.getHost()).port(back.getPort());
            }
        } catch (IllegalArgumentException e) {
            // fall back to the address the merchant called
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath();
    }

    private static boolean trouble(Knobs knobs) {
        return knobs.call() != Knobs.Trouble.NONE;
    }

    private ResponseEntity<JsonNode> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(json.valueToTree(Map.of("code", code, "message", message)));
    }
}
