package vn.motcua.control.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import vn.motcua.control.CostAssessment;
import vn.motcua.control.CostLine;
import vn.motcua.control.CutFigure;
import vn.motcua.control.DecentralisationItem;
import vn.motcua.control.Inspection;
import vn.motcua.control.InternalProcedure;
import vn.motcua.control.Proposal;
import vn.motcua.control.PublicationFigures;
import vn.motcua.control.PublicationItem;
import vn.motcua.control.RegulationDraft;
import vn.motcua.control.ReviewItem;
import vn.motcua.control.ReviewPlan;
import vn.motcua.control.StepAnalysis;
import vn.motcua.control.domain.Authority;
import vn.motcua.control.domain.DecentralisationProposal;
import vn.motcua.control.domain.ProposalType;
import vn.motcua.control.domain.StepTimes;
import vn.motcua.shared.web.ReportWorkbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static vn.motcua.shared.web.ReportWorkbook.cell;
import static vn.motcua.shared.web.ReportWorkbook.number;

/** Every control table in Excel, laid out as an office files it: titles, a bordered header, numbered rows, totals. */
final class ControlExcel {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ControlExcel() {
    }

    private static String d(LocalDate date) {
        return date == null ? "" : VN.format(date);
    }

    private static String s(Object o) {
        return o == null ? "" : o instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : o.toString();
    }

    private static String mark(boolean b) {
        return b ? "x" : "";
    }

