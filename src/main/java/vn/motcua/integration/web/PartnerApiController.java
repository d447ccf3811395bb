package vn.motcua.integration.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.PartnerCall;
import vn.motcua.integration.PostService;
import vn.motcua.integration.SectoralService;
import vn.motcua.integration.internal.PartnerAuth;
import vn.motcua.integration.internal.PortalInbound;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.ApiProblemHandler;

import java.util.List;

/**
 * What partner systems call: the national portal hands over dossiers and supplements submitted there, the public post
 * reports its tracking, ministries' sectoral systems report the province's dossiers they handle. Each call names its
 * system ({@code X-Client-Id}) and signs the exact body ({@code X-Signature}, HMAC-SHA256 hex, with the key shared with
 * the province); each is idempotent (the portal's dossier code, the post's event id, the sectoral report id).
 */
@RestController
@RequestMapping("/api/v1/partners")
@Tag(name = "Hệ thống đối tác", description = "Cổng DVCQG, bưu chính công ích, hệ thống chuyên ngành của bộ, ngành gọi vào (ký HMAC)")
class PartnerApiController {
    private static final String SIGNED = "Tiêu đề X-Client-Id là mã hệ thống; X-Signature là HMAC-SHA256 (hex) của nguyên văn nội dung bằng khóa chung. "
            + "Sai chữ ký: 401 và được ghi nhật ký. Gọi lại cùng nội dung: outcome DUPLICATE, không thay đổi gì.";

    private final PartnerAuth auth;
    private final PortalInbound portal;
    private final PostService post;
    private final SectoralService sectoral;
    private final ObjectMapper json;
    private final vn.motcua.integration.internal.FileLinks fileLinks;
    private final vn.motcua.dossier.DossierService dossiers;

    PartnerApiController(PartnerAuth auth, PortalInbound portal, PostService post, SectoralService sectoral, ObjectMapper json,
                         vn.motcua.integration.internal.FileLinks fileLinks, vn.motcua.dossier.DossierService dossiers) {
        this.fileLinks = fileLinks;
        this.dossiers = dossiers;
        this.auth = auth;
        this.portal = portal;
        this.post = post;
        this.sectoral = sectoral;
        this.json = json;
    }

