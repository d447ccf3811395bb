package vn.motcua.control.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.control.ControlWarning;
import vn.motcua.control.CostAssessment;
import vn.motcua.control.CostInput;
import vn.motcua.control.CutFigure;
import vn.motcua.control.DecentralisationItem;
import vn.motcua.control.Inspection;
import vn.motcua.control.InternalProcedure;
import vn.motcua.control.OversightService;
import vn.motcua.control.Proposal;
import vn.motcua.control.PublicationFigures;
import vn.motcua.control.PublicationItem;
import vn.motcua.control.RegulationDraft;
import vn.motcua.control.ReviewPlan;
import vn.motcua.control.ReviewService;
import vn.motcua.control.SimplificationService;
import vn.motcua.control.StepAnalysis;
import vn.motcua.control.StepTimeService;
import vn.motcua.shared.ValidationException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON API of TTHC control: review plans, the decentralisation review, compliance-cost simulation and assessments,
 * simplification proposals and the 20 % tracker, internal procedures, publication timeliness (766 group 1), draft
 * regulations, inspections, step times mined from history, and the open warnings.
 */
@RestController
@RequestMapping(path = "/api/v1/control", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "TTHC control", description = "Kiểm soát TTHC: rà soát, chi phí tuân thủ, đơn giản hóa, TTHC nội bộ, phân cấp, công bố, dự thảo, kiểm tra")
public class ControlApiController {
    private final ReviewService reviews;
    private final SimplificationService simplification;
    private final OversightService oversight;
    private final StepTimeService stepTimes;

    ControlApiController(ReviewService reviews, SimplificationService simplification, OversightService oversight, StepTimeService stepTimes) {
        this.reviews = reviews;
        this.simplification = simplification;
        this.oversight = oversight;
        this.stepTimes = stepTimes;
    }

    private static int year(Integer year, LocalDate today) {
        if (year == null) {
            return today.getYear();
        }
        if (year < 2000 || year > 2100) {
            throw ValidationException.of("year", "Năm không hợp lệ.");
        }
        return year;
    }

    @GetMapping("/review-plans")
    @Operation(summary = "Kế hoạch rà soát, đánh giá TTHC của một năm, với từng nội dung, tiến độ và kết quả")
    public List<ReviewPlan> plans(@RequestParam(required = false) Integer year) {
        return reviews.plans(year(year, reviews.today()));
    }

    @GetMapping("/decentralisation-reviews")
    @Operation(summary = "Kết quả rà soát phân cấp, ủy quyền của một đợt", description = "Không có round: đợt mới nhất.")
    public List<DecentralisationItem> decentralisation(@RequestParam(required = false) String round) {
        List<String> rounds = reviews.rounds();
        String r = round == null || round.isBlank() ? (rounds.isEmpty() ? null : rounds.get(0)) : round;
        return r == null ? List.of() : reviews.round(r);
    }

    @PostMapping(path = "/cost-simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tính thử chi phí tuân thủ và mô phỏng đơn giản hóa (không lưu)",
            description = "Thông tư 02/2017/TT-VPCP Điều 27: chi phí một lần, sau đơn giản hóa, tiết kiệm, tỷ lệ và chi phí hằng năm.")
    public CostAssessment simulate(@RequestBody CostInput in) {
        return simplification.compute(in);
    }

    @PostMapping(path = "/cost-assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lưu bản đánh giá chi phí tuân thủ của thủ tục đang có hiệu lực")
    public ResponseEntity<CostAssessment> saveAssessment(@RequestBody CostInput in) {
        long id = simplification.saveAssessment(in, Pages.user());
        return ResponseEntity.created(URI.create("/api/v1/control/cost-assessments/" + id)).body(simplification.assessment(id));
    }

    @GetMapping("/cost-assessments")
    @Operation(summary = "Các bản đánh giá chi phí tuân thủ (không kèm các khoản)", description = "Lọc theo mã thủ tục.")
    public List<CostAssessment> assessments(@RequestParam(required = false) String procedureCode) {
        return simplification.assessments(procedureCode);
    }

