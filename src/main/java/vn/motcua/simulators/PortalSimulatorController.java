package vn.motcua.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The national portal's API as the province calls it: one address, the operation in the body's {@code service}
 * (DongBoHoSoMC, DongBoTrangThaiHoSo, DongBoDanhGia, LayDanhSachTTHC, LayThuTuc, LayDanhMucCoQuan, LayDanhMucLinhVuc,
 * TraCuuHoSo, ThongKeHoSoDongBo). Calls are signed ({@code X-Client-Id}, {@code X-Signature}); syncs need an
 * {@code Idempotency-Key}. Its knobs make it slow, fail, or apply a change and lose the answer.
 */
@RestController
@ConditionalOnProperty(name = "motcua.simulators.enabled", havingValue = "true", matchIfMissing = true)
class PortalSimulatorController {
    private final Simulators sims;
    private final ObjectMapper json;

    PortalSimulatorController(Simulators sims, ObjectMapper json) {
        this.sims = sims;
        this.json = json;
    }

    @PostMapping(value = "/sim/dvcqg/api", consumes = "application/json")
    ResponseEntity<JsonNode> api(@RequestHeader(value = "X-Client-Id", required = false) String client,
                                 @RequestHeader(value = "X-Signature", required = false) String signature,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                 @RequestBody String body) throws IOException {
        PortalSimulator portal = sims.portal();
        if (portal.api.call() != Knobs.Trouble.NONE) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, 99, "Hệ thống đang bận, vui lòng thử lại sau");
        }
        if (!portal.signed(client, body, signature)) {
            return answer(HttpStatus.UNAUTHORIZED, 1, "Sai mã đơn vị hoặc chữ ký");
        }
        JsonNode request = json.readTree(body);
        String service = request.path("service").asText();
        return switch (service) {
            case "DongBoHoSoMC", "DongBoTrangThaiHoSo", "DongBoDanhGia" -> {
                JsonNode data = request.path("data");
                if (key == null || key.isBlank() || !data.isArray() || data.isEmpty()) {
                    yield answer(HttpStatus.BAD_REQUEST, 2, "Thiếu Idempotency-Key hoặc dữ liệu");
                }
                if (!service.equals("DongBoDanhGia")) {
                    for (JsonNode item : data) {
                        if (item.path("MaHoSo").asText().isBlank()) {
                            yield answer(HttpStatus.BAD_REQUEST, 3, "Thiếu MaHoSo");
                        }
                    }
                }
                ObjectNode answer = portal.sync(key, service, data);
                if (portal.api.loseAnswer()) {
                    yield answer(HttpStatus.GATEWAY_TIMEOUT, 98, "Hết thời gian chờ");
                }
                yield ResponseEntity.ok(answer);
            }
            case "LayDanhSachTTHC" -> {
                ObjectNode a = ok();
                ArrayNode list = a.putArray("data");
                portal.catalog().values().forEach(p -> {
                    ObjectNode x = list.addObject();
                    x.put("MaTTHC", p.path("MaTTHC").asText());
                    x.put("TenTTHC", p.path("TenTTHC").asText());
                    x.put("MaLinhVuc", p.path("MaLinhVuc").asText());
                    x.put("CapThucHien", p.path("CapThucHien").asText());
                });
                yield ResponseEntity.ok(a);
            }
            case "LayThuTuc" -> {
                ObjectNode p = portal.catalog().get(request.path("MaTTHC").asText());
                if (p == null) {
                    yield answer(HttpStatus.NOT_FOUND, 4, "Không có thủ tục");
                }
                ObjectNode a = ok();
                a.set("data", p);
                yield ResponseEntity.ok(a);
            }
            case "LayDanhMucLinhVuc" -> {
                ObjectNode a = ok();
                ArrayNode list = a.putArray("data");
                java.util.Map<String, String> fields = new java.util.TreeMap<>();
                portal.catalog().values().forEach(p -> fields.put(p.path("MaLinhVuc").asText(), p.path("TenLinhVuc").asText()));
                fields.forEach((code, name) -> list.addObject().put("MaLinhVuc", code).put("TenLinhVuc", name));
                yield ResponseEntity.ok(a);
            }
            case "LayDanhMucCoQuan" -> {
                ObjectNode a = ok();
                ArrayNode list = a.putArray("data");
                java.util.Set<String> names = new java.util.TreeSet<>();
                portal.catalog().values().forEach(p -> names.add(p.path("CoQuanThucHien").asText()));
                int i = 1;
                for (String name : names) {
                    list.addObject().put("MaCoQuan", "H01." + String.format("%02d", i++)).put("TenCoQuan", name).put("MaCoQuanCha", "H01");
                }
                yield ResponseEntity.ok(a);
            }
            case "TraCuuHoSo" -> {
                JsonNode d = portal.dossiers().get(request.path("MaHoSo").asText());
                if (d == null) {
                    yield answer(HttpStatus.NOT_FOUND, 4, "Không có hồ sơ");
                }
                ObjectNode a = ok();
                a.set("data", d);
                a.set("TrangThai", json.valueToTree(portal.statuses(request.path("MaHoSo").asText())));
                yield ResponseEntity.ok(a);
            }
            case "ThongKeHoSoDongBo" -> {
                var codes = portal.receivedBetween(request.path("TuNgay").asText(), request.path("DenNgay").asText());
                ObjectNode a = ok();
                a.put("TongSo", codes.size());
                a.set("DanhSachMaHoSo", json.valueToTree(codes));
                yield ResponseEntity.ok(a);
            }
            default -> answer(HttpStatus.BAD_REQUEST, 5, "Không hỗ trợ dịch vụ " + service);
        };
    }

    private ObjectNode ok() {
        ObjectNode a = json.createObjectNode();
        a.put("error_code", 0);
        a.put("message", "Thành công");
        return a;
    }

    private ResponseEntity<JsonNode> answer(HttpStatus status, int code, String message) {
        ObjectNode a = json.createObjectNode();
        a.put("error_code", code);
        a.put("message", message);
        return ResponseEntity.status(status).body(a);
    }
}
