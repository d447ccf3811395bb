package vn.motcua.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.ImportRun;
import vn.motcua.integration.ImportService;
import vn.motcua.integration.PortalService;
import vn.motcua.integration.PostService;
import vn.motcua.integration.SectoralService;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.UnavailableException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;

/**
 * The demo province's connections to the national systems: two ministries' sectoral systems that report dossiers they
 * handle (business registration, land), an import of last year's dossiers from the system being replaced (with the
 * rows it refused), the national catalog pulled with its proposals, pick-ups booked by post and the last months' vote
 * summaries queued for the portal. Every dossier change of the demo is already in the outbox; the background delivery
 * sends it to the portal's simulator within a minute of the start.
 */
@Component
class DemoNational {
    private static final Logger log = LoggerFactory.getLogger(DemoNational.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String BUSINESS_KEY = "demo-khoa-dang-ky-doanh-nghiep";
    static final String LAND_KEY = "demo-khoa-dat-dai";

    private final SectoralService sectoral;
    private final ImportService imports;
    private final PortalService portal;
    private final PostService post;
    private final AccountService accounts;
    private final AgencyService agencies;
    private final ObjectMapper json;
    private int failures;

    DemoNational(SectoralService sectoral, ImportService imports, PortalService portal, PostService post, AccountService accounts,
                 AgencyService agencies, ObjectMapper json) {
        this.sectoral = sectoral;
        this.imports = imports;
        this.portal = portal;
        this.post = post;
        this.accounts = accounts;
        this.agencies = agencies;
        this.json = json;
    }

    int failures() {
        return failures;
    }

    private CurrentUser as(String username) {
        return DemoSteps.as(accounts, username);
    }

    void load(Map<String, Long> ids) {
        LocalDate today = agencies.today();
        Random random = new Random(20261207L);
        int reported = sectoralReports(today, random);
        ImportRun run = importOld(today, random);
        try {
            var pulled = portal.pullCatalog(as("kiemsoat"));
            log.info("Danh mục Cổng DVCQG: {} thủ tục, {} đề xuất.", pulled.procedures(), pulled.proposals());
        } catch (UnavailableException e) {
            log.info("Không kéo được danh mục Cổng DVCQG khi nạp dữ liệu mẫu ({}); kéo lại tại /quan-tri/danh-muc-quoc-gia.", e.getMessage());
        }
        try {
            String[][] pickups = {{"congdan02", "Lê Văn Cảnh", "0903111002", "Số 8 đường Lê Lợi, xã An Châu, An Giang"},
                    {"congdan03", "Phạm Thị Diệu", "0903111003", "Số 21 đường Nguyễn Trung Trực, phường Rạch Giá, An Giang"}};
            for (String[] p : pickups) {
                post.requestPickup(new PostService.PickupRequest("1.001078", ids.get("AG.TTPVHCC"), p[1], p[2], p[3]), as(p[0]));
            }
            int lines = 0;
            for (int back = 1; back <= 3; back++) {
                lines += portal.pushVotes(YearMonth.from(today).minusMonths(back));
            }
            log.info("Dữ liệu mẫu liên thông: {} báo cáo của hệ thống chuyên ngành, nhập {} hồ sơ cũ ({} dòng lỗi), {} dòng tổng hợp đánh giá chờ gửi Cổng.",
                    reported, run.imported(), run.rejected(), lines);
        } catch (RuntimeException e) {
            failures++;
            log.warn("Demo national-systems step failed: {}", e.toString());
        }
    }

    /** Business registrations and land dossiers of the province handled in the ministries' own systems, with their progress. */
    private int sectoralReports(LocalDate today, Random random) {
        sectoral.register("BKHDT-DKDN", "Hệ thống thông tin quốc gia về đăng ký doanh nghiệp", BUSINESS_KEY);
        sectoral.register("BNNMT-DD", "Hệ thống thông tin đất đai quốc gia", LAND_KEY);
        String[] names = {"Công ty TNHH Nông sản Châu Đốc", "Công ty CP Thủy sản Long Xuyên", "Hộ kinh doanh Trần Văn Tư", "Công ty TNHH Du lịch Núi Sam",
                "Nguyễn Thị Đất", "Trần Văn Ruộng", "Lê Thị Vườn", "Phạm Văn Thửa"};
        int count = 0;
        for (int i = 0; i < 12; i++) {
            boolean business = i < 6;
            String system = business ? "BKHDT-DKDN" : "BNNMT-DD";
            String code = (business ? "DN-" : "DD-") + today.getYear() + "-" + String.format("%04d", 100 + i);
            LocalDateTime received = today.minusDays(4 + random.nextInt(40)).atTime(8 + random.nextInt(8), random.nextInt(60));
            LocalDateTime due = received.plusDays(business ? 4 : 21).withHour(17).withMinute(0);
            String procedure = business ? "2.001610" : "1.012790";
            String handling = business ? "AG.STC" : "AG.SNNMT";
            String applicant = names[i % names.length];
            String id = business ? String.format("16%08d", 1_000_000 + i) : String.format("0891900%05d", 50_000 + i);
            try {
                sectoral.report(system, report("R-" + code + "-1", code, procedure, handling, applicant, id, received, due, "PROCESSING", received, null));
                count++;
                int outcome = i % 4;
                if (outcome != 0 && received.plusDays(3).isBefore(LocalDateTime.now())) {
                    LocalDateTime finished = outcome == 3 ? due.plusDays(2) : received.plusDays(business ? 3 : 15);
                    if (finished.isBefore(LocalDateTime.now())) {
                        sectoral.report(system, report("R-" + code + "-2", code, procedure, handling, applicant, id, received, due, "RETURNED", finished,
                                finished));
                        count++;
                    }
                }
            } catch (RuntimeException e) {
                failures++;
                log.warn("Demo sectoral report {} failed: {}", code, e.toString());
            }
        }
        return count;
    }

    private ObjectNode report(String reportId, String code, String procedure, String handling, String applicant, String id, LocalDateTime received,
                              LocalDateTime due, String status, LocalDateTime at, LocalDateTime finished) {
        ObjectNode r = json.createObjectNode();
        r.put("reportId", reportId);
        r.put("externalCode", code);
        r.put("procedureCode", procedure);
        r.put("receivingUnitCode", "AG.TTPVHCC");
        r.put("handlingUnitCode", handling);
        r.put("channel", "ONLINE");
        r.put("status", status);
        r.put("submittedAt", received.minusMinutes(20).toString());
        r.put("receivedAt", received.toString());
        r.put("dueAt", due.toString());
        r.put("at", at.toString());
        if (finished != null) {
            r.put("finishedAt", finished.toString());
        }
        ObjectNode a = r.putObject("applicant");
        a.put("name", applicant);
        a.put("idNumber", id);
        a.put("phone", "0296381" + id.substring(id.length() - 4));
        a.put("address", "An Giang");
        return r;
    }

    /** Last year's dossiers of the replaced system: most returned (a few late), some withdrawn, two rows it cannot take. */
    private ImportRun importOld(LocalDate today, Random random) {
        StringBuilder csv = new StringBuilder("ma_ho_so,ma_thu_tuc,ma_don_vi_tiep_nhan,ma_co_quan_giai_quyet,ho_ten,so_dinh_danh,dien_thoai,kenh,"
                + "ngay_nop,ngay_tiep_nhan,ngay_hen_tra,trang_thai,ngay_xu_ly_xong,ngay_ket_thuc,ket_qua\n");
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ"};
        String[] given = {"Văn Cũ", "Thị Xưa", "Minh Trước", "Ngọc Năm"};
        LocalDateTime start = today.minusYears(1).withDayOfMonth(1).atTime(8, 0);
        for (int i = 0; i < 40; i++) {
            LocalDateTime received = start.plusDays(i * 7L + random.nextInt(3)).plusMinutes(random.nextInt(400));
            LocalDateTime due = received.plusDays(14).withHour(17).withMinute(0);
            boolean withdrawn = i % 13 == 5;
            boolean late = i % 9 == 4;
            LocalDateTime finished = withdrawn ? received.plusDays(2) : late ? due.plusDays(3) : received.plusDays(8 + random.nextInt(5));
            csv.append("HTC-").append(String.format("%05d", 2000 + i)).append(",1.001078,AG.TTPVHCC,AG.STP,")
                    .append(family[i % family.length]).append(' ').append(given[i % given.length]).append(',')
                    .append(String.format("0891901%05d", 30_000 + i)).append(",090300").append(String.format("%04d", i)).append(',')
                    .append(i % 3 == 0 ? "TRUC_TUYEN" : "TRUC_TIEP").append(',')
                    .append(TIME.format(received.minusMinutes(10))).append(',').append(TIME.format(received)).append(',').append(TIME.format(due)).append(',')
                    .append(withdrawn ? "WITHDRAWN" : "RETURNED").append(',').append(withdrawn ? "" : TIME.format(finished.minusHours(20))).append(',')
                    .append(TIME.format(finished)).append(',').append(withdrawn ? "" : "Phiếu lý lịch tư pháp số " + (1000 + i)).append('\n');
        }
        csv.append("HTC-09998,9.999999,AG.TTPVHCC,,Mã Thủ Tục Sai,089190139998,0903009998,TRUC_TIEP,").append(TIME.format(start)).append(",")
                .append(TIME.format(start)).append(",,RETURNED,,").append(TIME.format(start.plusDays(3))).append(",\n");
        csv.append("HTC-09999,1.001078,AG.TTPVHCC,,Thiếu Ngày Kết Thúc,089190139999,0903009999,TRUC_TIEP,").append(TIME.format(start)).append(",")
                .append(TIME.format(start)).append(",,RETURNED,,,\n");
        return imports.importFile("he-thong-mot-cua-cu-" + (today.getYear() - 1) + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8), as("quantri"));
    }
}