    static byte[] plan(ReviewPlan plan, LocalDate today) {
        ReportWorkbook wb = new ReportWorkbook("Ke hoach ra soat", 8, "#,##0");
        wb.titleLine(0, "KẾ HOẠCH RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH NĂM " + plan.year());
        wb.titleLine(1, plan.reference() + " — " + plan.title() + " (" + plan.ownerName() + ")");
        wb.header(3, "STT", "Mã TTHC", "Nội dung rà soát", "Đơn vị chủ trì", "Hạn hoàn thành", "Tiến độ (%)", "Tình trạng", "Kết quả rà soát");
        int r = 4;
        int n = 0;
        for (ReviewItem i : plan.items()) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, s(i.procedureCode()), wb.text);
            cell(row, 2, i.subject(), wb.text);
            cell(row, 3, i.agencyName(), wb.text);
            cell(row, 4, d(i.dueOn()), wb.text);
            number(row, 5, i.progress().progress(), wb.number);
            cell(row, 6, i.overdue(today) ? i.progress().status().label() + " (quá hạn)" : i.progress().status().label(), wb.text);
            cell(row, 7, s(i.progress().result()), wb.text);
        }
        Row total = wb.sheet().createRow(r);
        cell(total, 2, "Cộng: " + plan.items().size() + " nội dung, hoàn thành " + plan.done(), wb.totalText);
        number(total, 5, plan.progress(), wb.totalNumber);
        wb.widths(6, 14, 48, 30, 14, 10, 18, 48);
        return wb.bytes(sh -> { });
    }

    /** The appendix of Official Letter 634/UBND-TH: marks "x" in columns 7, 8, 11, 12, 13, 14. */
    static byte[] decentralisation(String round, List<DecentralisationItem> items) {
        ReportWorkbook wb = new ReportWorkbook("Phu luc", 15, "#,##0");
        wb.titleLine(0, "THỐNG KÊ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN QUYẾT ĐỊNH CỦA UBND TỈNH, CHỦ TỊCH UBND TỈNH");
        wb.titleLine(1, "(Rà soát phân cấp, ủy quyền — " + round + ")");
        Sheet sh = wb.sheet();
        String[] top = {"STT", "Mã số TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan chủ trì thực hiện", "Tình trạng rà soát",
                "Thẩm quyền quyết định", "", "Căn cứ pháp lý (Luật, Nghị định, Thông tư, …)", "Đề xuất phân cấp, ủy quyền", "", "", "Loại đề xuất", "",
                "Lý do, ghi chú"};
        String[] sub = {"", "", "", "", "", "", "UBND tỉnh", "Chủ tịch UBND tỉnh", "", "Cơ quan được phân cấp, ủy quyền", "Phân cấp", "Ủy quyền",
                "Thuộc thẩm quyền của tỉnh", "Kiến nghị sửa đổi văn bản của Trung ương", ""};
        Row h1 = sh.createRow(3);
        Row h2 = sh.createRow(4);
        Row h3 = sh.createRow(5);
        for (int c = 0; c < 15; c++) {
            cell(h1, c, top[c], wb.head);
            cell(h2, c, sub[c], wb.head);
            cell(h3, c, "(" + (c + 1) + ")", wb.head);
        }
        for (int c : new int[]{0, 1, 2, 3, 4, 5, 8, 14}) {
            sh.addMergedRegion(new CellRangeAddress(3, 4, c, c));
        }
        sh.addMergedRegion(new CellRangeAddress(3, 3, 6, 7));
        sh.addMergedRegion(new CellRangeAddress(3, 3, 9, 11));
        sh.addMergedRegion(new CellRangeAddress(3, 3, 12, 13));
        int r = 6;
        int n = 0;
        for (DecentralisationItem i : items) {
            if (i.authority() != null && !i.authority().listed()) {
                continue;
            }
            Row row = sh.createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, i.procedureCode(), wb.text);
            cell(row, 2, i.procedureName(), wb.text);
            cell(row, 3, i.fieldName(), wb.text);
            cell(row, 4, i.agencyName(), wb.text);
            cell(row, 5, i.status().label(), wb.text);
            cell(row, 6, mark(i.authority() == Authority.COMMITTEE), wb.text);
            cell(row, 7, mark(i.authority() == Authority.CHAIR), wb.text);
            cell(row, 8, s(i.legalBasis()), wb.text);
            cell(row, 9, s(i.receiver()), wb.text);
            cell(row, 10, mark(i.proposal() == DecentralisationProposal.DECENTRALISE), wb.text);
            cell(row, 11, mark(i.proposal() == DecentralisationProposal.DELEGATE), wb.text);
            cell(row, 12, mark(i.proposalType() == ProposalType.WITHIN_PROVINCE), wb.text);
            cell(row, 13, mark(i.proposalType() == ProposalType.AMEND_LAW), wb.text);
            cell(row, 14, s(i.reason()), wb.text);
        }
        wb.widths(6, 14, 40, 20, 26, 16, 10, 10, 40, 26, 10, 10, 14, 16, 30);
        return wb.bytes(x -> { });
    }

    static byte[] assessment(CostAssessment a) {
        ReportWorkbook wb = new ReportWorkbook("Chi phi tuan thu", 7, "#,##0");
        wb.titleLine(0, "TÍNH CHI PHÍ TUÂN THỦ THỦ TỤC HÀNH CHÍNH (Thông tư 02/2017/TT-VPCP, Điều 27)");
        wb.titleLine(1, a.procedureCode() + " — " + a.procedureName());
        Sheet sh = wb.sheet();
        int r = 3;
        r = pair(wb, r, "Thu nhập bình quân tháng (đồng)", s(a.monthlyIncome()) + " — nguồn: " + a.incomeSource());
        r = pair(wb, r, "Thu nhập bình quân 1 giờ (đồng) = tháng / 22 ngày / 8 giờ", s(a.hourlyIncome()));
        r = pair(wb, r, "Số lần thực hiện/năm của một đối tượng", s(a.timesPerYear()));
        r = pair(wb, r, "Số đối tượng thực hiện/năm", s(a.subjectsPerYear()));
        r = pair(wb, r, "Thời hạn giải quyết (ngày làm việc): hiện nay → sau đơn giản hóa", s(a.timeLimitDays()) + " → " + s(a.afterTimeLimitDays()));
        r++;
        r = lines(wb, r, "I. CHI PHÍ HIỆN NAY", a.now(), a.saving().before());
        r++;
        r = lines(wb, r, "II. CHI PHÍ SAU ĐƠN GIẢN HÓA", a.after(), a.saving().after());
        r++;
        r = pair(wb, r, "Chi phí tiết kiệm/lần (đồng)", s(a.saving().saving()));
        r = pair(wb, r, "Tỷ lệ cắt giảm (%)", a.saving().percent() == null ? "N/A" : s(a.saving().percent()));
        r = pair(wb, r, "Chi phí hằng năm hiện nay (đồng)", s(a.saving().yearlyBefore()));
        r = pair(wb, r, "Chi phí hằng năm sau đơn giản hóa (đồng)", s(a.saving().yearlyAfter()));
        pair(wb, r, "Chi phí tiết kiệm hằng năm (đồng)", s(a.saving().yearlySaving()));
        wb.widths(6, 18, 50, 10, 10, 14, 16);
        return wb.bytes(x -> { });
    }

    private static int pair(ReportWorkbook wb, int r, String label, String value) {
        Row row = wb.sheet().createRow(r);
        cell(row, 0, label, wb.totalText);
        wb.sheet().addMergedRegion(new CellRangeAddress(r, r, 0, 2));
        cell(row, 3, value, wb.text);
        wb.sheet().addMergedRegion(new CellRangeAddress(r, r, 3, 6));
        return r + 1;
    }

    private static int lines(ReportWorkbook wb, int r, String title, List<CostLine> lines, long total) {
        Row t = wb.sheet().createRow(r++);
        cell(t, 0, title, wb.totalText);
        wb.header(r++, "STT", "Loại chi phí", "Nội dung", "Số giờ", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)");
        int n = 0;
        for (CostLine l : lines) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, l.kind().label(), wb.text);
            cell(row, 2, l.description(), wb.text);
            number(row, 3, l.hours(), wb.number);
            number(row, 4, l.quantity(), wb.number);
            number(row, 5, l.unitCost(), wb.number);
            number(row, 6, l.cost(), wb.number);
        }
        Row sum = wb.sheet().createRow(r++);
        cell(sum, 2, "Tổng chi phí một lần thực hiện", wb.totalText);
        number(sum, 6, total, wb.totalNumber);
        return r;
    }

    static byte[] proposals(int year, List<CutFigure> tracker, List<Proposal> proposals) {
        ReportWorkbook wb = new ReportWorkbook("Don gian hoa", 11, "#,##0");
        wb.titleLine(0, "KẾT QUẢ ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH, CẮT GIẢM CHI PHÍ TUÂN THỦ NĂM " + year);
        wb.titleLine(1, "(mục tiêu cắt giảm tối thiểu 20% chi phí tuân thủ và TTHC nội bộ)");
        wb.header(3, "STT", "Đơn vị", "Số TTHC đang có hiệu lực", "Số TTHC được đơn giản hóa", "Số phương án được thông qua",
                "Chi phí tuân thủ hằng năm trước (đồng)", "Chi phí tuân thủ hằng năm sau (đồng)", "Tỷ lệ cắt giảm chi phí (%)", "Số TTHC nội bộ",
                "Số TTHC nội bộ được đơn giản hóa", "Tỷ lệ cắt giảm thời hạn TTHC nội bộ (%)");
        int r = 4;
        int n = 0;
        for (CutFigure f : tracker) {
            boolean total = f.agencyId() == 0;
            Row row = wb.sheet().createRow(r++);
            var tx = total ? wb.totalText : wb.text;
            var nb = total ? wb.totalNumber : wb.number;
            cell(row, 0, total ? "" : String.valueOf(++n), tx);
            cell(row, 1, f.agencyName(), tx);
            number(row, 2, f.procedures(), nb);
            number(row, 3, f.simplified(), nb);
            number(row, 4, f.proposals(), nb);
            number(row, 5, f.yearlyBefore(), nb);
            number(row, 6, f.yearlyAfter(), nb);
            number(row, 7, f.costCutPercent(), nb);
            number(row, 8, f.internalProcedures(), nb);
            number(row, 9, f.internalSimplified(), nb);
            number(row, 10, f.internalTimeCutPercent(), nb);
        }
        r += 2;
        Row t = wb.sheet().createRow(r++);
        cell(t, 0, "DANH SÁCH PHƯƠNG ÁN ĐƠN GIẢN HÓA", wb.totalText);
        wb.header(r++, "STT", "Mã TTHC", "Tên thủ tục", "Loại", "Đơn vị", "Nội dung đơn giản hóa", "Tình trạng", "Chi phí/lần trước (đồng)",
                "Chi phí/lần sau (đồng)", "Tỷ lệ cắt giảm (%)", "Văn bản thông qua / Quyết định thực thi");
        n = 0;
        for (Proposal p : proposals) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, p.procedureCode(), wb.text);
            cell(row, 2, p.procedureName(), wb.text);
            cell(row, 3, p.kind().label(), wb.text);
            cell(row, 4, p.agencyName(), wb.text);
            cell(row, 5, p.content(), wb.text);
            cell(row, 6, p.state().status().label(), wb.text);
            number(row, 7, p.costBefore() == null ? null : BigDecimal.valueOf(p.costBefore()), wb.number);
            number(row, 8, p.costAfter() == null ? null : BigDecimal.valueOf(p.costAfter()), wb.number);
            number(row, 9, p.percent(), wb.number);
            cell(row, 10, (p.state().approvalRef() == null ? "" : p.state().approvalRef())
                    + (p.state().decisionNumber() == null ? "" : " / " + p.state().decisionNumber()), wb.text);
        }
        wb.widths(6, 30, 14, 14, 14, 18, 18, 14, 12, 14, 18);
        return wb.bytes(x -> { });
    }

    static byte[] internals(List<InternalProcedure> list) {
        ReportWorkbook wb = new ReportWorkbook("TTHC noi bo", 9, "#,##0.0");
        wb.titleLine(0, "DANH MỤC THỦ TỤC HÀNH CHÍNH NỘI BỘ GIỮA CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC");
        wb.header(2, "STT", "Mã", "Tên thủ tục nội bộ", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Thời hạn (ngày làm việc)",
                "Quyết định công bố", "Tình trạng");
        int r = 3;
        int n = 0;
        for (InternalProcedure ip : list) {
            InternalProcedure.Version v = ip.current() != null ? ip.current() : ip.latest();
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, ip.code(), wb.text);
            cell(row, 2, v.name(), wb.text);
            cell(row, 3, v.fieldName(), wb.text);
            cell(row, 4, v.level().label(), wb.text);
            cell(row, 5, v.agencyName(), wb.text);
            number(row, 6, v.timeLimitDays(), wb.number);
            cell(row, 7, v.decisionNumber() == null ? "" : v.decisionNumber() + " (" + d(v.decisionSignedOn()) + ")", wb.text);
            cell(row, 8, ip.abolishedOn() != null ? "Đã bãi bỏ từ " + d(ip.abolishedOn()) : v.status().label(), wb.text);
        }
        wb.widths(6, 14, 44, 22, 12, 30, 12, 24, 18);
        return wb.bytes(x -> { });
    }

    static byte[] steps(StepAnalysis a) {
        ReportWorkbook wb = new ReportWorkbook("Thoi gian buoc", 9, "#,##0.0");
        wb.titleLine(0, "THỜI GIAN THỰC TẾ CỦA TỪNG BƯỚC TRONG QUY TRÌNH NỘI BỘ");
        wb.titleLine(1, a.procedureCode() + " — " + a.procedureName() + " (" + a.variant().label() + ", hồ sơ kết thúc từ " + d(a.from()) + " đến "
                + d(a.to()) + ": " + a.analysis().dossiers() + " hồ sơ)");
        wb.header(3, "Bước", "Tên bước", "Thời gian quy định (giờ)", "Số lượt", "Trung vị (giờ)", "Phân vị 90 (giờ)", "Tỷ lệ vượt thời gian (%)",
                "Đề xuất (giờ)", "Cắt giảm (giờ)");
        int r = 4;
        for (StepTimes.StepResult s : a.analysis().steps()) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, s.step().step(), wb.number);
            cell(row, 1, s.step().name(), wb.text);
            number(row, 2, SimplificationPageController.hours(s.step().minutes()), wb.number);
            number(row, 3, s.all().count(), wb.number);
            number(row, 4, SimplificationPageController.hours(s.all().medianMinutes()), wb.number);
            number(row, 5, SimplificationPageController.hours(s.all().p90Minutes()), wb.number);
            number(row, 6, s.all().lateShare(), wb.number);
            number(row, 7, SimplificationPageController.hours(s.proposedMinutes()), wb.number);
            number(row, 8, SimplificationPageController.hours(s.cutMinutes()), wb.number);
        }
        Row total = wb.sheet().createRow(r);
        cell(total, 1, "Cộng (tỷ lệ cắt giảm " + (a.analysis().cutPercent() == null ? "N/A" : s(a.analysis().cutPercent()) + "%") + ")", wb.totalText);
        number(total, 2, SimplificationPageController.hours(a.analysis().allottedMinutes()), wb.totalNumber);
        number(total, 8, SimplificationPageController.hours(a.analysis().cutMinutes()), wb.totalNumber);
        wb.widths(6, 40, 14, 10, 12, 12, 14, 14, 14);
        return wb.bytes(x -> { });
    }

    static byte[] publications(LocalDate from, LocalDate to, List<PublicationItem> items, PublicationFigures f) {
        ReportWorkbook wb = new ReportWorkbook("Cong bo TTHC", 10, "#,##0.00");
        wb.titleLine(0, "TÌNH HÌNH CÔNG BỐ, CÔNG KHAI THỦ TỤC HÀNH CHÍNH (từ ngày " + d(from) + " đến ngày " + d(to) + ")");
        wb.titleLine(1, "1.1 đúng hạn: " + f.decidedOnTime() + "/" + f.published() + " (" + rate(f.decidedRate()) + ") · 1.2 công khai đúng hạn: "
                + f.publicOnTime() + "/" + f.madePublic() + " (" + rate(f.publicRate()) + ") · 1.3 đầy đủ bộ phận: " + f.complete() + "/" + f.inForce()
                + " (" + rate(f.completeRate()) + ")");
        wb.header(3, "STT", "Văn bản (căn cứ)", "Trích yếu", "Đơn vị", "Ngày có hiệu lực", "Hạn ban hành quyết định", "Quyết định công bố (ngày)",
                "Ngày công khai", "Hạn công khai", "Tình trạng");
        int r = 4;
        int n = 0;
        for (PublicationItem i : items) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, i.sourceRef(), wb.text);
            cell(row, 2, i.title(), wb.text);
            cell(row, 3, i.agencyName(), wb.text);
            cell(row, 4, d(i.basisEffectiveOn()), wb.text);
            cell(row, 5, d(i.timeliness().decideBy()), wb.text);
            cell(row, 6, i.decisionNumber() == null ? "" : i.decisionNumber() + " (" + d(i.decisionSignedOn()) + ")", wb.text);
            cell(row, 7, d(i.madePublicOn()), wb.text);
            cell(row, 8, d(i.timeliness().publishBy()), wb.text);
            cell(row, 9, i.state().label(), wb.text);
        }
        wb.widths(6, 22, 40, 26, 12, 14, 24, 12, 12, 22);
        return wb.bytes(x -> { });
    }

    private static String rate(BigDecimal b) {
        return b == null ? "N/A" : b.toPlainString() + "%";
    }

    static byte[] drafts(List<RegulationDraft> drafts) {
        ReportWorkbook wb = new ReportWorkbook("Du thao VBQPPL", 10, "#,##0");
        wb.titleLine(0, "KIỂM SOÁT QUY ĐỊNH THỦ TỤC HÀNH CHÍNH TẠI DỰ THẢO VĂN BẢN QUY PHẠM PHÁP LUẬT");
        wb.header(2, "STT", "Dự thảo", "Loại văn bản", "Cơ quan chủ trì soạn thảo", "Ngày đăng ký", "Số TTHC quy định", "Hạn ý kiến VP UBND tỉnh",
                "Ý kiến (ngày)", "Hạn thẩm định Sở Tư pháp", "Tình trạng");
        int r = 3;
        int n = 0;
        for (RegulationDraft dr : drafts) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, ++n, wb.number);
            cell(row, 1, dr.title(), wb.text);
            cell(row, 2, dr.kind(), wb.text);
            cell(row, 3, dr.agencyName(), wb.text);
            cell(row, 4, d(dr.registeredOn()), wb.text);
            number(row, 5, dr.procedures().size(), wb.number);
            cell(row, 6, d(dr.opinionDue()), wb.text);
            cell(row, 7, d(dr.opinionOn()), wb.text);
            cell(row, 8, d(dr.appraisalDue()) + (dr.appraisalOn() == null ? "" : " (thẩm định " + d(dr.appraisalOn()) + ")"), wb.text);
            cell(row, 9, dr.status().label(), wb.text);
        }
        wb.widths(6, 44, 20, 28, 12, 10, 14, 14, 22, 24);
        return wb.bytes(x -> { });
    }

    static byte[] inspections(int year, List<Inspection> list, LocalDate today) {
        ReportWorkbook wb = new ReportWorkbook("Kiem tra", 10, "#,##0");
        wb.titleLine(0, "KẾT QUẢ KIỂM TRA CÔNG TÁC KIỂM SOÁT TTHC, THỰC HIỆN CƠ CHẾ MỘT CỬA NĂM " + year);
        wb.header(2, "STT", "Đơn vị được kiểm tra", "Hình thức", "Ngày kiểm tra", "Đoàn kiểm tra", "Kết luận", "Tồn tại, hạn chế", "Yêu cầu khắc phục",
                "Hạn khắc phục", "Kết quả khắc phục");
        int r = 3;
        int n = 0;
        for (Inspection i : list) {
            List<Inspection.Finding> findings = i.findings().isEmpty() ? java.util.Collections.singletonList(null) : i.findings();
            for (Inspection.Finding f : findings) {
                Row row = wb.sheet().createRow(r++);
                number(row, 0, ++n, wb.number);
                cell(row, 1, i.agencyName(), wb.text);
                cell(row, 2, i.kind().label(), wb.text);
                cell(row, 3, d(i.heldOn() != null ? i.heldOn() : i.plannedOn()) + (i.heldOn() == null ? " (dự kiến)" : ""), wb.text);
                cell(row, 4, i.team(), wb.text);
                cell(row, 5, s(i.conclusion()), wb.text);
                cell(row, 6, f == null ? "" : f.finding(), wb.text);
                cell(row, 7, f == null ? "" : f.remediation() + " (" + f.responsible() + ")", wb.text);
                cell(row, 8, f == null ? "" : d(f.dueOn()), wb.text);
                cell(row, 9, f == null ? i.status().label() : f.closedOn() != null ? "Đã khắc phục " + d(f.closedOn()) + ": " + s(f.closingNote())
                        : f.overdue(today) ? "Quá hạn, chưa khắc phục" : "Đang khắc phục", wb.text);
            }
        }
        wb.widths(6, 28, 12, 14, 26, 36, 36, 36, 12, 30);
        return wb.bytes(x -> { });
    }
}