    @GetMapping("/cost-assessments/{id}")
    @Operation(summary = "Một bản đánh giá chi phí tuân thủ với các khoản hiện nay và sau đơn giản hóa")
    public CostAssessment assessment(@PathVariable long id) {
        return simplification.assessment(id);
    }

    @GetMapping("/proposals")
    @Operation(summary = "Phương án đơn giản hóa", description = "Lọc theo năm và mã thủ tục.")
    public List<Proposal> proposals(@RequestParam(required = false) Integer year, @RequestParam(required = false) String procedureCode) {
        return simplification.proposals(year == null ? null : year(year, simplification.today()), procedureCode);
    }

    @PostMapping(path = "/proposals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lập phương án đơn giản hóa (dự thảo)", description = "kind: PUBLIC (TTHC) hoặc INTERNAL (TTHC nội bộ).")
    public ResponseEntity<Proposal> propose(@RequestBody SimplificationService.ProposalInput in) {
        long id = simplification.propose(in, Pages.user());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/control/proposals/" + id)).body(simplification.proposal(id));
    }

    @GetMapping("/proposals/{id}")
    @Operation(summary = "Một phương án đơn giản hóa")
    public Proposal proposal(@PathVariable long id) {
        return simplification.proposal(id);
    }

    @GetMapping("/simplification-tracker")
    @Operation(summary = "Theo dõi mục tiêu cắt giảm 20 % theo đơn vị trong năm", description = "Dòng cuối (agencyId 0) là toàn tỉnh.")
    public List<CutFigure> tracker(@RequestParam(required = false) Integer year) {
        return simplification.tracker(year(year, simplification.today()));
    }

    @GetMapping("/internal-procedures")
    @Operation(summary = "Danh mục TTHC nội bộ với các phiên bản")
    public List<InternalProcedure> internals() {
        return simplification.internals();
    }

    /** Publication timeliness of a period: the 766 group-1 figures and each legal basis or decision. */
    public record PublicationReport(PublicationFigures figures, List<PublicationItem> items) {
    }

    @GetMapping("/publication-timeliness")
    @Operation(summary = "Công bố, công khai TTHC đúng hạn (chỉ số 1.1, 1.2, 1.3)", description = "Mặc định từ đầu năm đến hôm nay.")
    public PublicationReport publications(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate t = to == null ? oversight.today() : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        if (f.isAfter(t) || f.isBefore(t.minusYears(5))) {
            throw ValidationException.of("from", "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 5 năm).");
        }
        return new PublicationReport(oversight.figures(f, t), oversight.publications(f, t));
    }

    @GetMapping("/regulation-drafts")
    @Operation(summary = "Dự thảo văn bản có quy định TTHC, với đánh giá tác động, ý kiến và thẩm định")
    public List<RegulationDraft> drafts() {
        return oversight.drafts();
    }

    @GetMapping("/inspections")
    @Operation(summary = "Các cuộc kiểm tra trong năm với tồn tại và việc khắc phục")
    public List<Inspection> inspections(@RequestParam(required = false) Integer year) {
        return oversight.inspections(year(year, oversight.today()));
    }

    @GetMapping("/step-times")
    @Operation(summary = "Thời gian thực tế của từng bước quy trình nội bộ và đề xuất rút ngắn",
            description = "Hồ sơ kết thúc trong khoảng thời gian (mặc định 12 tháng), theo quy trình STANDARD hoặc ONLINE.")
    public StepAnalysis steps(@RequestParam String procedureCode,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(defaultValue = "STANDARD") ProcessVariant variant) {
        LocalDate t = to == null ? stepTimes.today() : to;
        return stepTimes.analyse(procedureCode, from == null ? t.minusYears(1).plusDays(1) : from, t, variant);
    }

    @GetMapping("/warnings")
    @Operation(summary = "Việc kiểm soát sắp đến hạn hoặc quá hạn trong phạm vi của người dùng")
    public List<ControlWarning> warnings() {
        return oversight.warnings(Pages.user());
    }
}
