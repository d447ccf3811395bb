package vn.motcua.quality;

import java.util.List;

/**
 * The periodic report forms the province files from data the system holds (Circular 01/2020/TT-VPCP and the
 * provincial reporting guide): Biểu 06 on handling dossiers, the procedures under each unit's authority, feedback on
 * regulations and administrative behaviour, procedures on the electronic environment, the control of procedures in
 * draft regulations, and review and simplification. Only Biểu 06's number is
 * established; the others' numbers are settings ({@code motcua.quality.form-numbers.<FORM>}; II.07b is the one seen in
 * provincial systems for the number of procedures), not constants — see docs/service-index.md.
 */
public enum ReportForm {
    BIEU_06("Biểu 06", "Form 06", "Biểu số 06/VPCP/KSTT",
            "Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính",
            "Handling of administrative procedures at the agencies that handle them", "số hồ sơ", "STT / Lĩnh vực", List.of(
            Group.single("total", "Tổng số hồ sơ", "Dossiers in all"),
            new Group("Số hồ sơ nhận giải quyết", "Dossiers to handle", List.of(new Column("received", "Tổng", "Total"),
                    new Column("online", "Trực tuyến", "Online"), new Column("counterOrPost", "Trực tiếp, bưu chính", "Counter, post"),
                    new Column("carried", "Kỳ trước chuyển qua", "From the previous period"))),
            new Group("Kết quả giải quyết", "Handled", List.of(new Column("handled", "Tổng", "Total"), new Column("beforeDue", "Trước hạn", "Early"),
                    new Column("onTime", "Đúng hạn", "On time"), new Column("late", "Quá hạn", "Late"))),
            new Group("Số hồ sơ đang giải quyết", "In progress", List.of(new Column("open", "Tổng", "Total"),
                    new Column("within", "Trong hạn", "Within time"), new Column("overdue", "Quá hạn", "Overdue"))))),
    PROCEDURES("Số lượng TTHC", "Procedures", "Biểu số II.07b",
            "Số lượng thủ tục hành chính thuộc thẩm quyền giải quyết và dịch vụ công trực tuyến",
            "Procedures under the unit's authority and online public services", "số thủ tục hành chính", "STT / Lĩnh vực", List.of(
            Group.single("inForce", "Tổng số TTHC có hiệu lực cuối kỳ", "In force at the period's end"),
            new Group("Dịch vụ công trực tuyến", "Online public service", List.of(new Column("full", "Toàn trình", "Full"),
                    new Column("partial", "Một phần", "Partial"), new Column("notOnline", "Chưa trực tuyến", "Not online"))),
            new Group("Phát sinh hồ sơ trong kỳ", "Dossiers in the period", List.of(new Column("withDossiers", "Có hồ sơ", "Some"),
                    new Column("withoutDossiers", "Không có hồ sơ", "None"))),
            Group.single("feeBearing", "Có phí, lệ phí", "With fees"),
            new Group("Biến động trong kỳ", "Changes in the period", List.of(new Column("published", "Công bố mới, sửa đổi", "New or amended"),
                    new Column("abolished", "Bãi bỏ", "Abolished"))))),
    FEEDBACK("Phản ánh, kiến nghị", "Feedback", "",
            "Tình hình, kết quả xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và hành vi hành chính",
            "Feedback on administrative regulations and behaviour", "số phản ánh, kiến nghị", "STT / Cơ quan", List.of(
            new Group("Số phản ánh, kiến nghị tiếp nhận", "Received", List.of(new Column("received", "Tổng", "Total"),
                    new Column("regulation", "Về quy định hành chính", "On regulations"), new Column("behaviour", "Về hành vi hành chính", "On behaviour"),
                    new Column("repeated", "Trùng lặp", "Repeated"))),
            new Group("Đã xử lý", "Handled", List.of(new Column("handled", "Tổng", "Total"), new Column("onTime", "Đúng hạn", "On time"),
                    new Column("late", "Quá hạn", "Late"))),
            new Group("Đang xử lý", "In progress", List.of(new Column("open", "Tổng", "Total"), new Column("within", "Trong hạn", "Within time"),
                    new Column("overdue", "Quá hạn", "Overdue"))))),
    ONLINE("TTHC trên môi trường điện tử", "Electronic environment", "",
            "Tình hình, kết quả thực hiện thủ tục hành chính trên môi trường điện tử",
            "Administrative procedures on the electronic environment", "số hồ sơ", "STT / Lĩnh vực", List.of(
            Group.single("received", "Tổng số hồ sơ tiếp nhận", "Dossiers received"),
            new Group("Trong đó", "Of which", List.of(new Column("online", "Trực tuyến", "Online"),
                    new Column("synced", "Đồng bộ Cổng DVCQG", "On the national portal"))),
            new Group("Thanh toán trực tuyến", "Online payment", List.of(new Column("feeBearing", "Hồ sơ có phí", "With fees"),
                    new Column("paidOnline", "Đã thanh toán trực tuyến", "Paid online"))),
            new Group("Số hóa, tái sử dụng", "Digitisation, reuse", List.of(new Column("digitised", "Số hóa hồ sơ", "Digitised"),
                    new Column("reused", "Tái sử dụng dữ liệu", "Data reused"))),
            Group.single("eResult", "Trả kết quả điện tử", "Electronic result"))),
    REGULATIONS("Kiểm soát TTHC trong dự thảo", "Draft regulations", "",
            "Tình hình, kết quả kiểm soát quy định thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật",
            "Control of procedures in draft regulations", "số dự thảo, số TTHC", "STT / Cơ quan chủ trì soạn thảo", List.of(
            Group.single("registered", "Số dự thảo đăng ký", "Drafts registered"),
            new Group("TTHC được quy định tại dự thảo", "Procedures in the drafts", List.of(new Column("procNew", "Quy định mới", "New"),
                    new Column("procAmended", "Sửa đổi, bổ sung", "Amended"), new Column("procAbolished", "Bãi bỏ", "Abolished"))),
            new Group("Ý kiến của Văn phòng UBND tỉnh", "The office's opinion", List.of(new Column("opinions", "Đã cho ý kiến", "Given"),
                    new Column("opinionsLate", "Trong đó quá hạn", "Of which late"), new Column("opinionsOverdue", "Quá hạn chưa cho ý kiến", "Overdue, not given"))),
            Group.single("appraised", "Đã thẩm định", "Appraised"))),
    SIMPLIFICATION("Đơn giản hóa TTHC", "Simplification", "",
            "Tình hình, kết quả rà soát, đơn giản hóa thủ tục hành chính và cắt giảm chi phí tuân thủ",
            "Review and simplification of procedures, compliance cost cut", "số TTHC; chi phí: đồng/năm", "STT / Cơ quan", List.of(
            new Group("Thủ tục hành chính", "Procedures", List.of(new Column("procedures", "Đang có hiệu lực", "In force"),
                    new Column("proposals", "Phương án đơn giản hóa", "Proposals"), new Column("simplified", "Đã đơn giản hóa", "Simplified"))),
            new Group("Chi phí tuân thủ một năm", "Yearly compliance cost", List.of(new Column("costBefore", "Trước", "Before"),
                    new Column("costAfter", "Sau", "After"), new Column("saving", "Cắt giảm", "Saving"))),
            new Group("Thủ tục nội bộ", "Internal procedures", List.of(new Column("internal", "Đang áp dụng", "In use"),
                    new Column("internalSimplified", "Đã đơn giản hóa", "Simplified")))));

