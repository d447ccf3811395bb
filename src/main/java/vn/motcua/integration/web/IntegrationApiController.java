package vn.motcua.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.PopulationRegistry;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.ImportRun;
import vn.motcua.integration.ImportService;
import vn.motcua.integration.OutboxMessage;
import vn.motcua.integration.OutboxService;
import vn.motcua.integration.OutboxStatus;
import vn.motcua.integration.PortalProcedure;
import vn.motcua.integration.PortalReconciliation;
import vn.motcua.integration.PortalService;
import vn.motcua.integration.PostOrder;
import vn.motcua.integration.PostService;
import vn.motcua.shared.ValidationException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON API of the connections to the national systems: the outbox (per system, status and dossier; resend), the
 * national catalog and its proposals, reconciliation with the portal, imports from the replaced system, population
 * checks at intake, and an applicant's public-post orders.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "National systems", description = "Liên thông Cổng DVCQG, CSDL dân cư, bưu chính; hàng đợi gửi đi; nhập hồ sơ cũ")
public class IntegrationApiController {
    private final OutboxService outbox;
    private final PortalService portal;
    private final ImportService imports;
    private final PostService post;
    private final DossierService dossiers;

    IntegrationApiController(OutboxService outbox, PortalService portal, ImportService imports, PostService post, DossierService dossiers) {
        this.outbox = outbox;
        this.portal = portal;
        this.imports = imports;
        this.post = post;
        this.dossiers = dossiers;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping(path = "/integration/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tin nhắn gửi hệ thống quốc gia", description = "Lọc theo hệ thống (DVCQG, VNPOST), trạng thái và mã hồ sơ; mới nhất trước, tối đa 500.")
    public List<OutboxMessage> outbox(@RequestParam(required = false) String system, @RequestParam(required = false) OutboxStatus status,
                                      @RequestParam(required = false) String dossierCode, @RequestParam(defaultValue = "100") int limit) {
        return outbox.list(system, status, dossierCode, limit);
    }

    @PostMapping(path = "/integration/outbox/{id}/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Gửi lại một tin nhắn lỗi hoặc đang chờ", description = "Cùng khóa chống trùng: đối tác áp dụng tối đa một lần. Tin đã gửi xong: 422.")
    public OutboxMessage resend(@PathVariable long id) {
        return outbox.resend(id, user());
    }

    /** A reconciliation period. */
    public record ReconciliationRequest(LocalDate from, LocalDate to) {
    }

    @PostMapping(path = "/integration/reconciliations", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đối soát số hồ sơ với Cổng DVCQG", description = "Hồ sơ Cổng còn thiếu được gửi lại toàn bộ. Cổng không trả lời: 503.")
    public PortalReconciliation reconcile(@RequestBody ReconciliationRequest r) {
        return portal.reconcile(r.from(), r.to(), user());
    }

    @GetMapping(path = "/integration/reconciliations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các lần đối soát gần đây")
    public List<PortalReconciliation> reconciliations() {
        return portal.reconciliations(50);
    }

    @GetMapping(path = "/integration/portal-procedures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Danh mục TTHC đã kéo từ Cổng DVCQG, với đề xuất cho danh mục của tỉnh", description = "open=true: chỉ đề xuất cần xử lý.")
    public List<PortalProcedure> portalProcedures(@RequestParam(defaultValue = "false") boolean open) {
        return portal.procedures(open);
    }

    @PostMapping(path = "/integration/catalog-pulls", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Bắt đầu kéo danh mục từ Cổng DVCQG (chạy nền) và so với danh mục của tỉnh",
            description = "Trả về lần kéo (đang chạy khi finishedAt rỗng; error khi Cổng không trả lời); xem lại bằng GET. Danh mục của tỉnh không tự thay đổi.")
    public org.springframework.http.ResponseEntity<PortalService.CatalogPull> pull() {
        return org.springframework.http.ResponseEntity.accepted().body(portal.startPull(user()));
    }

    @GetMapping(path = "/integration/catalog-pulls/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lần kéo danh mục gần nhất (đang chạy hoặc đã xong)")
    public PortalService.CatalogPull latestPull() {
        return portal.lastPull().orElseThrow(() -> new vn.motcua.shared.NotFoundException("Chưa kéo danh mục lần nào."));
    }

    /** What to do with a proposal: ACCEPT (make a draft amendment), MAP (to localCode) or DISMISS. */
    public record Decision(String action, long rowVersion, String localCode) {
    }

    @PostMapping(path = "/integration/portal-procedures/{nationalCode}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Xử lý đề xuất: tạo dự thảo sửa đổi, ánh xạ mã hoặc bỏ qua", description = "rowVersion đã cũ: 409.")
    public PortalProcedure decide(@PathVariable String nationalCode, @RequestBody Decision d) {
        String action = d.action() == null ? "" : d.action();
        return switch (action) {
            case "ACCEPT" -> portal.accept(nationalCode, d.rowVersion(), user());
            case "MAP" -> portal.map(nationalCode, d.rowVersion(), d.localCode(), user());
            case "DISMISS" -> portal.dismiss(nationalCode, d.rowVersion(), user());
            default -> throw ValidationException.of("action", "action là ACCEPT, MAP hoặc DISMISS.");
        };
    }

    @PostMapping(path = "/integration/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhập hồ sơ từ hệ thống cũ (CSV, Excel, JSON)", description = "Mỗi dòng được lưu riêng; dòng lỗi được báo trong kết quả; nhập lại không trùng.")
    public ImportRun importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return imports.importFile(file.getOriginalFilename(), file.getBytes(), user());
    }

    @GetMapping(path = "/integration/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Kết quả một lần nhập, từng dòng")
    public ImportRun importRun(@PathVariable long id) {
        return imports.run(id);
    }

    /** A population-database check at intake. */
    public record PopulationCheckRequest(String idNumber, String name, LocalDate birthDate) {
    }

    /** The answer: matched or not, with the citizen's data and the proof to send with the intake. */
    public record PopulationCheckAnswer(boolean matched, String reason, PopulationRegistry.Citizen citizen, String proof) {
    }

    @PostMapping(path = "/population-checks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đối chiếu người nộp với CSDL quốc gia về dân cư", description = "Cán bộ tiếp nhận; được ghi nhật ký. CSDL không trả lời: 503 "
            + "(tiếp nhận theo giấy tờ xuất trình).")
    public PopulationCheckAnswer populationCheck(@RequestBody PopulationCheckRequest r) {
        DossierService.PopulationLookup l = dossiers.checkPopulation(r.idNumber(), r.name(), r.birthDate(), user());
        return new PopulationCheckAnswer(l.check().matched(), l.check().reason(), l.check().citizen().orElse(null), l.proof());
    }

    @PostMapping(path = "/me/post-pickups", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đặt bưu chính công ích đến nhận hồ sơ giấy", description = "Đơn được gửi tới bưu chính qua hàng đợi; trạng thái cập nhật khi bưu chính báo về.")
    public PostOrder pickup(@RequestBody PostService.PickupRequest r) {
        return post.requestPickup(r, user());
    }

    @GetMapping(path = "/me/post-orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các đơn bưu chính của tôi")
    public List<PostOrder> myOrders() {
        return post.mine(user());
    }
}
