package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.Reconciliation;
import vn.motcua.payment.RevenueRow;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.web.Attachments;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** JSON API of the payment module: a dossier's payments, paying, receipts, revenue, reconciliation, and the platform's callback. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payments", description = "Thanh toán phí, lệ phí: yêu cầu, thanh toán trực tuyến, biên lai, đối soát, báo cáo thu")
public class PaymentApiController {
    private final PaymentService payments;
    private final DossierService dossiers;

    public PaymentApiController(PaymentService payments, DossierService dossiers) {
        this.payments = payments;
        this.dossiers = dossiers;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    /** Fee lines chosen: position among the procedure's payable lines (1-based) → quantity. */
    public record PaymentRequestBody(Map<Integer, Integer> quantities) {
    }

    public record RowVersion(long rowVersion) {
    }

    public record Refund(long rowVersion, String reason) {
    }

    public record OnlineStart(long paymentId, String status, String paymentUrl) {
    }

    public record CallbackAnswer(String code, String outcome) {
    }

    @GetMapping(path = "/dossiers/{id}/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các khoản phí, lệ phí của hồ sơ (người nộp, cán bộ được xem hồ sơ)")
    public List<Payment> ofDossier(@PathVariable long id) {
        Dossier d = dossiers.get(id);
        if (!dossiers.maySee(user(), d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return payments.ofDossier(id);
    }

    @PostMapping(path = "/dossiers/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lập yêu cầu thanh toán với các khoản phí, lệ phí áp dụng (người nộp hồ sơ trực tuyến hoặc cán bộ một cửa)",
            description = "Số tiền lấy từ phiên bản thủ tục đã công bố; chỉ chọn khoản và số lượng. Không gửi khoản nào khi thủ tục chỉ có một khoản cố định.")
    public ResponseEntity<Payment> request(@PathVariable long id, @RequestBody(required = false) PaymentRequestBody body) {
        Payment p = payments.request(id, body == null ? Map.of() : body.quantities(), user());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(p);
    }

    @GetMapping(path = "/payments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Một khoản thanh toán với các khoản phí và diễn biến")
    public Payment get(@PathVariable long id) {
        return payments.open(id, user());
    }

    @PostMapping(path = "/payments/{id}/online", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bắt đầu thanh toán trực tuyến: tạo giao dịch trên nền tảng thanh toán và trả địa chỉ trang thanh toán",
            description = "503 khi nền tảng thanh toán không trả lời; khoản thanh toán giữ nguyên, thử lại sau.")
    public OnlineStart online(@PathVariable long id) {
        String back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/thanh-toan/ket-qua").toUriString();
        Payment p = payments.startOnline(id, user(), back);
        return new OnlineStart(p.id(), p.status().name(), p.paymentUrl());
    }

    @PostMapping(path = "/payments/{id}/cash", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ghi nhận thu tiền mặt tại bộ phận một cửa (phát hành biên lai)")
    public Payment cash(@PathVariable long id, @RequestBody RowVersion body) {
        return payments.recordCash(id, body.rowVersion(), user());
    }

    @PostMapping(path = "/payments/{id}/refund", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hoàn tiền một khoản đã thanh toán (kế toán của đơn vị thu)",
            description = "Khoản trực tuyến được hoàn qua nền tảng thanh toán; 503 khi nền tảng không trả lời (khoản thanh toán giữ nguyên).")
    public Payment refund(@PathVariable long id, @RequestBody Refund body) {
        return payments.refund(id, body.rowVersion(), body.reason(), user());
    }

    @GetMapping(path = "/payments/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Biên lai điện tử (PDF)")
    public ResponseEntity<byte[]> receipt(@PathVariable long id) {
        Payment p = payments.open(id, user());
        return Attachments.of("bien-lai-" + p.code() + ".pdf", MediaType.APPLICATION_PDF_VALUE, payments.receipt(p));
    }

    @GetMapping(path = "/revenue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Số thu phí, lệ phí theo đơn vị thu và thủ tục trong khoảng ngày (kế toán, lãnh đạo, quản trị)")
    public List<RevenueRow> revenue(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(required = false) Long agencyId) {
        return payments.revenue(from, to, agencyId, user());
    }

    @GetMapping(path = "/payment-reconciliations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các lần đối soát gần đây với danh sách chênh lệch")
    public List<Reconciliation> reconciliations() {
        return payments.reconciliations(20);
    }

    @PostMapping(path = "/payment-reconciliations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đối soát ngay với nền tảng thanh toán",
            description = "Các khoản không kiểm tra được vì nền tảng không trả lời được đếm trong 'unreachable' và giữ nguyên; "
                    + "không báo lỗi mà ghi lại kết quả lần đối soát.")
    public Reconciliation reconcile() {
        return payments.reconcile(user().username());
    }

    @PostMapping(path = "/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nền tảng thanh toán báo kết quả giao dịch (gọi lại, ký HMAC-SHA256)",
            description = "Chữ ký HMAC-SHA256 (hex) trên nguyên văn nội dung, trong tiêu đề X-PayGov-Signature. Sai chữ ký: 401, được lưu và ghi nhật ký. "
                    + "Gọi lại nhiều lần hoặc sai thứ tự không thay đổi gì thêm (outcome DUPLICATE).")
    public ResponseEntity<?> callback(@RequestBody String body,
                                      @Parameter(description = "HMAC-SHA256 (hex) của nội dung bằng khóa chung với nền tảng")
                                      @RequestHeader(value = "X-PayGov-Signature", required = false) String signature,
                                      HttpServletRequest request) {
        PaymentService.CallbackOutcome outcome = payments.callback(body, signature, request.getRemoteAddr());
        if (outcome == PaymentService.CallbackOutcome.FORGED) {
            ProblemDetail problem = vn.motcua.shared.web.ApiProblemHandler.problem(HttpStatus.UNAUTHORIZED, "Sai chữ ký",
                    "Chữ ký của lời gọi lại không hợp lệ; lời gọi đã được lưu và ghi nhật ký.", "unauthorized", List.of());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new CallbackAnswer("00", outcome.name()));
    }
}
