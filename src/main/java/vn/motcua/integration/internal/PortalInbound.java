package vn.motcua.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.integration.PartnerCall;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dossiers and supplements the national portal hands over. The portal's dossier code makes a hand-over idempotent: the
 * same code again answers DUPLICATE with the dossier made the first time. Components are named by their position in
 * the published procedure (ThuTuThanhPhan), procedures by the national code (mapped to the local one), the receiving
 * one-stop unit by its local code.
 */
@Component
public class PortalInbound {
    private static final long MAX_FILE = 10L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final TransactionTemplate tx;
    private final Clock clock;

    PortalInbound(JdbcClient jdbc, DossierService dossiers, CatalogService catalog, AgencyService agencies, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.agencies = agencies;
        this.tx = tx;
        this.clock = clock;
    }

    public PartnerCall dossier(JsonNode r) {
        String portalCode = r.path("MaHoSoDVCQG").asText("").trim();
        Problems p = new Problems();
        p.require(!portalCode.isBlank(), "MaHoSoDVCQG", "Thiếu mã hồ sơ trên Cổng DVCQG.");
        p.throwIfAny();
        Optional<PartnerCall> earlier = earlier(portalCode);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String code = localProcedure(r.path("MaTTHC").asText(""));
        ProcedureVersion v = catalog.inForceOn(code, agencies.today())
                .orElseThrow(() -> ValidationException.of("MaTTHC", "Thủ tục " + r.path("MaTTHC").asText() + " chưa được công bố tại tỉnh."));
        Long counter = agencies.findByCode(r.path("NoiTiepNhan").asText("")).map(a -> a.id()).orElse(null);
        // the applicant's commune (local code), which commune-level procedures need
        String communeCode = r.path("MaXaPhuong").asText("");
        Long commune = communeCode.isBlank() ? null : agencies.findByCode(communeCode).map(a -> a.id()).orElse(null);
        p.require(communeCode.isBlank() || commune != null, "MaXaPhuong", "Không có xã, phường mang mã " + communeCode + ".");
        p.require(counter != null, "NoiTiepNhan", "Không có bộ phận một cửa mang mã " + r.path("NoiTiepNhan").asText() + ".");
        JsonNode owner = r.path("ChuHoSo");
        Applicant applicant = new Applicant(owner.path("HoTen").asText(null), owner.path("SoDinhDanh").asText(null),
                owner.path("SoDienThoai").asText(null), owner.path("Email").asText(null), owner.path("DiaChi").asText(null));
        List<UploadedDocument> files = files(r.path("TepDinhKem"), v, p);
        Map<Long, String> eforms = new LinkedHashMap<>();
        for (JsonNode e : r.path("KhaiTrucTuyen")) {
            component(v, e.path("ThuTuThanhPhan").asInt(-1), p).ifPresent(id -> eforms.put(id, e.path("NoiDung").asText("")));
        }
        Delivery place = switch (r.path("NoiNhanKetQua").asText("ONLINE")) {
            case "POST" -> Delivery.POST;
            case "COUNTER" -> Delivery.COUNTER;
            default -> Delivery.ONLINE;
        };
        p.throwIfAny();
        boolean vneid = r.path("XacThucVNeID").asBoolean(false);
        OnlineSubmission s = new OnlineSubmission(v.code(), counter, applicant, commune, place, files, eforms);
        return tx.execute(status -> {
            Dossier d = dossiers.submitFromPortal(s, portalCode, vneid);
            jdbc.sql("insert into portal_inbound (portal_code, dossier_id, kind, received_at, outcome) values (?, ?, 'DOSSIER', ?, ?)")
                    .params(portalCode, d.id(), LocalDateTime.now(clock), d.code()).update();
            return new PartnerCall("CREATED", d.code(), "Đã tiếp nhận hồ sơ trực tuyến, chờ bộ phận một cửa kiểm tra.");
        });
    }

    public PartnerCall supplement(JsonNode r) {
        String portalCode = r.path("MaHoSoDVCQG").asText("").trim();
        String key = r.path("MaBoSung").asText("").trim();
        Problems p = new Problems();
        p.require(!portalCode.isBlank(), "MaHoSoDVCQG", "Thiếu mã hồ sơ trên Cổng DVCQG.");
        p.require(!key.isBlank() && key.length() <= 60, "MaBoSung", "Thiếu mã lần bổ sung.");
        p.throwIfAny();
        String supplementKey = portalCode + ":" + key;
        Optional<PartnerCall> known = earlierChange(supplementKey, "Lần bổ sung này đã được nhận trước đó.");
        if (known.isPresent()) {
            return known.get();
        }
        Long id = jdbc.sql("select dossier_id from portal_inbound where portal_code = ?").param(portalCode).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Không có hồ sơ mang mã " + portalCode + " của Cổng DVCQG."));
        ProcedureVersion v = catalog.version(dossiers.get(id).procedureVersionId());
        List<UploadedDocument> files = files(r.path("TepDinhKem"), v, p);
        p.throwIfAny();
        return applyOnce(supplementKey, portalCode, () -> dossiers.supplementFromPortal(portalCode, files, r.path("GhiChu").asText(null)),
                "Đã nhận hồ sơ bổ sung.");
    }

