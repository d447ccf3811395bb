package vn.motcua.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.ActingUser;
import vn.motcua.catalog.DecisionInfo;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeKind;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureAdminService;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.catalog.PublicationAction;
import vn.motcua.catalog.PublishRequest;
import vn.motcua.catalog.UploadedForm;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.AccountType;
import vn.motcua.identity.NewAccount;
import vn.motcua.identity.Role;
import vn.motcua.identity.RoleGrant;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.MergeRequest;
import vn.motcua.organization.NewAgency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the demo province on first start (nothing happens when any unit already exists). */
@Component
@ConditionalOnProperty(name = "motcua.demo-data.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {
    /** Password of every demo account (documented in the README). */
    public static final String DEMO_PASSWORD = "MotCua@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 1);
    private static final LocalDate DEPARTMENT_MERGER = LocalDate.of(2025, 3, 1);
    private static final LocalDate TWO_LEVEL_GOVERNMENT = LocalDate.of(2025, 7, 1);

    private final AgencyService agencies;
    private final AccountService accounts;
    private final ProcedureAdminService admin;
    private final ObjectMapper json;
    private final Map<String, Long> ids = new HashMap<>();
    private final TransactionTemplate tx;
    private final DemoHistory history;
    private final DemoDocumentTypes documentTypes;
    private final DemoPayments payments;
    private final vn.motcua.notification.NotificationService notifications;
    private final DemoFeedback feedback;
    @org.springframework.beans.factory.annotation.Autowired
    private DemoNational national;
    @org.springframework.beans.factory.annotation.Autowired
    private DemoControl control;
    @org.springframework.beans.factory.annotation.Autowired
    private DemoQuality quality;

    public DemoDataLoader(AgencyService agencies, AccountService accounts, ProcedureAdminService admin, ObjectMapper json,
                          TransactionTemplate tx, DemoHistory history, DemoDocumentTypes documentTypes, DemoPayments payments,
                          vn.motcua.notification.NotificationService notifications, DemoFeedback feedback) {
        this.feedback = feedback;
        this.payments = payments;
        this.notifications = notifications;
        this.documentTypes = documentTypes;
        this.agencies = agencies;
        this.accounts = accounts;
        this.admin = admin;
        this.json = json;
        this.tx = tx;
        this.history = history;
    }

    /**
     * The province (units, accounts, catalog) in one transaction; then its dossiers, replayed through the real
     * services at the moments they happened, each change in its own transaction as in real life.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!agencies.all().isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            loadAgencies();
            loadAccounts();
            try {
                loadCatalog();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            documentTypes.load();
            payments.loadSettings(ids, vn.motcua.identity.CurrentUser.of(accounts.list().stream()
                    .filter(a -> a.username().equals("quantri")).findFirst().orElseThrow()));
            // the demo citizen is told on every channel (his messages show in the simulators' inbox)
            notifications.savePreferences("congdan", -1, true, true, true);
        });
        history.load(ids);
        feedback.load(ids);
        national.load(ids);
        control.load(ids);
        quality.load(ids);
        log.info("Đã nạp dữ liệu mẫu: {} đơn vị, {} tài khoản (mật khẩu {}), {} hồ sơ.", agencies.all().size(), accounts.count(), DEMO_PASSWORD,
                history.created());
    }

    /** How many demo changes failed (0 unless a rule changed under the demo data; a test checks it). */
    public int failures() {
        return history.failures() + feedback.failures() + national.failures() + control.failures() + quality.failures();
    }

    // ---- agencies: An Giang and Kiên Giang, department mergers of 03/2025, two-level government of 07/2025

    private void loadAgencies() {
        unit("AG", "Ủy ban nhân dân tỉnh An Giang", "UBND tỉnh An Giang", AgencyType.PROVINCE_COMMITTEE, null, FOUNDED);
        unit("AG.VP", "Văn phòng Ủy ban nhân dân tỉnh An Giang", "Văn phòng UBND tỉnh", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh An Giang", "Trung tâm PVHCC tỉnh", AgencyType.ONE_STOP, "AG.VP", FOUNDED);
        unit("AG.STP", "Sở Tư pháp tỉnh An Giang", "Sở Tư pháp", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.STP.HCTP", "Phòng Hành chính tư pháp - Sở Tư pháp", "Phòng HCTP", AgencyType.DIVISION, "AG.STP", FOUNDED);
        unit("AG.STNMT", "Sở Tài nguyên và Môi trường tỉnh An Giang", "Sở TN&MT", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh An Giang", "Sở NN&PTNT", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SKHDT", "Sở Kế hoạch và Đầu tư tỉnh An Giang", "Sở KH&ĐT", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.STC", "Sở Tài chính tỉnh An Giang", "Sở Tài chính", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SXD", "Sở Xây dựng tỉnh An Giang", "Sở Xây dựng", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SGTVT", "Sở Giao thông vận tải tỉnh An Giang", "Sở GTVT", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SNV", "Sở Nội vụ tỉnh An Giang", "Sở Nội vụ", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SLDTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh An Giang", "Sở LĐ-TB&XH", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.SVHTT", "Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang", "Sở VHTT&DL", AgencyType.DEPARTMENT, "AG", FOUNDED);
        unit("AG.LX", "Ủy ban nhân dân thành phố Long Xuyên", "UBND TP Long Xuyên", AgencyType.DISTRICT_COMMITTEE, "AG", FOUNDED);
        unit("AG.LX.BPMC", "Bộ phận một cửa thành phố Long Xuyên", "Một cửa TP Long Xuyên", AgencyType.ONE_STOP, "AG.LX", FOUNDED);
        commune("AG.LX.MB", "phường Mỹ Bình", "AG.LX");
        commune("AG.LX.ML", "phường Mỹ Long", "AG.LX");
        commune("AG.LX.MX", "phường Mỹ Xuyên", "AG.LX");
        unit("AG.CT", "Ủy ban nhân dân huyện Châu Thành", "UBND huyện Châu Thành", AgencyType.DISTRICT_COMMITTEE, "AG", FOUNDED);
        commune("AG.CT.AC", "thị trấn An Châu", "AG.CT");
        commune("AG.CT.HBT", "xã Hòa Bình Thạnh", "AG.CT");
        unit("KG", "Ủy ban nhân dân tỉnh Kiên Giang", "UBND tỉnh Kiên Giang", AgencyType.PROVINCE_COMMITTEE, null, FOUNDED);
        unit("KG.STP", "Sở Tư pháp tỉnh Kiên Giang", "Sở Tư pháp Kiên Giang", AgencyType.DEPARTMENT, "KG", FOUNDED);
        unit("KG.RG", "Ủy ban nhân dân thành phố Rạch Giá", "UBND TP Rạch Giá", AgencyType.DISTRICT_COMMITTEE, "KG", FOUNDED);
        commune("KG.RG.VTV", "phường Vĩnh Thanh Vân", "KG.RG");
        commune("KG.RG.VL", "phường Vĩnh Lạc", "KG.RG");

        // 01/03/2025: departments merged (Nghị quyết của HĐND tỉnh về sắp xếp cơ quan chuyên môn)
        unit("AG.SNNMT", "Sở Nông nghiệp và Môi trường tỉnh An Giang", "Sở NN&MT", AgencyType.DEPARTMENT, "AG", DEPARTMENT_MERGER);
        merge(List.of("AG.STNMT", "AG.SNNPTNT"), "AG.SNNMT", DEPARTMENT_MERGER, "Quyết định số 480/QĐ-UBND ngày 25/02/2025 hợp nhất Sở TN&MT và Sở NN&PTNT");
        merge(List.of("AG.SKHDT"), "AG.STC", DEPARTMENT_MERGER, "Quyết định số 481/QĐ-UBND ngày 25/02/2025 hợp nhất Sở KH&ĐT vào Sở Tài chính");
        merge(List.of("AG.SGTVT"), "AG.SXD", DEPARTMENT_MERGER, "Quyết định số 482/QĐ-UBND ngày 25/02/2025 hợp nhất Sở GTVT vào Sở Xây dựng");
        merge(List.of("AG.SLDTBXH"), "AG.SNV", DEPARTMENT_MERGER, "Quyết định số 483/QĐ-UBND ngày 25/02/2025 hợp nhất Sở LĐ-TB&XH vào Sở Nội vụ");

        // 01/07/2025: provinces merged, district level ended, communes merged
        String basis = "Nghị quyết số 202/2025/QH15 và Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã năm 2025";
        commune("AG.P.LX", "phường Long Xuyên", "AG", TWO_LEVEL_GOVERNMENT);
        commune("AG.X.AC", "xã An Châu", "AG", TWO_LEVEL_GOVERNMENT);
        commune("AG.P.RG", "phường Rạch Giá", "AG", TWO_LEVEL_GOVERNMENT);
        merge(List.of("AG.LX.MB.BPMC", "AG.LX.ML.BPMC", "AG.LX.MX.BPMC", "AG.LX.BPMC"), "AG.P.LX.BPMC", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("AG.LX.MB", "AG.LX.ML", "AG.LX.MX"), "AG.P.LX", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("AG.CT.AC.BPMC", "AG.CT.HBT.BPMC"), "AG.X.AC.BPMC", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("AG.CT.AC", "AG.CT.HBT"), "AG.X.AC", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("KG.RG.VTV.BPMC", "KG.RG.VL.BPMC"), "AG.P.RG.BPMC", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("KG.RG.VTV", "KG.RG.VL"), "AG.P.RG", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("AG.LX", "AG.CT", "KG.RG"), "AG", TWO_LEVEL_GOVERNMENT, "Kết thúc hoạt động của chính quyền cấp huyện từ 01/07/2025");
        merge(List.of("KG.STP"), "AG.STP", TWO_LEVEL_GOVERNMENT, basis);
        merge(List.of("KG"), "AG", TWO_LEVEL_GOVERNMENT, basis);
    }

    private int provinceUnits;
    private int communes;

    /**
     * A unit with a demo identifier code in the QCVN 102:2016 shape (000.LL.UU.H01; H01 stands for the demo province)
     * and a demo switchboard number.
     */
    private void unit(String code, String name, String shortName, AgencyType type, String parent, LocalDate from) {
        String identifier = type == AgencyType.PROVINCE_COMMITTEE ? (code.equals("AG") ? "000.00.00.H01" : "000.00.00.H33")
                : String.format("000.00.%02d.H01", ++provinceUnits);
        unit(code, name, shortName, type, parent, from, identifier);
    }

    private void unit(String code, String name, String shortName, AgencyType type, String parent, LocalDate from, String identifier) {
        Agency a = agencies.create(new NewAgency(code, name, shortName, type, parent == null ? null : ids.get(parent), from,
                null, String.format("0296 38%05d", 10000 + ids.size() * 37), null, identifier));
        ids.put(code, a.id());
    }

    private void commune(String code, String name, String parent) {
        commune(code, name, parent, FOUNDED);
    }

    private void commune(String code, String name, String parent, LocalDate from) {
        int n = ++communes + 10;
        unit(code, "Ủy ban nhân dân " + name, "UBND " + name, AgencyType.COMMUNE_COMMITTEE, parent, from, String.format("000.%02d.00.H01", n));
        unit(code + ".BPMC", (from.isBefore(TWO_LEVEL_GOVERNMENT) ? "Bộ phận một cửa " : "Trung tâm Phục vụ hành chính công ") + name,
                "Một cửa " + name, AgencyType.ONE_STOP, code, from, String.format("000.%02d.01.H01", n));
    }

    private void merge(List<String> sources, String target, LocalDate on, String reason) {
        agencies.merge(new MergeRequest(sources.stream().map(ids::get).toList(), ids.get(target), on, reason));
    }

    // ---- accounts

    private void loadAccounts() {
        officer("quantri", "Trần Quốc Bảo", Role.ADMIN, "AG");
        officer("kiemsoat", "Lê Thị Thu Hà", Role.TTHC_CONTROL, "AG");
        officer("kiemsoat.stp", "Phạm Minh Đức", Role.TTHC_CONTROL, "AG.STP");
        officer("tiepnhan", "Nguyễn Thị Mai", Role.RECEIVING_OFFICER, "AG.TTPVHCC");
        officer("tiepnhan.longxuyen", "Võ Thanh Tâm", Role.RECEIVING_OFFICER, "AG.P.LX.BPMC");
        officer("tiepnhan.anchau", "Phan Thị Ngọc", Role.RECEIVING_OFFICER, "AG.X.AC.BPMC");
        officer("tiepnhan.rachgia", "Dương Văn Khải", Role.RECEIVING_OFFICER, "AG.P.RG.BPMC");
        officer("chuyenvien.stp", "Đặng Văn Hùng", Role.PROCESSING_OFFICER, "AG.STP.HCTP");
        officer("lanhdao.stp", "Huỳnh Thị Lan", Role.LEADER, "AG.STP");
        officer("chuyenvien.snnmt", "Tô Minh Quân", Role.PROCESSING_OFFICER, "AG.SNNMT");
        officer("lanhdao.snnmt", "Châu Thị Kim", Role.LEADER, "AG.SNNMT");
        officer("chuyenvien.stc", "Lý Hoàng Nam", Role.PROCESSING_OFFICER, "AG.STC");
        officer("lanhdao.stc", "Mai Văn Tùng", Role.LEADER, "AG.STC");
        officer("chuyenvien.longxuyen", "Trương Công Danh", Role.PROCESSING_OFFICER, "AG.P.LX");
        officer("lanhdao.longxuyen", "Lâm Văn Phúc", Role.LEADER, "AG.P.LX");
        officer("chuyenvien.anchau", "Hồ Thị Thanh", Role.PROCESSING_OFFICER, "AG.X.AC");
        officer("lanhdao.anchau", "Quách Văn Lộc", Role.LEADER, "AG.X.AC");
        officer("chuyenvien.rachgia", "Thái Ngọc Hân", Role.PROCESSING_OFFICER, "AG.P.RG");
        officer("lanhdao.rachgia", "Kiều Minh Trí", Role.LEADER, "AG.P.RG");
        officer("thanhtra", "Ngô Thị Hồng", Role.AUDITOR, "AG");
        officer("ketoan", "Đoàn Thị Bích", Role.ACCOUNTANT, "AG");
        officer("ketoan.longxuyen", "Khưu Văn Thịnh", Role.ACCOUNTANT, "AG.P.LX");
        accounts.register(new NewAccount("congdan", DEMO_PASSWORD, "Nguyễn Văn An", AccountType.CITIZEN, "an.nguyen@example.vn",
                "0912345678", "089090001234", null, null));
        accounts.register(new NewAccount("doanhnghiep", DEMO_PASSWORD, "Công ty TNHH Thương mại Minh Phát", AccountType.BUSINESS,
                "lienhe@minhphat.example.vn", "02963812345", null, "1601234567", null));
        for (String[] c : DemoHistory.CITIZENS) {
            accounts.register(new NewAccount(c[0], DEMO_PASSWORD, c[1], AccountType.CITIZEN, c[0] + "@example.vn", c[2], c[3], null, null));
        }
    }

    private int officers;

    private void officer(String username, String name, Role role, String unit) {
        accounts.create(new NewAccount(username, DEMO_PASSWORD, name, AccountType.OFFICER, username + "@angiang.example.gov.vn",
                String.format("0918%06d", 200000 + ++officers * 1117), null, null, List.of(new RoleGrant(role, ids.get(unit)))));
    }

    // ---- catalog

    private record Publication(String number, String title, LocalDate signed, LocalDate effective, List<String> fields) {
    }

    private void loadCatalog() throws IOException {
        Map<String, Long> fields = new HashMap<>();
        String[][] fieldList = {{"HT", "Hộ tịch"}, {"CT", "Chứng thực"}, {"LLTP", "Lý lịch tư pháp"}, {"NCN", "Nuôi con nuôi"},
                {"DKBD", "Đăng ký biện pháp bảo đảm"}, {"DD", "Đất đai"}, {"MT", "Môi trường"},
                {"DN", "Thành lập và hoạt động của doanh nghiệp"}, {"HKD", "Thành lập và hoạt động của hộ kinh doanh"},
                {"XD", "Hoạt động xây dựng"}, {"GTVT", "Đường bộ"}, {"BTXH", "Bảo trợ xã hội"}, {"VH", "Văn hóa cơ sở"}};
        for (String[] f : fieldList) {
            ProcedureField field = admin.createField(f[0], f[1]);
            fields.put(f[0], field.id());
        }
        Map<String, String> agencyOf = Map.of("STP", "AG.STP", "SNNMT", "AG.SNNMT", "STC", "AG.STC", "SXD", "AG.SXD",
                "SNV", "AG.SNV", "SVHTT", "AG.SVHTT");
        List<Publication> publications = List.of(
                new Publication("1001/QĐ-UBND", "Công bố danh mục thủ tục hành chính lĩnh vực tư pháp",
                        LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 20), List.of("HT", "CT", "LLTP", "NCN")),
                new Publication("2150/QĐ-UBND", "Công bố thủ tục hành chính lĩnh vực đất đai, môi trường, đăng ký biện pháp bảo đảm",
                        LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 5), List.of("DD", "DKBD", "MT")),
                new Publication("560/QĐ-UBND", "Công bố thủ tục hành chính lĩnh vực doanh nghiệp, hộ kinh doanh, xây dựng, đường bộ",
                        LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 10), List.of("DN", "HKD", "XD", "GTVT")),
                new Publication("1420/QĐ-UBND", "Công bố thủ tục hành chính lĩnh vực bảo trợ xã hội, văn hóa cơ sở sau sắp xếp",
                        LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 1), List.of("BTXH", "VH")));
        ActingUser system = ActingUser.system("he-thong");
        JsonNode root;
        try (InputStream in = new ClassPathResource("demo/procedures.json").getInputStream()) {
            root = json.readTree(in);
        }
        for (Publication pub : publications) {
            for (JsonNode n : root) {
                if (!pub.fields().contains(n.get("field").asText())) {
                    continue;
                }
                ProcedureDraft draft = draft(n, fields.get(n.get("field").asText()), ids.get(agencyOf.get(n.get("agency").asText())));
                long versionId = admin.createProcedure(draft, forms(n), system);
                admin.publish(new PublishRequest(versionId, 0, PublicationAction.NEW, null,
                        new DecisionInfo(pub.number(), pub.title(), ids.get("AG"), pub.signed(), pub.effective())), system);
            }
        }
        // 10/2026: online time limit of birth registration shortened, building permits amended, one procedure abolished
        DecisionInfo october = new DecisionInfo("2890/QĐ-UBND", "Công bố thủ tục hành chính sửa đổi, bổ sung, bãi bỏ năm 2026",
                ids.get("AG"), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 10));
        amend("1.001193", system, october, d -> withLimits(d, d.timeLimitDays(), d.onlineTimeLimitDays(),
                "Ngay trong ngày tiếp nhận hồ sơ; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo. Hồ sơ trực tuyến liên thông "
                        + "khai sinh, thường trú, cấp thẻ bảo hiểm y tế được trả kết quả điện tử."));
        amend("1.009972", system, october, d -> withLimits(d, new BigDecimal(12), new BigDecimal("9.5"),
                "Rút ngắn theo Quyết định số 2890/QĐ-UBND."));
        admin.abolish("1.005388", october, system);
        // 11/2026: a new procedure replaces the lost-certificate procedure
        DecisionInfo november = new DecisionInfo("3120/QĐ-UBND", "Công bố thủ tục hành chính được thay thế lĩnh vực đất đai",
                ids.get("AG"), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5));
        JsonNode lost = find(root, "1.004441");
        ProcedureDraft replacement = draft(lost, fields.get("DD"), ids.get("AG.SNNMT"));
        replacement = new ProcedureDraft("1.012801", "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất",
                replacement.fieldId(), replacement.level(), replacement.agencyId(), replacement.implementingAgency(), replacement.steps(),
                replacement.methodDetails(), true, true, true, OnlineLevel.FULL, new BigDecimal(8), new BigDecimal("6"),
                null, replacement.subjects(), replacement.resultType(), replacement.feesNote(), replacement.requirements(),
                "Luật Đất đai năm 2024; Nghị định số 151/2025/NĐ-CP về phân định thẩm quyền của chính quyền địa phương 2 cấp.",
                replacement.components(), replacement.fees(), process(new BigDecimal(8), new BigDecimal(6), true, ProcedureLevel.COMMUNE));
        long replacementId = admin.createProcedure(replacement, List.of(), system);
        admin.publish(new PublishRequest(replacementId, 0, PublicationAction.REPLACED, "1.004441", november), system);
        // a draft amendment still being prepared
        long draftId = admin.startAmendment("1.000894", system);
        ProcedureVersion draft = admin.draftForEdit(draftId, system);
        admin.saveDraft(draftId, draft.rowVersion(), withLimits(ProcedureAdminService.toDraft(draft), draft.timeLimitDays(),
                new BigDecimal("1.5"), "Dự thảo: rút ngắn thời hạn trực tuyến."), List.of(), system);
    }

    private interface DraftChange {
        ProcedureDraft apply(ProcedureDraft d);
    }

    private void amend(String code, ActingUser user, DecisionInfo decision, DraftChange change) {
        long id = admin.startAmendment(code, user);
        ProcedureVersion v = admin.draftForEdit(id, user);
        ProcedureVersion saved = admin.saveDraft(id, v.rowVersion(), change.apply(ProcedureAdminService.toDraft(v)), List.of(), user);
        admin.publish(new PublishRequest(id, saved.rowVersion(), PublicationAction.AMENDED, null, decision), user);
    }

    private ProcedureDraft withLimits(ProcedureDraft d, BigDecimal limit, BigDecimal online, String note) {
        return new ProcedureDraft(d.code(), d.name(), d.fieldId(), d.level(), d.agencyId(), d.implementingAgency(), d.steps(),
                d.methodDetails(), d.byCounter(), d.byOnline(), d.byPost(), d.onlineLevel(), limit, online, note, d.subjects(),
                d.resultType(), d.feesNote(), d.requirements(), d.legalBasis(), d.components(), d.fees(),
                process(limit, online, d.byOnline(), d.level()));
    }

    private static JsonNode find(JsonNode root, String code) {
        for (JsonNode n : root) {
            if (n.get("code").asText().equals(code)) {
                return n;
            }
        }
        throw new IllegalStateException("demo procedure " + code + " missing");
    }

    private ProcedureDraft draft(JsonNode n, long fieldId, long agencyId) {
        ProcedureLevel level = ProcedureLevel.valueOf(n.get("level").asText());
        BigDecimal days = n.get("days").decimalValue().setScale(1, RoundingMode.UNNECESSARY);
        boolean online = n.has("online");
        BigDecimal onlineDays = online ? n.get("online").decimalValue().setScale(1, RoundingMode.UNNECESSARY) : null;
        boolean post = n.path("post").asBoolean(false);
        List<vn.motcua.catalog.Component> components = new ArrayList<>();
        int i = 1;
        for (JsonNode c : n.get("components")) {
            components.add(new vn.motcua.catalog.Component(null, i++, c.get(0).asText(), c.get(1).asInt(), c.get(2).asInt(), true, null,
                    c.size() > 3 ? c.get(0).asText() : null, null));
        }
        List<Fee> fees = new ArrayList<>();
        for (JsonNode f : n.get("fees")) {
            fees.add(new Fee(FeeKind.valueOf(f.get(0).asText()), f.get(1).asText(), f.get(2).asLong()));
        }
        String implementing = switch (level) {
            case COMMUNE -> "Ủy ban nhân dân cấp xã";
            case DISTRICT -> "Ủy ban nhân dân cấp huyện";
            case PROVINCE -> agencies.get(agencyId).name();
        };
        String counter = level == ProcedureLevel.COMMUNE ? "Trung tâm Phục vụ hành chính công cấp xã"
                : "Trung tâm Phục vụ hành chính công tỉnh An Giang";
        String steps = "Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại " + counter
                + (online ? ", hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia" : "")
                + (post ? ", hoặc qua dịch vụ bưu chính công ích" : "") + ".\n"
                + "Bước 2: Công chức tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ thì lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả; "
                + "chưa đầy đủ thì hướng dẫn bổ sung một lần bằng Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.\n"
                + "Bước 3: Cơ quan có thẩm quyền thẩm định, giải quyết hồ sơ.\n"
                + "Bước 4: Trả kết quả tại nơi tiếp nhận, qua bưu chính hoặc trên môi trường điện tử.";
        return new ProcedureDraft(n.get("code").asText(), n.get("name").asText(), fieldId, level, agencyId, implementing, steps,
                "Trực tiếp: trong giờ hành chính các ngày làm việc, tại bất kỳ Trung tâm Phục vụ hành chính công nào trong tỉnh "
                        + "(không phụ thuộc địa giới hành chính)." + (online ? " Trực tuyến: Cổng Dịch vụ công quốc gia, 24/7." : ""),
                true, online, post, OnlineLevel.valueOf(n.get("ol").asText()), days, onlineDays, n.has("note") ? n.get("note").asText() : null,
                n.get("subjects").asText(), n.get("result").asText(), null,
                "Không quy định.", n.get("legal").asText(), components, fees, process(days, onlineDays, online, level));
    }

    private List<UploadedForm> forms(JsonNode n) {
        List<UploadedForm> forms = new ArrayList<>();
        int i = 1;
        for (JsonNode c : n.get("components")) {
            if (c.size() > 3) {
                forms.add(new UploadedForm(i, c.get(3).asText() + ".rtf", "application/rtf", RtfForm.of(c.get(0).asText(), n.get("name").asText())));
            }
            i++;
        }
        return forms;
    }

    /** An internal process that shares the time limit between receiving, handling, signing and returning. */
    static List<ProcessStep> process(BigDecimal days, BigDecimal onlineDays, boolean online, ProcedureLevel level) {
        List<ProcessStep> steps = new ArrayList<>(steps(ProcessVariant.STANDARD, days, level));
        if (online) {
            steps.addAll(steps(ProcessVariant.ONLINE, onlineDays, level));
        }
        return steps;
    }

    private static List<ProcessStep> steps(ProcessVariant variant, BigDecimal days, ProcedureLevel level) {
        // a procedure resolved within the day shares the 8 office hours of that day
        BigDecimal hours = days.signum() == 0 ? new BigDecimal(8) : days.multiply(new BigDecimal(8));
        BigDecimal receive = share(hours, "0.1");
        BigDecimal sign = share(hours, "0.2");
        BigDecimal back = share(hours, "0.1");
        BigDecimal handle = hours.subtract(receive).subtract(sign).subtract(back);
        String counter = level == ProcedureLevel.COMMUNE ? "Trung tâm PVHCC cấp xã" : "Trung tâm PVHCC tỉnh";
        String office = level == ProcedureLevel.COMMUNE ? "Công chức chuyên môn UBND cấp xã" : "Phòng chuyên môn của Sở";
        String leader = level == ProcedureLevel.COMMUNE ? "Lãnh đạo UBND cấp xã" : "Lãnh đạo Sở";
        return List.of(
                new ProcessStep(variant, 1, variant == ProcessVariant.ONLINE ? "Tiếp nhận, kiểm tra hồ sơ trực tuyến" : "Tiếp nhận, kiểm tra hồ sơ",
                        counter, Role.RECEIVING_OFFICER, receive),
                new ProcessStep(variant, 2, "Thẩm định hồ sơ, dự thảo kết quả", office, Role.PROCESSING_OFFICER, handle),
                new ProcessStep(variant, 3, "Phê duyệt, ký kết quả", leader, Role.LEADER, sign),
                new ProcessStep(variant, 4, "Trả kết quả", counter, Role.RECEIVING_OFFICER, back));
    }

    private static BigDecimal share(BigDecimal hours, String fraction) {
        BigDecimal v = hours.multiply(new BigDecimal(fraction)).setScale(1, RoundingMode.DOWN);
        return v.signum() == 0 ? new BigDecimal("0.1") : v;
    }
}
