package vn.motcua.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.feedback.Evaluation;
import vn.motcua.feedback.EvaluationService;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatistics;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.Satisfaction;
import vn.motcua.feedback.SatisfactionRow;
import vn.motcua.feedback.VoteSummary;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/** JSON API of ratings, feedback (phản ánh, kiến nghị), their statistics, the monthly vote summary and the evaluation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ratings and feedback", description = "Đánh giá mức độ hài lòng, phản ánh kiến nghị, đánh giá 9 tiêu chí")
public class FeedbackApiController {
    private final RatingService ratings;
    private final FeedbackService feedback;
    private final EvaluationService evaluations;
    private final DossierService dossiers;
    private final AgencyService agencies;

    public FeedbackApiController(RatingService ratings, FeedbackService feedback, EvaluationService evaluations, DossierService dossiers,
                                 AgencyService agencies) {
        this.ratings = ratings;
        this.feedback = feedback;
        this.evaluations = evaluations;
        this.dossiers = dossiers;
        this.agencies = agencies;
    }

    /** A rating as given: the level, optional scores 0–2 (time, contacts, agencies, attitude, online service) and a comment. */
    public record RatingBody(Satisfaction satisfaction, Integer scoreTime, Integer scoreContacts, Integer scoreAgencies, Integer scoreAttitude,
                             Integer scoreOnline, String comment) {
    }

    /** What anyone may send; contact by phone or e-mail is required. Attachments are accepted on the web form only. */
    public record FeedbackBody(FeedbackCategory category, String title, String content, String procedureCode, String dossierCode, Long agencyId,
                               String name, String phone, String email, String address) {
    }

    public record FeedbackReceipt(String code, String trackingSecret, String agency, LocalDateTime classifyDueAt, LocalDateTime handleDueAt) {
    }

    /** A published answer, without the sender's personal data. */
    public record PublishedAnswer(String code, FeedbackCategory category, String title, String content, String answer, String agency,
                                  LocalDateTime receivedAt, LocalDateTime publishedAt, int likes, int dislikes) {
        static PublishedAnswer of(Feedback f, String agency) {
            return new PublishedAnswer(f.code(), f.category(), f.publicTitle(), f.publicContent(), f.publicAnswer(), agency, f.receivedAt(),
                    f.publishedAt(), f.likes(), f.dislikes());
        }
    }

    public record AnswerPage(List<PublishedAnswer> items, int page, long total) {
    }

    public record SatisfactionFigures(LocalDate from, LocalDate to, List<SatisfactionRow> byAgency, List<SatisfactionRow> byProcedure) {
    }

    @GetMapping(path = "/me/dossiers/{id}/rating", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đánh giá của người nộp đối với hồ sơ của mình (404 khi chưa đánh giá)")
    public Rating myRating(@PathVariable long id) {
        Dossier d = dossiers.get(id);
        if (!dossiers.isApplicant(CurrentUser.get().orElseThrow(), d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return ratings.ofDossier(id).orElseThrow(() -> new NotFoundException("Hồ sơ chưa được đánh giá."));
    }

    @PutMapping(path = "/me/dossiers/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đánh giá (hoặc đánh giá lại) mức độ hài lòng với hồ sơ đã trả kết quả",
            description = "Mỗi hồ sơ một đánh giá; đánh giá lại được lưu vết.")
    public Rating rate(@PathVariable long id, @RequestBody RatingBody body) {
        return ratings.rateAsApplicant(id, new RatingService.Input(body.satisfaction(), new Rating.Scores(body.scoreTime(), body.scoreContacts(),
                body.scoreAgencies(), body.scoreAttitude(), body.scoreOnline()), body.comment()), CurrentUser.get().orElseThrow());
    }

    @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Gửi phản ánh, kiến nghị (không cần đăng nhập; giới hạn số lần gửi mỗi giờ)",
            description = "Trả mã phản ánh và mã tra cứu (chỉ trả một lần). Phản ánh được chuyển đến cơ quan có thẩm quyền.")
    public ResponseEntity<FeedbackReceipt> submit(@RequestBody FeedbackBody b, HttpServletRequest request) {
        FeedbackService.Submitted s = feedback.submit(new FeedbackService.Submission(b.category(), b.title(), b.content(), b.procedureCode(),
                b.dossierCode(), b.agencyId(), b.name(), b.phone(), b.email(), b.address()), List.of(), CurrentUser.get().orElse(null), request.getRemoteAddr());
        Feedback f = s.feedback();
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + f.code()))
                .body(new FeedbackReceipt(f.code(), s.trackingSecret(), agencies.get(f.agencyId()).name(), f.classifyDueAt(), f.handleDueAt()));
    }

    @GetMapping(path = "/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Các câu trả lời phản ánh, kiến nghị đã công khai (mới nhất trước)")
    public AnswerPage answers(@RequestParam(required = false) String q, @RequestParam(required = false) FeedbackCategory category,
                              @RequestParam(defaultValue = "0") int page) {
        FeedbackService.Page p = feedback.published(q == null || q.length() > 200 ? null : q, category, page);
        return new AnswerPage(p.items().stream().map(f -> PublishedAnswer.of(f, agencies.get(f.agencyId()).name())).toList(), p.page(), p.total());
    }

    @GetMapping(path = "/feedback/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Một câu trả lời đã công khai")
    public PublishedAnswer answer(@PathVariable String code) {
        Feedback f = feedback.publishedAnswer(code);
        return PublishedAnswer.of(f, agencies.get(f.agencyId()).name());
    }

    // ------------------------------------------------------------------ handling (TTHC-control officers and leaders)

    /** A feedback in an officer's list (no personal data: open one to see the sender). */
    public record CaseRow(long id, String code, FeedbackCategory category, String title, long agencyId, String agency,
                          vn.motcua.feedback.FeedbackStatus status, LocalDateTime receivedAt, LocalDateTime dueAt, boolean late, long rowVersion) {
    }

    /** A feedback with its history, for the officers handling it ({@code feedback} is null once transferred out of their agencies). */
    public record Case(Feedback feedback, String agency, List<Feedback.Step> history) {
    }

    public enum CaseAction { ACCEPT, REFUSE, REQUEST_INFORMATION, INFORMATION_RECEIVED, TRANSFER, REPEATED, ANSWER, PUBLISH }

    /**
     * What to do: {@code text} is the refusal's reason, the information asked for or received, the transfer's reason or
     * the answer; {@code toAgencyId} for a transfer; {@code earlierCode} for a repeated feedback; the three public texts
     * for a publication.
     */
    public record CaseActionBody(CaseAction action, Long rowVersion, String text, Long toAgencyId, String earlierCode, String publicTitle,
                                 String publicContent, String publicAnswer) {
    }

    @GetMapping(path = "/feedback-cases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Danh sách phản ánh, kiến nghị của đơn vị (cán bộ kiểm soát TTHC, lãnh đạo)",
            description = "queue: TO_CLASSIFY, INFO, HANDLING, TO_PUBLISH, OVERDUE, DUE_SOON, DONE.")
    public List<CaseRow> cases(@RequestParam(defaultValue = "TO_CLASSIFY") FeedbackService.Queue queue) {
        CurrentUser user = CurrentUser.get().orElseThrow();
        java.util.Map<Long, vn.motcua.organization.Agency> names = agencies.byId();
        return feedback.queue(user, queue).stream().map(f -> new CaseRow(f.id(), f.code(), f.category(), f.title(), f.agencyId(),
                names.get(f.agencyId()).name(), f.status(), f.receivedAt(), f.currentDue().orElse(null), f.late(), f.rowVersion())).toList();
    }

    @GetMapping(path = "/feedback-cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Một phản ánh với người gửi và quá trình xử lý (việc xem được ghi nhật ký)")
    public Case feedbackCase(@PathVariable long id) {
        Feedback f = feedback.open(id, CurrentUser.get().orElseThrow());
        return new Case(f, agencies.get(f.agencyId()).name(), feedback.steps(f));
    }

    @PostMapping(path = "/feedback-cases/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Xử lý một phản ánh: thụ lý, từ chối, yêu cầu/nhận bổ sung thông tin, chuyển, đánh dấu trùng, trả lời, công khai",
            description = "rowVersion là phiên bản đã đọc: bản đã bị người khác thay đổi trả 409. Văn bản công khai còn thông tin cá nhân trả 422.")
    public Case act(@PathVariable long id, @RequestBody CaseActionBody b) {
        CurrentUser user = CurrentUser.get().orElseThrow();
        if (b.action() == null || b.rowVersion() == null) {
            throw ValidationException.of("action", "Cần action và rowVersion.");
        }
        long v = b.rowVersion();
        Feedback f = FeedbackService.explained(() -> switch (b.action()) {
            case ACCEPT -> feedback.accept(id, v, user);
            case REFUSE -> feedback.refuse(id, v, b.text(), user);
            case REQUEST_INFORMATION -> feedback.requestInformation(id, v, b.text(), user);
            case INFORMATION_RECEIVED -> feedback.informationReceived(id, v, b.text(), user);
            case TRANSFER -> feedback.transfer(id, v, b.toAgencyId(), b.text(), user);
            case REPEATED -> feedback.markRepeated(id, v, b.earlierCode(), user);
            case ANSWER -> feedback.answer(id, v, b.text(), user);
            case PUBLISH -> feedback.publish(id, v, b.publicTitle(), b.publicContent(), b.publicAnswer(), user);
        });
        if (!feedback.mayHandle(user, f)) {
            // transferred out of the officer's agencies: it is no longer theirs to read
            return new Case(null, agencies.get(f.agencyId()).name(), List.of());
        }
        return new Case(f, agencies.get(f.agencyId()).name(), feedback.steps(f));
    }

    @GetMapping(path = "/statistics/satisfaction", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mức độ hài lòng theo cơ quan và theo thủ tục trong khoảng thời gian (mặc định 6 tháng gần nhất)")
    public SatisfactionFigures satisfaction(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] p = range(from, to);
        return new SatisfactionFigures(p[0], p[1], ratings.byAgency(p[0], p[1]), ratings.byProcedure(p[0], p[1]));
    }

    @GetMapping(path = "/statistics/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Phản ánh, kiến nghị theo loại, trạng thái, tính đúng hạn; tỷ lệ của chỉ số 5.2 và 5.3")
    public FeedbackStatistics feedbackStatistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] p = range(from, to);
        return feedback.statistics(p[0], p[1], null);
    }

    @GetMapping(path = "/rating-summaries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Tổng hợp phiếu đánh giá của tháng theo thủ tục và đơn vị, đúng trường dữ liệu DongBoDanhGia của Cổng DVCQG",
            description = "month dạng 2026-11.")
    public List<VoteSummary> summaries(@RequestParam String month) {
        try {
            return ratings.monthlySummary(YearMonth.parse(month.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("month", "Tháng không hợp lệ (ví dụ 2026-11).");
        }
    }

    @GetMapping(path = "/evaluations/{agencyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Đánh giá 9 tiêu chí của cơ quan trong kỳ (2026-Q3 hoặc 2026): điểm hệ thống tính, tự đánh giá, thẩm định")
    public Evaluation evaluation(@PathVariable long agencyId, @RequestParam String period) {
        return evaluations.view(agencyId, EvaluationService.period(period));
    }

    private LocalDate[] range(LocalDate from, LocalDate to) {
        return Forms.statisticsPeriod(from, to, agencies.today(), "from");
    }
}