    @PostMapping(path = "/portal/dossiers", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cổng DVCQG chuyển hồ sơ nộp trực tuyến trên Cổng", description = SIGNED + " Mã hệ thống: DVCQG. Thành phần hồ sơ theo số thứ tự "
            + "trong thủ tục đã công bố (ThuTuThanhPhan); tệp đính kèm mã hóa base64.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object"), examples = @ExampleObject(value = """
            {"MaHoSoDVCQG": "G22.99-251206-0001", "MaTTHC": "2.000884", "NoiTiepNhan": "AG.STP.MC", "XacThucVNeID": true,
             "NoiNhanKetQua": "ONLINE", "ChuHoSo": {"HoTen": "Nguyễn Văn An", "SoDinhDanh": "089090001234", "SoDienThoai": "0912345678",
             "Email": "an@example.vn", "DiaChi": "phường Long Xuyên, An Giang"},
             "TepDinhKem": [{"ThuTuThanhPhan": 1, "TenTep": "to-khai.pdf", "LoaiTep": "application/pdf", "NoiDung": "JVBERi0..."}]}""")))
    PartnerCall portalDossier(@org.springframework.web.bind.annotation.RequestBody String body,
                                    @Parameter(description = "Mã hệ thống gọi") @RequestHeader(value = "X-Client-Id", required = false) String client,
                                    @Parameter(description = "HMAC-SHA256 (hex) của nội dung") @RequestHeader(value = "X-Signature", required = false) String signature) {
        signed(client, body, signature, PartnerAuth.PORTAL);
        return portal.dossier(read(body));
    }

    @PostMapping(path = "/portal/supplements", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cổng DVCQG chuyển hồ sơ bổ sung", description = SIGNED + " Mã hệ thống: DVCQG. MaBoSung phân biệt các lần bổ sung.")
    PartnerCall portalSupplement(@org.springframework.web.bind.annotation.RequestBody String body,
                                       @RequestHeader(value = "X-Client-Id", required = false) String client,
                                       @RequestHeader(value = "X-Signature", required = false) String signature) {
        signed(client, body, signature, PartnerAuth.PORTAL);
        return portal.supplement(read(body));
    }

    @PostMapping(path = "/portal/updates", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cổng DVCQG chuyển cập nhật của người nộp: rút hồ sơ hoặc đổi thông tin liên hệ",
            description = SIGNED + " Mã hệ thống: DVCQG. LoaiCapNhat: RUT_HO_SO (kèm LyDo; chỉ trước khi tiếp nhận, sau đó 409) hoặc THONG_TIN_LIEN_HE "
                    + "(SoDienThoai, Email). MaCapNhat phân biệt các lần cập nhật.")
    PartnerCall portalUpdate(@org.springframework.web.bind.annotation.RequestBody String body,
                             @RequestHeader(value = "X-Client-Id", required = false) String client,
                             @RequestHeader(value = "X-Signature", required = false) String signature) {
        signed(client, body, signature, PartnerAuth.PORTAL);
        return portal.update(read(body));
    }

    @PostMapping(path = "/post/callback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bưu chính báo trạng thái vận đơn", description = SIGNED + " Mã hệ thống: VNPOST. SuKienId làm mỗi sự kiện chỉ được ghi một lần; "
            + "sự kiện đến muộn (thời gian sớm hơn) không ghi đè trạng thái mới hơn.")
    PartnerCall postCallback(@org.springframework.web.bind.annotation.RequestBody String body,
                                   @RequestHeader(value = "X-Client-Id", required = false) String client,
                                   @RequestHeader(value = "X-Signature", required = false) String signature) {
        signed(client, body, signature, PartnerAuth.POST);
        return post.tracking(read(body));
    }

    @PostMapping(path = "/sectoral/reports", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hệ thống chuyên ngành báo một hồ sơ của tỉnh hoặc trạng thái mới của nó",
            description = SIGNED + " Mã hệ thống và khóa do quản trị viên cấp. Cùng externalCode là cùng hồ sơ; reportId làm mỗi báo cáo chỉ được áp dụng một lần. "
                    + "Hồ sơ đã kết thúc không mở lại được (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object"), examples = @ExampleObject(value = """
            {"reportId": "DD-2026-000123-1", "externalCode": "DD-2026-000123", "procedureCode": "1.004227", "receivingUnitCode": "AG.STP.MC",
             "handlingUnitCode": "AG.SNNMT", "channel": "COUNTER", "status": "PROCESSING", "submittedAt": "2026-12-01T08:30:00",
             "receivedAt": "2026-12-01T08:45:00", "dueAt": "2026-12-15T17:00:00", "at": "2026-12-01T08:45:00",
             "applicant": {"name": "Trần Văn Bình", "idNumber": "089201005566", "phone": "0987001122", "address": "xã An Châu, An Giang"}}""")))
    PartnerCall sectoralReport(@org.springframework.web.bind.annotation.RequestBody String body,
                                     @RequestHeader(value = "X-Client-Id", required = false) String client,
                                     @RequestHeader(value = "X-Signature", required = false) String signature) {
        return sectoral.report(signed(client, body, signature, null), read(body));
    }

    @org.springframework.web.bind.annotation.GetMapping(path = "/files/{dossierCode}/{fileId}")
    @Operation(summary = "Cổng DVCQG tải một tệp của hồ sơ (đường dẫn có chữ ký, gửi kèm DongBoHoSoMC)",
            description = "exp là thời điểm hết hạn (giây Unix), sig là HMAC-SHA256 (hex) bằng khóa chung với Cổng. Sai hoặc hết hạn: 401.")
    ResponseEntity<byte[]> file(@org.springframework.web.bind.annotation.PathVariable String dossierCode,
                                @org.springframework.web.bind.annotation.PathVariable long fileId,
                                @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") long exp,
                                @org.springframework.web.bind.annotation.RequestParam(required = false) String sig) {
        if (!fileLinks.valid(dossierCode, fileId, exp, sig)) {
            auth.refused("DVCQG", "file " + dossierCode + "/" + fileId);
            throw new Forged();
        }
        var d = dossiers.byCode(dossierCode);
        var f = dossiers.fileContent(d, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment().filename(f.filename(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString()).body(f.content());
    }

    /** The calling system, or a 401 answer when the client id or the signature is wrong. */
    private String signed(String client, String body, String signature, String expected) {
        return auth.verify(client, body, signature, expected).orElseThrow(Forged::new);
    }

    /** A call whose client id or signature is wrong. */
    static final class Forged extends RuntimeException {
        Forged() {
            super("forged partner call", null, false, false);
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                throw ValidationException.of("body", "Nội dung phải là một đối tượng JSON.");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw ValidationException.of("body", "Nội dung không phải JSON hợp lệ.");
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Forged.class)
    ResponseEntity<ProblemDetail> forged() {
        ProblemDetail problem = ApiProblemHandler.problem(HttpStatus.UNAUTHORIZED, "Sai chữ ký",
                "Mã hệ thống hoặc chữ ký không hợp lệ; lời gọi đã được ghi nhật ký.", "unauthorized", List.of());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
