package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.control.CostInput;
import vn.motcua.control.OversightService;
import vn.motcua.control.ReviewPlan;
import vn.motcua.control.ReviewService;
import vn.motcua.control.SimplificationService;
import vn.motcua.control.InternalProcedure;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo province's control of its procedures: this year's review plan with items done, in progress, due soon and
 * overdue; the income figure; compliance-cost assessments (one is the published city example, 1,024,000 → 231,000 đ)
 * with proposals in every state, one implemented by Decision 2890/QĐ-UBND; internal procedures, one amended; a
 * decentralisation round half reviewed; legal bases watched for publication (on time, late, due soon); draft
 * regulations at each stage; inspections with findings open, overdue and closed.
 */
@Component
class DemoControl {
    private static final Logger log = LoggerFactory.getLogger(DemoControl.class);
    private final ReviewService reviews;
    private final SimplificationService simplification;
    private final OversightService oversight;
    private final AccountService accounts;
    private final AgencyService agencies;
    private final DemoSteps steps = new DemoSteps(log, "Dữ liệu mẫu kiểm soát TTHC");

    DemoControl(ReviewService reviews, SimplificationService simplification, OversightService oversight, AccountService accounts,
                AgencyService agencies) {
        this.reviews = reviews;
        this.simplification = simplification;
        this.oversight = oversight;
        this.accounts = accounts;
        this.agencies = agencies;
    }

    int failures() {
        return steps.failures();
    }

    private CurrentUser as(String username) {
        return DemoSteps.as(accounts, username);
    }

    private static String d(LocalDate date) {
        return date.toString();
    }

