package vn.motcua.dossier.web;

import vn.motcua.shared.web.Attachments;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.documents.StoredDocument;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.dossier.AgencyDossierStatistic;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.Queue;
import vn.motcua.dossier.StopKind;
import vn.motcua.dossier.Tracking;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON API of dossiers: the same operations as the officers' pages, and public tracking. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Dossiers", description = "Hồ sơ thủ tục hành chính")
public class DossierApiController {
    private final DossierService dossiers;
    private final DossierQueries queries;

    public DossierApiController(DossierService dossiers, DossierQueries queries) {
        this.dossiers = dossiers;
        this.queries = queries;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    /** What a public tracking request carries (in the body, never in the address). */
    public record TrackingRequest(@Schema(maxLength = 60, example = "000.00.12.H01-261124-0001") String code,
                                  @Schema(maxLength = 20, description = "Mã tra cứu in trên giấy tiếp nhận", example = "ABCDE-FGHJK") String secret,
                                  @Schema(maxLength = 12, description = "4 số cuối điện thoại hoặc số định danh", example = "6789") String check) {
    }

    @PostMapping("/tracking")
    @Operation(summary = "Tra cứu công khai: mã hồ sơ, mã tra cứu trên giấy tiếp nhận và 4 số cuối điện thoại hoặc số định danh",
            description = "Chỉ trả về trạng thái và các mốc thời gian. Tra sai nhiều lần sẽ bị làm chậm rồi tạm khóa (429, Retry-After).")
    public Tracking track(@RequestBody TrackingRequest r, HttpServletRequest request) {
        return queries.track(r.code(), r.secret(), r.check(), request.getRemoteAddr());
    }

    @PostMapping(path = "/tracking/result", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Tải kết quả điện tử đã ký số: cùng ba giá trị như tra cứu (công khai)",
            description = "404 khi hồ sơ chưa có kết quả điện tử hoặc thông tin tra cứu không khớp.")
    public ResponseEntity<byte[]> trackedResult(@RequestBody TrackingRequest r, HttpServletRequest request) {
        return file(queries.trackedResult(r.code(), r.secret(), r.check(), request.getRemoteAddr()));
    }

    @GetMapping("/statistics/dossiers")
    @Operation(summary = "Hồ sơ theo cơ quan giải quyết: tiếp nhận, đúng hạn, trễ hạn, đang giải quyết, quá hạn")
    public List<AgencyDossierStatistic> statistics(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from.isAfter(to)) {
            throw ValidationException.of("from", "Ngày bắt đầu phải trước ngày kết thúc.");
        }
        return queries.statistics(from, to);
    }

    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tiếp nhận hồ sơ trực tiếp hoặc bưu chính (cán bộ một cửa)")
    public Dossier receive(@RequestBody IntakeRequest request) {
        return dossiers.receive(request, user());
    }

    @GetMapping("/dossiers")
    @Operation(summary = "Hàng đợi hồ sơ của cán bộ")
    public List<DossierView> queue(@RequestParam(defaultValue = "MY_STEP") Queue queue) {
        return queries.queue(user(), queue);
    }

    @GetMapping("/dossiers/{id}")
    @Operation(summary = "Một hồ sơ (chỉ cán bộ của đơn vị liên quan hoặc người nộp)")
    public Dossier get(@PathVariable long id) {
        return dossiers.open(id, user(), "api");
    }

    @GetMapping("/reusable-documents")
    @Operation(summary = "Giấy tờ trong kho dữ liệu của người nộp dùng lại được cho thủ tục (cán bộ tiếp nhận)",
            description = "Theo từng thành phần hồ sơ (id): các giấy tờ còn hiệu lực cùng loại. Dùng trong trường reuse khi tiếp nhận.")
    public Map<Long, List<StoredDocument>> reusable(@RequestParam String procedureCode, @RequestParam String idNumber) {
        return dossiers.reusableAtIntake(procedureCode, idNumber, user());
    }