    /** An update the applicant made on the portal: a withdrawal (RUT_HO_SO) or new contact details (THONG_TIN_LIEN_HE); once per MaCapNhat. */
    public PartnerCall update(JsonNode r) {
        String portalCode = r.path("MaHoSoDVCQG").asText("").trim();
        String key = r.path("MaCapNhat").asText("").trim();
        String kind = r.path("LoaiCapNhat").asText("");
        Problems p = new Problems();
        p.require(!portalCode.isBlank(), "MaHoSoDVCQG", "Thiếu mã hồ sơ trên Cổng DVCQG.");
        p.require(!key.isBlank() && key.length() <= 60, "MaCapNhat", "Thiếu mã lần cập nhật.");
        p.require(kind.equals("RUT_HO_SO") || kind.equals("THONG_TIN_LIEN_HE"), "LoaiCapNhat", "LoaiCapNhat là RUT_HO_SO hoặc THONG_TIN_LIEN_HE.");
        p.throwIfAny();
        String updateKey = portalCode + ":cap-nhat:" + key;
        Optional<PartnerCall> known = earlierChange(updateKey, "Lần cập nhật này đã được nhận trước đó.");
        if (known.isPresent()) {
            return known.get();
        }
        boolean withdrawal = kind.equals("RUT_HO_SO");
        return applyOnce(updateKey, portalCode, () -> withdrawal ? dossiers.withdrawFromPortal(portalCode, r.path("LyDo").asText(null))
                        : dossiers.contactFromPortal(portalCode, r.path("SoDienThoai").asText(null), r.path("Email").asText(null)),
                withdrawal ? "Đã rút hồ sơ." : "Đã cập nhật thông tin liên hệ.");
    }

    /** A supplement or update of a handed-over dossier already applied under this key, if any. */
    private Optional<PartnerCall> earlierChange(String key, String message) {
        return jdbc.sql("select outcome from portal_inbound_supplement where supplement_key = ?").param(key).query(String.class).optional()
                .map(code -> new PartnerCall("DUPLICATE", code, message));
    }

    /** Applies a supplement or update and notes its key, in one transaction. */
    private PartnerCall applyOnce(String key, String portalCode, java.util.function.Supplier<Dossier> change, String message) {
        return tx.execute(status -> {
            Dossier d = change.get();
            jdbc.sql("insert into portal_inbound_supplement (supplement_key, portal_code, received_at, outcome) values (?, ?, ?, ?)")
                    .params(key, portalCode, LocalDateTime.now(clock), d.code()).update();
            return new PartnerCall("UPDATED", d.code(), message);
        });
    }

    private Optional<PartnerCall> earlier(String portalCode) {
        return jdbc.sql("select outcome from portal_inbound where portal_code = ?").param(portalCode).query(String.class).optional()
                .map(code -> new PartnerCall("DUPLICATE", code, "Hồ sơ này đã được chuyển sang trước đó."));
    }

    private String localProcedure(String nationalCode) {
        return jdbc.sql("select local_code from portal_procedure where national_code = ? and local_code is not null").param(nationalCode)
                .query(String.class).optional().orElse(nationalCode);
    }

    private Optional<Long> component(ProcedureVersion v, int position, Problems p) {
        Optional<Long> id = v.components().stream().filter(c -> c.position() == position).map(c -> c.id()).findFirst();
        if (id.isEmpty()) {
            p.add("ThuTuThanhPhan", "Thủ tục không có thành phần hồ sơ số " + position + ".");
        }
        return id;
    }

    private List<UploadedDocument> files(JsonNode list, ProcedureVersion v, Problems p) {
        List<UploadedDocument> files = new ArrayList<>();
        for (JsonNode f : list) {
            Optional<Long> component = component(v, f.path("ThuTuThanhPhan").asInt(-1), p);
            byte[] content;
            try {
                content = Base64.getDecoder().decode(f.path("NoiDung").asText(""));
            } catch (IllegalArgumentException e) {
                p.add("TepDinhKem", "Tệp " + f.path("TenTep").asText() + " không phải nội dung base64.");
                continue;
            }
            if (content.length == 0 || content.length > MAX_FILE) {
                p.add("TepDinhKem", "Tệp " + f.path("TenTep").asText() + " rỗng hoặc lớn quá 10 MB.");
                continue;
            }
            component.ifPresent(id -> files.add(new UploadedDocument(id, f.path("TenTep").asText("tep.pdf"), f.path("LoaiTep").asText("application/pdf"), content)));
        }
        return files;
    }
}
