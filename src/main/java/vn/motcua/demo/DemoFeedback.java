package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FinishedDossier;
import vn.motcua.feedback.EvaluationService;
import vn.motcua.feedback.Evaluation;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.Satisfaction;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ApplicationClock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What the demo province's applicants said: ratings of returned dossiers (online, from the tracking page and at the
 * counter kiosks, a few changed later; unhappy more often when the dossier was late), feedback in every state (published
 * with votes, answered and waiting for publication, handled, overdue, waiting for information, transferred, refused,
 * repeated), and the last ended quarter's evaluation self-assessed by the Department of Justice and verified by the
 * province, another agency's only self-assessed. Everything goes through the real services at past moments.
 */
@Component
class DemoFeedback {
    private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);
    private static final String[] PRAISE = {"Cán bộ hướng dẫn tận tình, dễ hiểu.", "Trả kết quả sớm hơn hẹn, rất hài lòng.",
            "Nộp trực tuyến thuận tiện, không phải đi lại.", "Thủ tục nhanh gọn.", "Nhân viên một cửa nhiệt tình."};
    private static final String[] COMPLAINTS = {"Trả kết quả trễ hẹn, không được báo trước.", "Phải bổ sung giấy tờ nhiều lần.",
            "Chờ lâu tại quầy.", "Hướng dẫn chưa rõ ràng, phải đi lại hai lần."};

    private final RatingService ratings;
    private final FeedbackService feedback;
    private final EvaluationService evaluations;
    private final DossierQueries queries;
    private final DossierService dossiers;
    private final AgencyService agencies;
    private final AccountService accounts;
    private final vn.motcua.calendar.WorkingCalendarService calendars;
    private final Map<String, CurrentUser> users = new HashMap<>();
    private int failures;
    private int rated;
    private int sent;

    DemoFeedback(RatingService ratings, FeedbackService feedback, EvaluationService evaluations, DossierQueries queries, DossierService dossiers,
                 AgencyService agencies, AccountService accounts, vn.motcua.calendar.WorkingCalendarService calendars) {
        this.calendars = calendars;
        this.ratings = ratings;
        this.feedback = feedback;
        this.evaluations = evaluations;
        this.queries = queries;
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.accounts = accounts;
    }

    int failures() {
        return failures;
    }

    void load(Map<String, Long> ids) {
        for (Account a : accounts.list()) {
            users.put(a.username(), CurrentUser.of(a));
        }
        LocalDate today = agencies.today();
        Random random = new Random(20261206L);
        rate(today, random);
        feedbackCases(ids, today);
        evaluate(ids, today);
        log.info("Dữ liệu mẫu về ý kiến người dân: {} đánh giá, {} phản ánh, kiến nghị.", rated, sent);
    }

    // ------------------------------------------------------------------ ratings

    private void rate(LocalDate today, Random random) {
        List<Long> all = agencies.all().stream().map(Agency::id).toList();
        List<FinishedDossier> returned = queries.finished(all, today.minusYears(3), today);
        Map<String, RatingService.KioskPairing> kiosks = new HashMap<>();
        LocalDateTime recent = today.atStartOfDay().minusDays(45);
        for (FinishedDossier f : returned) {
            boolean kioskCandidate = f.delivery() == Delivery.COUNTER && f.finishedAt().isAfter(recent);
            if (random.nextInt(100) >= (kioskCandidate ? 80 : 58)) {
                continue;
            }
            boolean unhappy = random.nextInt(100) < (f.late() || f.supplementLate() ? 45 : f.supplementCount() > 0 ? 12 : 5);
            Satisfaction s = unhappy ? Satisfaction.NOT_SATISFIED : random.nextInt(100) < 55 ? Satisfaction.VERY_SATISFIED : Satisfaction.SATISFIED;
            Integer attitude = random.nextInt(100) < 60 ? (unhappy ? random.nextInt(2) : 2) : null;
            Integer time = random.nextInt(100) < 40 ? (f.late() ? 0 : f.finishedAt().toLocalDate().isBefore(f.appointment().toLocalDate()) ? 2 : 1) : null;
            Integer online = f.channel() == Channel.ONLINE && random.nextInt(100) < 50 ? (unhappy ? 1 : 2) : null;
            String comment = random.nextInt(100) < 30 ? (unhappy ? COMPLAINTS[random.nextInt(COMPLAINTS.length)] : PRAISE[random.nextInt(PRAISE.length)])
                    : null;
            RatingService.Input input = new RatingService.Input(s, new Rating.Scores(time, null, null, attitude, online), comment);
            LocalDateTime at = f.finishedAt().plusMinutes(3 + random.nextInt(240));
            try {
                Dossier d = dossiers.get(f.id());
                if (kioskCandidate) {
                    // the officer's counter tablet, right after the return
                    ratings.recordReturn(d.id());
                    String officer = d.history().stream().filter(h -> h.action() == vn.motcua.dossier.DossierAction.RETURN_RESULT)
                            .reduce((a, b) -> b).map(h -> h.actor()).orElse(null);
                    if (officer == null || !users.containsKey(officer)) {
                        continue;
                    }
                    RatingService.KioskPairing k = kiosks.computeIfAbsent(officer, o -> at(f.finishedAt().minusDays(60),
                            () -> ratings.pairKiosk(users.get(o), "Quầy tiếp nhận và trả kết quả số " + (kiosks.size() + 1))));
                    String address = "10.20.0." + (kiosks.size() + 10);
                    // the tablet shows the officer's latest return: rate it if that is this dossier
                    Long shown = at(f.finishedAt().plusMinutes(2), () -> ratings.kioskScreen(k.token(), address).dossierId());
                    if (shown == null || shown != d.id()) {
                        continue;
                    }
                    at(f.finishedAt().plusMinutes(2), () -> ratings.rateAtKiosk(k.token(), d.id(), input, address));
                } else if (d.applicantUsername() != null && users.containsKey(d.applicantUsername())) {
                    at(at, () -> ratings.rateAsApplicant(d.id(), input, users.get(d.applicantUsername())));
                } else if (d.applicant().phone() != null && d.applicant().phone().length() >= 4) {
                    String phone = d.applicant().phone();
                    at(at, () -> ratings.rateFromTracking(d.code(), queries.trackingSecret(d), phone.substring(phone.length() - 4), "demo", input));
                } else {
                    continue;
                }
                rated++;
                // a few applicants change their mind later (kept as history)
                if (!kioskCandidate && d.applicantUsername() != null && users.containsKey(d.applicantUsername()) && random.nextInt(100) < 6) {
                    RatingService.Input again = new RatingService.Input(s == Satisfaction.NOT_SATISFIED ? Satisfaction.SATISFIED : Satisfaction.VERY_SATISFIED,
                            input.scores(), s == Satisfaction.NOT_SATISFIED ? "Sau khi được giải thích, tôi đã hiểu lý do chậm trễ." : comment);
                    at(at.plusDays(2), () -> ratings.rateAsApplicant(d.id(), again, users.get(d.applicantUsername())));
                }
            } catch (RuntimeException e) {
                failures++;
                log.warn("Đánh giá mẫu của hồ sơ {} không ghi được: {}", f.code(), e.getMessage());
            }
        }
        queries.clearTrackingLimits();
    }

    // ------------------------------------------------------------------ feedback

    private record Sent(Feedback feedback, LocalDateTime at) {
    }

    private Sent send(LocalDateTime at, FeedbackCategory category, String title, String content, String procedure, String dossier, Long agency,
                      String name, String phone, String email, List<FeedbackService.Upload> files, String username) {
        FeedbackService.Submission s = new FeedbackService.Submission(category, title, content, procedure, dossier, agency, name, phone, email,
                "An Giang");
        FeedbackService.Submitted done = at(at, () -> feedback.submit(s, files, username == null ? null : users.get(username), "10.30.0." + (sent % 200)));
        sent++;
        return new Sent(done.feedback(), at);
    }

    private void feedbackCases(Map<String, Long> ids, LocalDate today) {
        try {
            LocalDateTime now = agencies.today().atTime(9, 0);
            CurrentUser control = users.get("kiemsoat");
            CurrentUser stp = users.get("kiemsoat.stp");
            CurrentUser leaderLx = users.get("lanhdao.longxuyen");
            Long stpId = ids.get("AG.STP");
            Long lx = ids.get("AG.P.LX");
            Long snnmt = ids.get("AG.SNNMT");
            String returnedCode = queries.finished(agencies.agencyUnits(stpId), today.minusYears(1), today).stream().findFirst()
                    .map(FinishedDossier::code).orElse(null);

            // 1. published with votes: the time limit of criminal-record certificates
            Sent a = send(now.minusDays(120), FeedbackCategory.REGULATION, "Đề nghị rút ngắn thời hạn cấp Phiếu lý lịch tư pháp",
                    "Thời hạn cấp Phiếu lý lịch tư pháp hiện là 10 ngày, tôi cần gấp để đi làm. Đề nghị rút ngắn thời hạn. Liên hệ tôi qua số 0912345678.",
                    "1.001022", null, stpId, "Trần Văn Bình", "0912345678", "tranbinh@example.vn", List.of(), null);
            Feedback f = at(a.at().plusDays(1), () -> feedback.accept(a.feedback().id(), a.feedback().rowVersion(), stp));
            Feedback f1 = at(a.at().plusDays(8), () -> feedback.answer(f.id(), f.rowVersion(),
                    "Thời hạn 10 ngày do Luật Lý lịch tư pháp quy định; Sở Tư pháp đã rút ngắn còn 7 ngày làm việc đối với hồ sơ nộp trực tuyến "
                            + "và đề xuất Bộ Tư pháp sửa đổi quy định.", stp));
            Feedback pub = at(a.at().plusDays(9), () -> {
                Feedback s = feedback.suggestedPublicText(f1);
                return feedback.publish(f1.id(), f1.rowVersion(), s.publicTitle(), s.publicContent(), s.publicAnswer(), stp);
            });
            for (int i = 0; i < 9; i++) {
                int n = i;
                at(a.at().plusDays(10 + i), () -> feedback.vote(pub.code(), n != 3, "ip:demo-" + n));
            }

            // 2. repeated: the same matter again, linked to the first
            Sent b = send(now.minusDays(100), FeedbackCategory.REGULATION, "Thời hạn cấp lý lịch tư pháp quá dài",
                    "Thời hạn cấp Phiếu lý lịch tư pháp 10 ngày là quá dài, đề nghị rút ngắn thời hạn cấp phiếu.", "1.001022", null, stpId,
                    "Lê Thị Cúc", null, "lecuc@example.vn", List.of(), null);
            at(b.at().plusDays(1), () -> feedback.markRepeated(b.feedback().id(), b.feedback().rowVersion(), pub.code(), stp));

            // 3. published but disliked: an officer's conduct at the commune
            Sent c = send(now.minusDays(80), FeedbackCategory.CONDUCT, "Cán bộ một cửa phường Long Xuyên hướng dẫn thiếu nhiệt tình",
                    "Ngày hôm qua tôi đến nộp hồ sơ đăng ký khai sinh, cán bộ trả lời cộc lốc và yêu cầu tôi quay lại hôm sau.", null, null, lx,
                    "Nguyễn Thị Duyên", "0987001122", null, List.of(new FeedbackService.Upload("anh-phieu-hen.pdf", DemoFiles.pdf("Phieu hen tra ket qua"))),
                    null);
            Feedback c1 = at(c.at().plusDays(1), () -> feedback.accept(c.feedback().id(), c.feedback().rowVersion(), leaderLx));
            Feedback c2 = at(c.at().plusDays(6), () -> feedback.answer(c1.id(), c1.rowVersion(),
                    "UBND phường đã kiểm tra, nhắc nhở cán bộ và bố trí thêm người hướng dẫn tại bộ phận một cửa vào giờ cao điểm.", leaderLx));
            Feedback c3 = at(c.at().plusDays(7), () -> {
                Feedback s = feedback.suggestedPublicText(c2);
                return feedback.publish(c2.id(), c2.rowVersion(), s.publicTitle(), s.publicContent(), s.publicAnswer(), leaderLx);
            });
            for (int i = 0; i < 5; i++) {
                int n = i;
                at(c.at().plusDays(8 + i), () -> feedback.vote(c3.code(), n == 0, "ip:demo-c" + n));
            }

            // 4. answered late and published late: a land matter
            Sent d = send(now.minusDays(70), FeedbackCategory.PROCEDURE, "Hồ sơ đăng ký biến động đất đai bị trả lại nhiều lần",
                    "Hồ sơ của tôi bị yêu cầu bổ sung ba lần với các lý do khác nhau, đề nghị xem xét trách nhiệm.", null, null, snnmt,
                    "Phạm Văn Em", "0909123456", null, List.of(), null);
            Feedback d1 = at(d.at().plusDays(4), () -> feedback.accept(d.feedback().id(), d.feedback().rowVersion(), control));
            Feedback d2 = at(d.at().plusDays(30), () -> feedback.answer(d1.id(), d1.rowVersion(),
                    "Sở đã kiểm điểm việc yêu cầu bổ sung không đúng quy định và xin lỗi ông; hồ sơ đã được giải quyết.", control));
            at(d.at().plusDays(36), () -> {
                Feedback s = feedback.suggestedPublicText(d2);
                return feedback.publish(d2.id(), d2.rowVersion(), s.publicTitle(), s.publicContent(), s.publicAnswer(), control);
            });

            // 5. transferred to the competent agency, then handled there and waiting for publication
            Sent e = send(now.minusDays(12), FeedbackCategory.PROCEDURE, "Chậm trả kết quả chứng thực",
                    "Tôi nộp hồ sơ chứng thực bản sao tại phường nhưng đến hẹn chưa nhận được kết quả.", null, null, stpId,
                    "Võ Văn Phong", "0911222333", null, List.of(), null);
            Feedback e1 = at(e.at().plusDays(1), () -> feedback.transfer(e.feedback().id(), e.feedback().rowVersion(), lx,
                    "Việc chứng thực do UBND phường Long Xuyên thực hiện.", stp));
            Feedback e2 = at(e.at().plusDays(2), () -> feedback.accept(e1.id(), e1.rowVersion(), leaderLx));
            at(e.at().plusDays(6), () -> feedback.answer(e2.id(), e2.rowVersion(),
                    "UBND phường đã trả kết quả chứng thực và xin lỗi ông vì chậm trễ.", leaderLx));

            // 6. overdue: accepted, never answered
            Sent g = send(now.minusDays(40), FeedbackCategory.ONLINE, "Không thanh toán trực tuyến được lệ phí",
                    "Khi thanh toán lệ phí trên cổng dịch vụ công, hệ thống báo lỗi và không nhận thanh toán.", null, null, ids.get("AG"),
                    "Đặng Thị Giang", null, "dgiang@example.vn", List.of(), "congdan01");
            at(g.at().plusDays(1), () -> feedback.accept(g.feedback().id(), g.feedback().rowVersion(), control));

            // 7. waiting for the sender's information
            Sent h = send(now.minusDays(6), FeedbackCategory.PROCEDURE, "Hồ sơ của tôi chưa được giải quyết",
                    "Hồ sơ nộp tháng trước đến nay chưa có kết quả, đề nghị kiểm tra.", null, null, stpId, "Hồ Văn Hải", "0933444555", null,
                    List.of(), null);
            at(h.at().plusDays(1), () -> feedback.requestInformation(h.feedback().id(), h.feedback().rowVersion(),
                    "Đề nghị ông cung cấp mã hồ sơ hoặc giấy tiếp nhận để kiểm tra.", stp));

            // 8. refused: not an administrative matter
            Sent r = send(now.minusDays(20), FeedbackCategory.OTHER, "Tranh chấp lối đi với hàng xóm",
                    "Đề nghị cơ quan giải quyết tranh chấp lối đi chung giữa tôi và nhà bên cạnh.", null, null, ids.get("AG"),
                    "Trương Văn Khoa", "0944555666", null, List.of(), null);
            at(r.at().plusDays(1), () -> feedback.refuse(r.feedback().id(), r.feedback().rowVersion(),
                    "Nội dung là tranh chấp dân sự, không phải phản ánh về quy định hành chính (Nghị định 20/2008/NĐ-CP, Điều 8); "
                            + "đề nghị ông liên hệ UBND cấp xã để hòa giải.", control));

            // 9. about a returned dossier, by its applicant's account, answered and published
            if (returnedCode != null) {
                Sent k = send(now.minusDays(30), FeedbackCategory.PROCEDURE, "Đề nghị gửi kết quả qua bưu điện",
                        "Tôi đề nghị cơ quan cho phép nhận kết quả qua dịch vụ bưu chính công ích để không phải đi lại.", null, returnedCode, null,
                        "Nguyễn Văn An", "0901234567", null, List.of(), null);
                Feedback k1 = at(k.at().plusDays(2), () -> feedback.accept(k.feedback().id(), k.feedback().rowVersion(), stp));
                Feedback k2 = at(k.at().plusDays(5), () -> feedback.answer(k1.id(), k1.rowVersion(),
                        "Người nộp hồ sơ có thể chọn nhận kết quả qua bưu chính công ích khi nộp hồ sơ hoặc bất kỳ lúc nào trước khi trả kết quả.", stp));
                at(k.at().plusDays(6), () -> {
                    Feedback s = feedback.suggestedPublicText(k2);
                    return feedback.publish(k2.id(), k2.rowVersion(), s.publicTitle(), s.publicContent(), s.publicAnswer(), stp);
                });
            }

            // 11. the everyday flow of the last half-year across agencies: most answered and published on time, some late
            String[][] agenciesAndHandlers = {{"AG.STP", "kiemsoat.stp"}, {"AG.P.LX", "lanhdao.longxuyen"}, {"AG.X.AC", "lanhdao.anchau"},
                    {"AG.P.RG", "lanhdao.rachgia"}, {"AG.SNNMT", "lanhdao.snnmt"}, {"AG.STC", "lanhdao.stc"}, {"AG", "kiemsoat"}};
            String[][] topics = {
                    {"PROCEDURE", "Hỏi về thành phần hồ sơ", "Đề nghị hướng dẫn rõ thành phần hồ sơ cần nộp vì trên cổng và tại quầy ghi khác nhau."},
                    {"ONLINE", "Không tải được tệp đính kèm khi nộp trực tuyến", "Khi nộp hồ sơ trực tuyến tôi không tải được tệp ảnh chụp giấy tờ."},
                    {"REGULATION", "Đề nghị bỏ yêu cầu bản sao có chứng thực", "Đề nghị chấp nhận bản chụp kèm bản chính để đối chiếu thay cho bản sao có chứng thực."},
                    {"CONDUCT", "Khen ngợi cán bộ tiếp nhận", "Cán bộ tiếp nhận hướng dẫn nhiệt tình, tôi đề nghị biểu dương."},
                    {"PROCEDURE", "Hồ sơ trễ hẹn chưa nhận được thư xin lỗi", "Hồ sơ của tôi trễ hẹn hai ngày nhưng tôi không nhận được văn bản xin lỗi."},
                    {"OTHER", "Đề nghị bố trí thêm chỗ để xe", "Bộ phận một cửa thiếu chỗ để xe vào buổi sáng, đề nghị bố trí thêm."}};
            String[] names = {"Trần Thị Hạnh", "Lê Văn Quang", "Ngô Thị Xuân", "Bùi Văn Tài", "Đinh Thị Yến", "Tạ Văn Sơn"};
            for (int i = 0; i < 24; i++) {
                String[] ah = agenciesAndHandlers[i % agenciesAndHandlers.length];
                Long agency = ids.get(ah[0]);
                CurrentUser handler = users.get(ah[1]);
                if (agency == null || handler == null) {
                    continue;
                }
                String[] topic = topics[i % topics.length];
                LocalDateTime at = now.minusDays(12 + i * 7L).withHour(8 + i % 8);
                Sent x = send(at, FeedbackCategory.valueOf(topic[0]), topic[1], topic[2], null, null, agency, names[i % names.length],
                        "09" + String.format("%08d", 12345678 + i * 1111), null, List.of(), null);
                int outcome = i % 8;
                Feedback x1 = at(x.at().plusDays(outcome == 5 ? 4 : 1), () -> feedback.accept(x.feedback().id(), x.feedback().rowVersion(), handler));
                long answerAfter = outcome == 4 ? 24 : 3 + i % 9;
                if (x.at().plusDays(answerAfter).isAfter(now)) {
                    continue; // still being handled
                }
                Feedback x2 = at(x.at().plusDays(answerAfter), () -> feedback.answer(x1.id(), x1.rowVersion(),
                        "Cơ quan đã tiếp thu, kiểm tra và có biện pháp khắc phục; cảm ơn ông/bà đã phản ánh.", handler));
                long publishAfter = answerAfter + (outcome == 3 ? 5 : 1);
                if (x.at().plusDays(publishAfter).isAfter(now)) {
                    continue; // answered, to be published
                }
                Feedback x3 = at(x.at().plusDays(publishAfter), () -> {
                    Feedback t = feedback.suggestedPublicText(x2);
                    return feedback.publish(x2.id(), x2.rowVersion(), t.publicTitle(), t.publicContent(), t.publicAnswer(), handler);
                });
                for (int v = 0; v < i % 5; v++) {
                    int n = v;
                    at(x.at().plusDays(answerAfter + 2 + v), () -> feedback.vote(x3.code(), n != 2 || outcome != 3, "ip:demo-x" + x3.id() + "-" + n));
                }
            }

            // 10. new this week, still to classify
            send(now.minusDays(1), FeedbackCategory.REGULATION, "Đề nghị bỏ yêu cầu bản sao giấy khai sinh",
                    "Thủ tục đăng ký kết hôn vẫn yêu cầu bản sao giấy khai sinh dù đã có cơ sở dữ liệu hộ tịch điện tử.", null, null, stpId,
                    "Lý Thị Hoa", null, "lyhoa@example.vn", List.of(), null);
            send(now.minusHours(3), FeedbackCategory.CONDUCT, "Khen cán bộ Trung tâm Phục vụ hành chính công",
                    "Tôi muốn khen ngợi cán bộ tiếp nhận hồ sơ tại Trung tâm đã hướng dẫn tôi rất tận tình.", null, null, ids.get("AG"),
                    "Mai Văn Lâm", "0977888999", null, List.of(), "congdan");
        } catch (RuntimeException e) {
            failures++;
            log.warn("Phản ánh mẫu không ghi được: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ the evaluation

    private void evaluate(Map<String, Long> ids, LocalDate today) {
        try {
            ReportingPeriod q = ReportingPeriod.quarterOf(today);
            ReportingPeriod last = q.number() == 1 ? ReportingPeriod.quarter(q.year() - 1, 4) : ReportingPeriod.quarter(q.year(), q.number() - 1);
            LocalDateTime after = last.to().plusDays(10).atTime(9, 0);
            if (!after.toLocalDate().isBefore(today)) {
                return;
            }
            Long stp = ids.get("AG.STP");
            Evaluation computed = evaluations.view(stp, last);
            Map<Integer, String> points = new HashMap<>();
            Map<Integer, String> notes = new HashMap<>();
            for (Evaluation.Criterion c : computed.criteria()) {
                points.put(c.number(), c.computed() == null ? "2" : c.computed().toPlainString());
            }
            notes.put(7, "Theo phiếu đánh giá của người dân trên hệ thống và tại quầy");
            Evaluation assessed = at(after, () -> evaluations.selfAssess(stp, last.key(), 0, points, notes, users.get("kiemsoat.stp")));
            Map<Integer, String> verified = new HashMap<>(points);
            verified.put(6, "1.5");
            at(after.plusDays(7), () -> evaluations.verify(stp, last.key(), assessed.rowVersion(), verified,
                    Map.of(6, "Một thủ tục công khai chưa đầy đủ thành phần hồ sơ tại bộ phận một cửa"), users.get("kiemsoat")));
            Long lx = ids.get("AG.P.LX");
            Evaluation lxComputed = evaluations.view(lx, last);
            Map<Integer, String> lxPoints = new HashMap<>();
            for (Evaluation.Criterion c : lxComputed.criteria()) {
                lxPoints.put(c.number(), c.computed() == null ? "2" : c.computed().toPlainString());
            }
            at(after.plusDays(2), () -> evaluations.selfAssess(lx, last.key(), 0, lxPoints, Map.of(), users.get("lanhdao.longxuyen")));
        } catch (RuntimeException e) {
            failures++;
            log.warn("Đánh giá 9 tiêu chí mẫu không ghi được: {}", e.toString());
        }
    }

    /** Runs the work at the moment, moved to the next working day (same time) when it falls on a day off. */
    private <T> T at(LocalDateTime t, Supplier<T> work) {
        LocalDateTime w = t;
        var cal = calendars.calendar();
        while (!cal.isWorkingDay(w.toLocalDate())) {
            w = w.plusDays(1);
        }
        LocalDateTime real = calendars.now();
        return ApplicationClock.at(w.isAfter(real) ? real.minusMinutes(1) : w, work);
    }
}