    @PostMapping(path = "/dossiers/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Số hóa một thành phần hồ sơ: đính kèm bản chụp (PDF, JPEG, PNG; cán bộ tiếp nhận)")
    public Dossier attach(@PathVariable long id, @RequestParam long rowVersion, @RequestParam long componentId,
                          @RequestParam("files") List<MultipartFile> files) {
        List<UploadedDocument> scans = files.stream().filter(DigitisationForm::chosen).map(DigitisationForm::single).toList();
        return dossiers.attachScans(id, rowVersion, componentId, scans, null, user());
    }

    @GetMapping(path = "/dossiers/{id}/files/{fileId}", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "Tải một tệp của hồ sơ (cán bộ của đơn vị liên quan hoặc người nộp)")
    public ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        Dossier d = dossiers.open(id, user(), "api-file:" + fileId);
        return file(dossiers.fileContent(d, fileId));
    }

    @GetMapping(path = "/dossiers/{id}/result", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Tải kết quả điện tử đã ký số của hồ sơ")
    public ResponseEntity<byte[]> result(@PathVariable long id) {
        Dossier d = dossiers.open(id, user(), "api-result");
        DossierFile f = dossiers.result(d).orElseThrow(() -> new NotFoundException("Hồ sơ chưa có kết quả điện tử."));
        return file(dossiers.fileContent(d, f.id()));
    }

    private static ResponseEntity<byte[]> file(DossierFile.Content f) {
        return Attachments.of(f.filename(), f.contentType(), f.content());
    }

    /**
     * The body of an action; each action reads the fields it needs. {@code defects}: published component id → what is
     * missing or wrong (supplement requests at intake and during processing).
     */
    public record Action(long rowVersion, String note, String reason, Outcome outcome, String resultText, Delivery delivery,
                         Long toAgencyId, String assignee, String explanation, LocalDateTime newAppointment,
                         IntakeDecision decision, Set<Long> present, Map<Long, String> defects, StopKind stopKind, String stopBasis,
                         String stopSettlement) {
    }

    @PostMapping("/dossiers/{id}/{action}")
    @Operation(summary = "Thao tác: intake-decision, forward, send-back, request-supplement, approve-supplement, decline-supplement, "
            + "receive-supplement, transfer, assign, apologise, return-result, request-stop, stop, withdraw")
    public Dossier act(@PathVariable long id, @PathVariable String action, @RequestBody Action a) {
        CurrentUser u = user();
        return switch (action) {
            case "intake-decision" -> dossiers.decideIntake(id, a.rowVersion(), a.decision(), a.present(), a.defects(), a.reason(), u);
            case "forward" -> dossiers.forward(id, a.rowVersion(), a.note(), a.outcome(), a.resultText(), u);
            case "send-back" -> dossiers.sendBack(id, a.rowVersion(), a.reason(), u);
            case "request-supplement" -> dossiers.requestSupplement(id, a.rowVersion(), a.defects(), a.note(), u);
            case "approve-supplement" -> dossiers.approveSupplement(id, a.rowVersion(), u);
            case "decline-supplement" -> dossiers.declineSupplement(id, a.rowVersion(), a.reason(), u);
            case "receive-supplement" -> dossiers.receiveSupplement(id, a.rowVersion(), a.note(), u);
            case "transfer" -> dossiers.transfer(id, a.rowVersion(), a.toAgencyId(), a.note(), u);
            case "assign" -> dossiers.assign(id, a.rowVersion(), a.assignee(), u);
            case "apologise" -> dossiers.apologise(id, a.rowVersion(), a.explanation(), a.newAppointment(), u);
            case "return-result" -> dossiers.returnResult(id, a.rowVersion(), a.delivery(), a.note(), u);
            case "request-stop" -> dossiers.requestStop(id, a.rowVersion(), a.reason(), u);
            case "stop" -> dossiers.stop(id, a.rowVersion(), a.stopKind(), a.reason(), a.stopBasis(), a.stopSettlement(), u);
            case "withdraw" -> dossiers.withdraw(id, a.rowVersion(), a.reason(), u);
            default -> throw new NotFoundException("Không có thao tác \"" + action + "\".");
        };
    }
}