    private final String shortName;
    private final String shortNameEn;
    private final String defaultNumber;
    private final String title;
    private final String titleEn;
    private final String measure;
    private final String rowHeader;
    private final List<Group> groups;

    ReportForm(String shortName, String shortNameEn, String defaultNumber, String title, String titleEn, String measure, String rowHeader,
               List<Group> groups) {
        this.shortName = shortName;
        this.shortNameEn = shortNameEn;
        this.titleEn = titleEn;
        this.defaultNumber = defaultNumber;
        this.title = title;
        this.measure = measure;
        this.rowHeader = rowHeader;
        this.groups = groups;
    }

    /** What lists and e-mails call it. */
    public String shortName() {
        return shortName;
    }

    public String label() {
        return shortName;
    }

    public String labelEn() {
        return shortNameEn;
    }

    public String titleEn() {
        return titleEn;
    }

    /** The number printed on the form (empty: none known yet), unless the province's setting gives another. */
    public String defaultNumber() {
        return defaultNumber;
    }

    public String title() {
        return title;
    }

    /** The unit of measure ("Đơn vị tính"). */
    public String measure() {
        return measure;
    }

    public String measureEn() {
        return switch (this) {
            case BIEU_06, ONLINE -> "dossiers";
            case PROCEDURES -> "procedures";
            case FEEDBACK -> "feedback items";
            case REGULATIONS -> "drafts, procedures";
            case SIMPLIFICATION -> "procedures; cost: VND a year";
        };
    }

    public String rowHeader() {
        return rowHeader;
    }

    /** The column headings as the form groups them. */
    public List<Group> groups() {
        return groups;
    }

    /** Every column in order. */
    public List<Column> columns() {
        return groups.stream().flatMap(g -> g.columns().stream()).toList();
    }

    /** The position of a column in each row's values. */
    public int index(String key) {
        List<Column> all = columns();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key + " in " + name());
    }

    public static java.util.Optional<ReportForm> parse(String name) {
        for (ReportForm f : values()) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    /** A column of numbers. */
    public record Column(String key, String label, String labelEn) {
    }

    /** Columns under one heading; a heading of one column and no label spans both heading rows. */
    public record Group(String label, String labelEn, List<Column> columns) {
        static Group single(String key, String label, String labelEn) {
            return new Group(null, null, List.of(new Column(key, label, labelEn)));
        }

        public boolean spansBoth() {
            return label == null;
        }
    }
}