    void load(Map<String, Long> ids) {
        LocalDate today = agencies.today();
        int year = today.getYear();
        CurrentUser office = as("kiemsoat");
        CurrentUser justice = as("kiemsoat.stp");
        String vp = String.valueOf(ids.get("AG.VP"));
        String stp = String.valueOf(ids.get("AG.STP"));
        String stc = String.valueOf(ids.get("AG.STC"));
        String snv = String.valueOf(ids.get("AG.SNV"));
        String snnmt = String.valueOf(ids.get("AG.SNNMT"));
        String sxd = String.valueOf(ids.get("AG.SXD"));

        // --- the income figure (illustrative: replace with the statistics office's figure of the year)
        steps.run("thu nhập", () -> simplification.saveIncome(String.valueOf(year - 1), "5600000",
                "Thu nhập bình quân đầu người/tháng năm " + (year - 1) + " — số liệu minh họa, thay bằng số liệu của Cục Thống kê tỉnh", office));
        steps.run("thu nhập", () -> simplification.saveIncome(String.valueOf(year), "5900000",
                "Thu nhập bình quân đầu người/tháng năm " + year + " (ước tính) — số liệu minh họa, thay bằng số liệu của Cục Thống kê tỉnh", office));

        // --- this year's review plan
        Long planId = steps.run("kế hoạch rà soát", () -> reviews.createPlan(new ReviewService.PlanInput(String.valueOf(year), "45/KH-UBND",
                "Kế hoạch rà soát, đánh giá thủ tục hành chính năm " + year, String.valueOf(ids.get("AG"))), office));
        if (planId != null) {
            Object[][] items = {
                    {"1.009972", null, sxd, today.minusMonths(3), 100, "Rút ngắn thời hạn từ 15 xuống 12 ngày; bỏ bản sao giấy tờ đất khi đã có trong CSDL đất đai."},
                    {"1.001078", null, stp, today.minusMonths(1), 100, "Đề xuất cho phép nộp trực tuyến toàn trình, bỏ yêu cầu bản sao CCCD."},
                    {"2.001610", null, stc, today.plusDays(4), 70, "Đã lấy ý kiến doanh nghiệp; đang tính chi phí tuân thủ."},
                    {"1.012760", null, snnmt, today.minusDays(10), 40, "Đang rà soát thành phần hồ sơ trùng với dữ liệu đã có."},
                    {null, "Nhóm thủ tục lĩnh vực bảo trợ xã hội cấp xã", snv, today.plusMonths(1), 0, null},
                    {null, "Nhóm thủ tục lĩnh vực văn hóa cơ sở", String.valueOf(ids.get("AG.SVHTT")), today.plusMonths(2), 10, null}};
            for (Object[] it : items) {
                steps.run("nội dung rà soát", () -> {
                    ReviewPlan plan = reviews.plan(planId);
                    long itemId = reviews.addItem(planId, plan.rowVersion(), new ReviewService.ItemInput((String) it[0], (String) it[1], (String) it[2],
                            d((LocalDate) it[3])), office);
                    int progress = (Integer) it[4];
                    if (progress > 0) {
                        reviews.report(itemId, 0, String.valueOf(progress), (String) it[5], office);
                    }
                    return itemId;
                });
            }
        }

        // --- compliance-cost assessments
        Long building = steps.run("chi phí 1.009972", () -> simplification.saveAssessment(new CostInput("1.009972",
                "Chi phí tuân thủ cấp giấy phép xây dựng nhà ở riêng lẻ", String.valueOf(year), "5900000", "Số liệu minh họa năm " + year, "1", "2400", "12",
                "Phương án: bỏ bản sao giấy tờ về đất đã có trong CSDL đất đai; nộp trực tuyến; thời hạn 15 → 12 ngày.", List.of(
                work("Tìm hiểu thủ tục, chuẩn bị hồ sơ, bản vẽ", "8", "5", ""),
                work("Nộp hồ sơ, nhận kết quả tại bộ phận một cửa (2 lần)", "4", "1", ""),
                line("SERVICE", "Thuê lập bản vẽ thiết kế xin phép", "1", "3000000", false, ""),
                line("COPY", "Sao y giấy tờ về quyền sử dụng đất", "3", "2000", true, ""),
                line("TRAVEL", "Đi lại nộp hồ sơ, nhận kết quả", "2", "30000", true, ""),
                line("FEE", "Lệ phí cấp giấy phép xây dựng", "1", "75000", false, ""))), office));
        Long justiceRecord = steps.run("chi phí 1.001078", () -> simplification.saveAssessment(new CostInput("1.001078",
                "Chi phí tuân thủ cấp Phiếu lý lịch tư pháp", String.valueOf(year), "5900000", "Số liệu minh họa năm " + year, "1", "18000", "",
                "Nộp trực tuyến toàn trình qua VNeID; không phải nộp bản sao CCCD.", List.of(
                work("Chuẩn bị tờ khai, giấy tờ", "2", "1", ""),
                work("Nộp hồ sơ, nhận kết quả tại Sở Tư pháp", "3", "0.5", ""),
                line("COPY", "Bản sao CCCD, giấy tờ cư trú", "2", "2000", true, ""),
                line("TRAVEL", "Đi lại đến trung tâm tỉnh (2 lượt)", "2", "60000", true, ""),
                line("FEE", "Phí cung cấp thông tin lý lịch tư pháp", "1", "200000", false, ""))), justice));
        Long business = steps.run("chi phí 2.001610", () -> simplification.saveAssessment(new CostInput("2.001610",
                "Chi phí tuân thủ đăng ký thành lập doanh nghiệp tư nhân", String.valueOf(year), "5900000", "Số liệu minh họa năm " + year, "1", "1200", "2",
                "Miễn lệ phí khi nộp trực tuyến; thời hạn 3 → 2 ngày.", List.of(
                work("Chuẩn bị hồ sơ đăng ký", "4", "3", ""),
                work("Nộp hồ sơ, nhận kết quả", "3", "1", ""),
                line("SERVICE", "Thuê dịch vụ tư vấn hồ sơ (một phần doanh nghiệp)", "1", "500000", false, "300000"),
                line("FEE", "Lệ phí đăng ký doanh nghiệp", "1", "50000", true, ""),
                line("FEE", "Phí công bố nội dung đăng ký doanh nghiệp", "1", "100000", false, ""))), office));
        Long land = steps.run("chi phí 1.012760", () -> simplification.saveAssessment(new CostInput("1.012760",
                "Chi phí tuân thủ đăng ký đất đai lần đầu", String.valueOf(year), "5900000", "Số liệu minh họa năm " + year, "1", "6500", "18",
                "Chỉ bỏ được một bản sao: chưa đạt 20 %, cần rà soát tiếp.", List.of(
                work("Chuẩn bị hồ sơ, đo đạc", "10", "", ""),
                line("SERVICE", "Thuê đo đạc, trích lục bản đồ", "1", "1200000", false, ""),
                line("COPY", "Sao y giấy tờ nguồn gốc đất", "4", "2000", false, "2"),
                line("FEE", "Phí thẩm định hồ sơ", "1", "500000", false, ""),
                line("FEE", "Lệ phí cấp Giấy chứng nhận", "1", "25000", false, ""))), office));
        Long published = steps.run("chi phí 1.012767", () -> simplification.saveAssessment(new CostInput("1.012767",
                "Ví dụ đã công bố của một thành phố: 1.024.000 → 231.000 đồng/hồ sơ", String.valueOf(year), "5900000",
                "Theo phương án đơn giản hóa đã công bố (ví dụ đối chiếu)", "1", "3228", "7",
                "Đối chiếu với số liệu đã công bố: cắt giảm 77,44 %.", List.of(
                line("SERVICE", "Chi phí tuân thủ một hồ sơ (tổng hợp theo phương án đã công bố)", "1", "1024000", false, "231000"))), office));

        // --- proposals in every state
        Long p1 = propose("PUBLIC", "1.009972", year, "Bỏ yêu cầu bản sao giấy tờ về đất (khai thác CSDL đất đai); rút ngắn thời hạn từ 15 xuống 12 ngày làm việc.",
                "Giảm chi phí đi lại, sao chụp; dữ liệu đã có trong CSDL đất đai.", building, "12", office);
        move(p1, SimplificationService.Move.SUBMIT, today.minusMonths(4).withDayOfMonth(2), null, office);
        move(p1, SimplificationService.Move.APPROVE, today.minusMonths(4).withDayOfMonth(20), "1785/QĐ-UBND", office);
        move(p1, SimplificationService.Move.IMPLEMENT, null, "2890/QĐ-UBND", office);
        Long p2 = propose("PUBLIC", "1.001078", year, "Cung cấp dịch vụ công trực tuyến toàn trình qua ứng dụng VNeID; không yêu cầu bản sao CCCD, giấy tờ cư trú.",
                "Thông tin đã có trong CSDL quốc gia về dân cư.", justiceRecord, null, justice);
        move(p2, SimplificationService.Move.SUBMIT, today.minusMonths(2), null, justice);
        move(p2, SimplificationService.Move.APPROVE, today.minusMonths(1), "2460/QĐ-UBND", office);
        Long p3 = propose("PUBLIC", "2.001610", year, "Miễn lệ phí khi nộp trực tuyến; rút ngắn thời hạn xuống 2 ngày làm việc.", null, business, "2", office);
        move(p3, SimplificationService.Move.SUBMIT, today.minusDays(12), null, office);
        propose("PUBLIC", "1.012760", year, "Bỏ 2 bản sao giấy tờ nguồn gốc đất đã số hóa.", "Cần rà soát thêm để đạt 20 %.", land, null, office);
        propose("PUBLIC", "1.012767", year, "Áp dụng phương án đã công bố của thành phố (đối chiếu).", null, published, "7", office);
        Long p6 = propose("PUBLIC", "1.003622", year, "Bỏ yêu cầu xác nhận phòng cháy chữa cháy.", "Không phù hợp quy định chuyên ngành.", null, null, office);
        move(p6, SimplificationService.Move.SUBMIT, today.minusMonths(3), null, office);
        move(p6, SimplificationService.Move.REJECT, today.minusMonths(2), null, office);

        // --- internal procedures
        String i1 = steps.run("TTHC nội bộ", () -> simplification.createInternal(new SimplificationService.InternalInput("NB.AG.01",
                "Trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính", "PROVINCE", "Kiểm soát thủ tục hành chính", vp,
                "1. Sở, ngành gửi dự thảo quyết định công bố.\n2. Văn phòng UBND tỉnh kiểm soát chất lượng.\n3. Trình Chủ tịch UBND tỉnh ký.",
                "Tờ trình; dự thảo quyết định; danh mục TTHC", "10",
                "Nghị định 63/2010/NĐ-CP; Thông tư 02/2017/TT-VPCP"), office));
        if (i1 != null) {
            steps.run("công bố NB.AG.01", () -> {
                InternalProcedure ip = simplification.internal(i1);
                simplification.publishInternal(i1, ip.draft().id(), ip.draft().rowVersion(), "1200/QĐ-UBND", d(LocalDate.of(year - 1, 6, 10)), office);
                return null;
            });
            Long pi = propose("INTERNAL", i1, year, "Rút ngắn thời hạn kiểm soát chất lượng dự thảo quyết định công bố từ 10 xuống 7 ngày làm việc.", null, null, "7", office);
            move(pi, SimplificationService.Move.SUBMIT, today.minusMonths(4), null, office);
            move(pi, SimplificationService.Move.APPROVE, today.minusMonths(3), "1650/QĐ-UBND", office);
            // the approved cut published as version 2, then recorded as implemented
            steps.run("sửa đổi NB.AG.01", () -> {
                long draft = simplification.amendInternal(i1, office);
                InternalProcedure.Version v = simplification.internal(i1).draft();
                simplification.saveInternalDraft(i1, draft, v.rowVersion(), new SimplificationService.InternalInput(i1, v.name(), "PROVINCE",
                        v.fieldName(), vp, v.steps(), v.components(), "7", v.legalBasis()), office);
                simplification.publishInternal(i1, draft, simplification.internal(i1).draft().rowVersion(), "2515/QĐ-UBND",
                        d(today.minusMonths(2)), office);
                return null;
            });
            move(pi, SimplificationService.Move.IMPLEMENT, null, "2515/QĐ-UBND", office);
        }
        String i2 = steps.run("TTHC nội bộ", () -> simplification.createInternal(new SimplificationService.InternalInput("NB.STC.01",
                "Thẩm định dự toán kinh phí thực hiện nhiệm vụ của các sở, ngành", "PROVINCE", "Tài chính ngân sách", stc,
                "1. Đơn vị gửi dự toán.\n2. Sở Tài chính thẩm định.\n3. Trình UBND tỉnh phê duyệt.", "Tờ trình; dự toán chi tiết; thuyết minh",
                "15", "Luật Ngân sách nhà nước 2015"), office));
        if (i2 != null) {
            steps.run("công bố NB.STC.01", () -> {
                InternalProcedure ip = simplification.internal(i2);
                simplification.publishInternal(i2, ip.draft().id(), ip.draft().rowVersion(), "1201/QĐ-UBND", d(LocalDate.of(year - 1, 6, 10)), office);
                return null;
            });
            Long pi = propose("INTERNAL", i2, year, "Thẩm định song song với Kho bạc; rút ngắn từ 15 xuống 12 ngày làm việc.", null, null, "12", office);
            move(pi, SimplificationService.Move.SUBMIT, today.minusMonths(1), null, office);
            move(pi, SimplificationService.Move.APPROVE, today.minusDays(20), "2702/QĐ-UBND", office);
        }
        steps.run("TTHC nội bộ", () -> simplification.createInternal(new SimplificationService.InternalInput("NB.SNV.01",
                "Thẩm định đề án vị trí việc làm của cơ quan, đơn vị", "PROVINCE", "Tổ chức bộ máy", snv,
                "1. Cơ quan gửi đề án.\n2. Sở Nội vụ thẩm định.\n3. Trình UBND tỉnh phê duyệt.", "Tờ trình; đề án; bản mô tả công việc", "30",
                "Nghị định 62/2020/NĐ-CP"), office));

        // --- the decentralisation review (Official Letter 634/UBND-TH)
        String round = "Công văn 634/UBND-TH ngày 16/5/2024";
        steps.run("đợt rà soát phân cấp", () -> reviews.openRound(round, d(LocalDate.of(2024, 5, 30)), office));
        steps.run("rà soát phân cấp", () -> {
            List<vn.motcua.control.DecentralisationItem> items = reviews.round(round);
            int n = 0;
            for (vn.motcua.control.DecentralisationItem i : items) {
                if (n % 3 == 2) {
                    n++;
                    continue; // a third still pending (overdue)
                }
                String authority = i.procedureCode().startsWith("1.0107") || i.procedureCode().startsWith("1.0097") ? "COMMITTEE" : "CHAIR";
                String proposal = n % 3 == 0 ? "DELEGATE" : "DECENTRALISE";
                String receiver = proposal.equals("DELEGATE") ? "Giám đốc " + i.agencyName() : "UBND cấp xã";
                String type = n % 2 == 0 ? "WITHIN_PROVINCE" : "AMEND_LAW";
                if (i.procedureCode().equals("1.010727")) {
                    reviews.review(i.id(), i.rowVersion(), new ReviewService.DecentralisationInput("COMMITTEE", i.legalBasis(), "KEEP", null, null,
                            "Luật Bảo vệ môi trường quy định thẩm quyền của UBND tỉnh; không ủy quyền được."), office);
                } else {
                    reviews.review(i.id(), i.rowVersion(), new ReviewService.DecentralisationInput(authority, i.legalBasis(), proposal, receiver, type,
                            "Giảm tầng nấc trung gian; rút ngắn thời gian giải quyết."), office);
                }
                n++;
            }
            return n;
        });

        // --- publication timeliness
        steps.run("theo dõi công bố", () -> {
            long w1 = oversight.watch(new OversightService.WatchInput("Nghị định 30/2026/NĐ-CP", "Sửa đổi thủ tục cấp phép xây dựng, hộ tịch", vp,
                    d(LocalDate.of(2026, 11, 1)), "3", "Bộ Xây dựng công bố tại Quyết định 812/QĐ-BXD"), office);
            oversight.link(w1, 0, "2890/QĐ-UBND", d(LocalDate.of(2026, 10, 8)), office);
            long w2 = oversight.watch(new OversightService.WatchInput("Nghị định 151/2025/NĐ-CP", "Phân định thẩm quyền lĩnh vực đất đai", snnmt,
                    d(LocalDate.of(2026, 11, 5)), "1", null), office);
            oversight.link(w2, 0, "3120/QĐ-UBND", d(LocalDate.of(2026, 11, 12)), office);
            oversight.watch(new OversightService.WatchInput("Quyết định 4012/QĐ-BTP", "Công bố TTHC lĩnh vực lý lịch tư pháp được sửa đổi", stp,
                    d(today.plusDays(9)), "2", "Chờ Sở Tư pháp trình dự thảo quyết định công bố"), justice);
            oversight.watch(new OversightService.WatchInput("Thông tư 18/2026/TT-BTC", "Lệ phí đăng ký doanh nghiệp", stc,
                    d(today.plusMonths(2)), "3", null), office);
            return null;
        });

        // --- draft regulations
        steps.run("dự thảo văn bản", () -> {
            long d1 = oversight.registerDraft(new OversightService.DraftInput("Quyết định quy định thủ tục hỗ trợ đầu tư vào nông nghiệp trên địa bàn tỉnh",
                    "Quyết định của UBND tỉnh", snnmt, d(today.minusDays(8)), "Cụ thể hóa chính sách hỗ trợ theo Nghị định 57/2018/NĐ-CP.",
                    "Trình tự gồm 3 bước, thời hạn 15 ngày.", "Phù hợp Luật Ban hành VBQPPL 2025.",
                    "Ước tính 1.850.000 đồng/hồ sơ, 200 hồ sơ/năm.", null, null, null), office);
            oversight.linkProcedure(d1, "1.012900", "NEW", office);
            long d2 = oversight.registerDraft(new OversightService.DraftInput("Nghị quyết quy định mức thu phí thẩm định cấp phép xây dựng",
                    "Nghị quyết của HĐND tỉnh", sxd, d(today.minusMonths(2)), "Thay thế Nghị quyết năm 2017.", "Mức thu giảm 10 %.",
                    "Theo Luật Phí và lệ phí.", "Giảm chi phí tuân thủ của thủ tục 1.009972.", building == null ? null : String.valueOf(building), null, null),
                    office);
            oversight.linkProcedure(d2, "1.009972", "AMENDED", office);
            oversight.moveDraft(d2, 0, OversightService.DraftMove.OPINION, d(today.minusMonths(2).plusDays(9)),
                    "Thống nhất; đề nghị bỏ yêu cầu bản sao giấy tờ về đất.", office);
            oversight.moveDraft(d2, 1, OversightService.DraftMove.APPRAISAL, d(today.minusMonths(1)), "Đủ điều kiện trình HĐND tỉnh.", office);
            // a draft of the quarter before: the office's opinion came late (the reports' "of which late")
            long d3 = oversight.registerDraft(new OversightService.DraftInput("Quyết định quy định cung cấp thông tin, dữ liệu đất đai trên địa bàn tỉnh",
                    "Quyết định của UBND tỉnh", snnmt, d(today.minusMonths(4)), "Thực hiện Luật Đất đai 2024.", "Cho phép khai thác dữ liệu trực tuyến.",
                    "Phù hợp Luật Đất đai 2024.", "Giảm đi lại: khai thác trực tuyến thay cho nộp tại Bộ phận Một cửa.", null, null, null), office);
            oversight.linkProcedure(d3, "1.012790", "AMENDED", office);
            oversight.linkProcedure(d3, "1.012902", "NEW", office);
            oversight.moveDraft(d3, 0, OversightService.DraftMove.OPINION, d(today.minusMonths(4).plusDays(25)),
                    "Thống nhất; đề nghị thống nhất mẫu đơn với mẫu của Bộ.", office);
            return null;
        });

        // --- inspections
        steps.run("kiểm tra", () -> {
            long k1 = oversight.planInspection(new OversightService.InspectionInput(String.valueOf(year), "PERIODIC", String.valueOf(ids.get("AG.P.LX")),
                    d(today.minusMonths(3)), "Đoàn kiểm tra của Văn phòng UBND tỉnh", "Công khai TTHC; tiếp nhận, trả kết quả; số hóa hồ sơ."), office);
            oversight.holdInspection(k1, 0, d(today.minusMonths(3)), "Cơ bản thực hiện tốt; còn hồ sơ chưa số hóa và niêm yết chưa đủ.", office);
            long f1 = oversight.addFinding(k1, 1, new OversightService.FindingInput("Niêm yết TTHC chưa đủ mã QR.", "Bổ sung mã QR tại bộ phận một cửa.",
                    "Bộ phận một cửa phường Long Xuyên", d(today.minusMonths(2))), office);
            oversight.addFinding(k1, 2, new OversightService.FindingInput("12 % hồ sơ chưa số hóa thành phần.", "Số hóa toàn bộ hồ sơ khi tiếp nhận.",
                    "Công chức một cửa", d(today.minusDays(5))), office);
            oversight.closeFinding(k1, f1, 0, d(today.minusMonths(2).minusDays(3)), "Đã niêm yết đủ mã QR.", office);
            oversight.planInspection(new OversightService.InspectionInput(String.valueOf(year), "UNANNOUNCED", String.valueOf(ids.get("AG.X.AC")),
                    d(today.plusDays(10)), "Tổ công tác cải cách TTHC", "Thái độ phục vụ; hồ sơ trễ hạn."), office);
            return null;
        });
        steps.run("cảnh báo", oversight::sendWarnings);
        log.info("Dữ liệu mẫu kiểm soát TTHC đã nạp ({} lỗi).", steps.failures());
    }

    private Long propose(String kind, String code, int year, String content, String reason, Long assessment, String timeAfter, CurrentUser by) {
        return steps.run("phương án " + code, () -> simplification.propose(new SimplificationService.ProposalInput(kind, code, String.valueOf(year), content,
                reason, assessment == null ? null : String.valueOf(assessment), timeAfter), by));
    }

    private void move(Long id, SimplificationService.Move move, LocalDate on, String reference, CurrentUser by) {
        if (id == null) {
            return;
        }
        steps.run("phương án " + move, () -> simplification.move(id, simplification.proposal(id).rowVersion(), move, on == null ? null : d(on), reference, by));
    }

    private static CostInput.Line work(String text, String hours, String hoursAfter, String quantity) {
        return new CostInput.Line("WORK", text, hours, quantity, "", false, hoursAfter, "", "", false);
    }

    private static CostInput.Line line(String kind, String text, String quantity, String unitCost, boolean drop, String unitCostAfter) {
        return new CostInput.Line(kind, text, "", quantity, unitCost, drop, "", "", unitCostAfter, false);
    }
}
