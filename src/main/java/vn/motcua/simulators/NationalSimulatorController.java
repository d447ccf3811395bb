package vn.motcua.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contracts of the national identity provider (OpenID Connect: discovery, authorize, token, JWKS, userinfo), the
 * population database's citizen verification (through the LGSP) and the public post's order API with its tracking
 * callbacks. The authorize page stands for the VNeID app's confirmation: the person picks who they are.
 */
@Controller
@ConditionalOnProperty(name = "motcua.simulators.enabled", havingValue = "true", matchIfMissing = true)
class NationalSimulatorController {
    private final Simulators sims;
    private final ObjectMapper json;

    NationalSimulatorController(Simulators sims, ObjectMapper json) {
        this.sims = sims;
        this.json = json;
    }

    private NationalSimulators nat() {
        return sims.national();
    }

    // ---------------------------------------------------------------- VNeID (OpenID Connect provider)

    private static String issuer() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/sim/vneid").build().toUriString();
    }

    @GetMapping(value = "/sim/vneid/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> discovery() {
        String iss = issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", iss);
        m.put("authorization_endpoint", iss + "/authorize");
        m.put("token_endpoint", iss + "/token");
        m.put("jwks_uri", iss + "/jwks");
        m.put("userinfo_endpoint", iss + "/userinfo");
        m.put("response_types_supported", java.util.List.of("code"));
        m.put("subject_types_supported", java.util.List.of("public"));
        m.put("id_token_signing_alg_values_supported", java.util.List.of("RS256"));
        m.put("scopes_supported", java.util.List.of("openid", "profile", "so_dinh_danh"));
        m.put("token_endpoint_auth_methods_supported", java.util.List.of("client_secret_basic", "client_secret_post"));
        m.put("claims_supported", java.util.List.of("sub", "name", "birthdate", "gender", "phone_number", "so_dinh_danh", "muc_do_dinh_danh"));
        return m;
    }

    @GetMapping("/sim/vneid/authorize")
    String authorize(@RequestParam(name = "client_id", required = false) String clientId, @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                     @RequestParam(name = "response_type", required = false) String responseType, @RequestParam(required = false) String state,
                     @RequestParam(required = false) String nonce, @RequestParam(required = false) String scope, Model model) {
        if (!nat().clientId.equals(clientId) || redirectUri == null || !"code".equals(responseType) || scope == null || !scope.contains("openid")) {
            model.addAttribute("error", "Yêu cầu đăng nhập không hợp lệ (ứng dụng chưa đăng ký hoặc thiếu tham số).");
        }
        model.addAttribute("citizens", nat().citizens());
        model.addAttribute("clientId", clientId);
        model.addAttribute("redirectUri", redirectUri);
        model.addAttribute("state", state);
        model.addAttribute("nonce", nonce);
        return "simulators/vneid";
    }

    /** A link, not a form: the confirmation leads back to the province's site (a form's target would be limited by its CSP). */
    @GetMapping("/sim/vneid/authorize/xac-nhan")
    String confirm(@RequestParam(name = "client_id") String clientId, @RequestParam(name = "redirect_uri") String redirectUri,
                   @RequestParam(required = false) String state, @RequestParam(required = false) String nonce,
                   @RequestParam(required = false) String idNumber, @RequestParam(defaultValue = "allow") String decision) {
        if (!nat().clientId.equals(clientId)) {
            throw new vn.motcua.shared.NotFoundException("Ứng dụng chưa đăng ký với VNeID.");
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri);
        if (state != null) {
            back.queryParam("state", state);
        }
        var citizen = nat().citizen(idNumber);
        if (!"allow".equals(decision) || citizen.isEmpty()) {
            return "redirect:" + back.queryParam("error", "access_denied").build().encode().toUriString();
        }
        return "redirect:" + back.queryParam("code", nat().issue(citizen.get(), clientId, redirectUri, nonce)).build().encode().toUriString();
    }

    @PostMapping(value = "/sim/vneid/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestHeader(value = "Authorization", required = false) String authorization,
                                              @RequestParam(name = "grant_type", required = false) String grantType,
                                              @RequestParam(required = false) String code, @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                              @RequestParam(name = "client_id", required = false) String clientIdParam,
                                              @RequestParam(name = "client_secret", required = false) String clientSecretParam) {
        if (nat().identity.call() != Knobs.Trouble.NONE) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "temporarily_unavailable"));
        }
        String client = clientIdParam;
        String secret = clientSecretParam;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
            client = java.net.URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        if (!nat().clientId.equals(client) || !nat().clientSecret.equals(secret)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client"));
        }
        if (!"authorization_code".equals(grantType)) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        var grant = nat().redeem(code, client, redirectUri);
        if (grant.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_grant"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", nat().accessToken(grant.get().citizen()));
        m.put("token_type", "Bearer");
        m.put("expires_in", 300);
        m.put("scope", "openid profile so_dinh_danh");
        m.put("id_token", nat().idToken(grant.get(), issuer()));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(m);
    }

    @GetMapping(value = "/sim/vneid/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> jwks() {
        return nat().jwks();
    }

    @GetMapping(value = "/sim/vneid/userinfo", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> userinfo(@RequestHeader(value = "Authorization", required = false) String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        return nat().byAccessToken(token).map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sub", NationalSimulators.subject(c));
            m.putAll(nat().claims(c));
            return ResponseEntity.ok(m);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_token")));
    }

    // ---------------------------------------------------------------- population database (through the LGSP)

    @PostMapping(value = "/sim/csdldc/api/xac-thuc-cong-dan", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> verify(@RequestHeader(value = "X-Client-Id", required = false) String client,
                                    @RequestHeader(value = "X-Signature", required = false) String signature, @RequestBody String body) throws IOException {
        if (nat().population.call() != Knobs.Trouble.NONE) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, 99, "Nền tảng chia sẻ dữ liệu đang bận");
        }
        if (!nat().lgspClient.equals(client) || !vn.motcua.shared.Hmac.matches(nat().lgspSecret, body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, 1, "Sai mã đơn vị hoặc chữ ký");
        }
        JsonNode r = json.readTree(body);
        LocalDate birth;
        try {
            birth = LocalDate.parse(r.path("NgaySinh").asText());
        } catch (DateTimeParseException e) {
            return error(HttpStatus.BAD_REQUEST, 2, "Ngày sinh phải theo dạng yyyy-MM-dd");
        }
        ObjectNode a = json.createObjectNode();
        a.put("error_code", 0);
        var found = nat().citizen(r.path("SoDinhDanh").asText());
        boolean nameMatches = found.isPresent() && vn.motcua.shared.VietnameseText.fold(found.get().name())
                .equals(vn.motcua.shared.VietnameseText.fold(r.path("HoVaTen").asText()));
        boolean matched = found.isPresent() && nameMatches && found.get().birthDate().equals(birth);
        a.put("KetQua", matched);
        a.put("LyDo", found.isEmpty() ? "Không tìm thấy số định danh" : !nameMatches ? "Họ tên không khớp" : !matched ? "Ngày sinh không khớp" : "Khớp");
        if (matched) {
            var c = found.get();
            ObjectNode x = a.putObject("ThongTinCongDan");
            x.put("SoDinhDanh", c.idNumber());
            x.put("HoVaTen", c.name());
            x.put("NgaySinh", c.birthDate().toString());
            x.put("GioiTinh", c.gender());
            x.put("NoiThuongTru", c.permanentAddress());
            x.put("NoiOHienTai", c.currentAddress());
        }
        return ResponseEntity.ok(a);
    }

    // ---------------------------------------------------------------- public post (VNPost)

    @PostMapping(value = "/sim/vnpost/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> order(@RequestHeader(value = "X-Client-Id", required = false) String client,
                                   @RequestHeader(value = "X-Signature", required = false) String signature,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key, @RequestBody String body) throws IOException {
        if (nat().post.call() != Knobs.Trouble.NONE) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, 99, "Hệ thống bưu chính đang bận");
        }
        if (!nat().postClient.equals(client) || !vn.motcua.shared.Hmac.matches(nat().postSecret, body, signature)) {
            return error(HttpStatus.UNAUTHORIZED, 1, "Sai mã khách hàng hoặc chữ ký");
        }
        JsonNode r = json.readTree(body);
        String kind = r.path("LoaiDon").asText();
        if (key == null || r.path("MaDonHang").asText().isBlank() || !("PICKUP".equals(kind) || "DELIVERY".equals(kind))
                || r.path("NguoiNhan").path("DiaChi").asText().isBlank() || r.path("NguoiGui").path("DiaChi").asText().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, 2, "Thiếu mã đơn hàng, loại đơn, địa chỉ hoặc Idempotency-Key");
        }
        var o = nat().order(key, r.path("MaDonHang").asText(), kind, r.path("DiaChiNhanTrangThai").asText(null), r.path("KhoiLuong").asLong(300));
        if (nat().post.loseAnswer()) {
            return error(HttpStatus.GATEWAY_TIMEOUT, 98, "Hết thời gian chờ");
        }
        ObjectNode a = json.createObjectNode();
        a.put("error_code", 0);
        a.put("MaVanDon", o.carrierCode);
        a.put("CuocPhi", o.price);
        a.put("TrangThai", o.status());
        return ResponseEntity.ok(a);
    }

    /** The post moves an order on (the inbox page's button, or a test) and calls the province back. */
    @PostMapping("/gia-lap/vnpost/{carrierCode}/tiep")
    String advance(@PathVariable String carrierCode, @RequestParam(required = false) String status) {
        sims.advancePost(carrierCode, status);
        return "redirect:/gia-lap#vnpost";
    }

    private ResponseEntity<JsonNode> error(HttpStatus status, int code, String message) {
        ObjectNode a = json.createObjectNode();
        a.put("error_code", code);
        a.put("message", message);
        return ResponseEntity.status(status).body(a);
    }
}
