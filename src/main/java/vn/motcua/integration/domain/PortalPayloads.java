package vn.motcua.integration.domain;

import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.SupplementRequest;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the national portal's sync operations, with the Vietnamese field names of its contract:
 * {@code DongBoHoSoMC} (the whole dossier, with every field the 766 index reads) and {@code DongBoTrangThaiHoSo}
 * (one status change per step). Dates travel as {@code yyyyMMddHHmmss}.
 */
public final class PortalPayloads {
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private PortalPayloads() {
    }

    /** A fee line of the dossier: what the portal lists in DanhSachLePhi (LoaiPhiLePhi 1 fee, 2 charge) and whether it was paid online. */
    public record FeeLine(String code, String name, long amount, boolean fee, boolean paidOnline) {
    }

    /**
     * What the dossier sync needs besides the dossier.
     *
     * @param nationalCode  the national procedure code (MaTTHC) mapped to the local procedure
     * @param resultCode    the registered code of the signed electronic result (MaKetQua), if any
     * @param resultLink    where the result can be verified and downloaded (DuongDanTepTinKetQua)
     * @param organisation  the applicant is an organisation (LoaiDoiTuong 2)
     * @param fileLink      the signed address the portal downloads a file from
     */
    public record Context(String nationalCode, String fieldCode, String fieldName, String handlingAgencyName, String province,
                          List<FeeLine> fees, String resultCode, String resultLink, DossierOrigin origin, boolean organisation,
                          java.util.function.Function<DossierFile, String> fileLink) {
    }

    public static Map<String, Object> dossier(Dossier d, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MaHoSo", d.code());
        m.put("MaTTHC", c.nationalCode());
        m.put("TenTTHC", d.procedureName());
        m.put("MaLinhVuc", c.fieldCode());
        m.put("TenLinhVuc", c.fieldName());
        m.put("SoBienNhan", d.bookNumber() == null ? d.code() : d.bookVolume() + "/" + d.bookNumber());
        m.put("ChuHoSo", d.applicant().name());
        m.put("LoaiDoiTuong", c.organisation() ? 2 : 1);
        m.put("MaDoiTuong", d.applicant().idNumber());
        m.put("ThongTinKhac", d.applicant().address());
        m.put("Email", d.applicant().email());
        m.put("Fax", null);
        m.put("SoDienThoai", d.applicant().phone());
        m.put("TrichYeuHoSo", d.procedureName() + " — " + d.applicant().name());
        m.put("NgayTiepNhan", time(d.receivedAt() != null ? d.receivedAt() : d.submittedAt()));
        m.put("NgayHenTra", time(d.appointment()));
        m.put("TrangThaiHoSo", PortalStatus.of(d.status(), d.processedAt() != null));
        m.put("NgayTra", time(d.status() == vn.motcua.dossier.DossierStatus.RETURNED ? d.finishedAt() : null));
        m.put("ThongTinTra", d.resultText());
        m.put("HinhThuc", d.resultPlace() == Delivery.POST ? 1 : 0);
        m.put("NgayKetThucXuLy", time(d.processedAt() != null ? d.processedAt() : d.status().terminal() ? d.finishedAt() : null));
        m.put("DonViXuLy", c.handlingAgencyName());
        m.put("GhiChu", d.late() ? "Quá hạn" : null);
        m.put("KenhThucHien", PortalStatus.channel(d.channel()));
        boolean paidOnline = c.fees().stream().anyMatch(FeeLine::paidOnline);
        m.put("DuocThanhToanTrucTuyen", paidOnline ? 2 : 0);
        m.put("ThoiGianGiaiQuyet", d.timeLimitDays());
        m.put("DonViTinh", "ngày làm việc");
        m.put("HoSoCoThanhPhanSoHoa", d.documents().stream().anyMatch(x -> x.digitised()) ? 1 : 0);
        m.put("TaiKhoanDuocXacThucVoiVNeID", c.origin().applicantVneid() ? 1 : 0);
        m.put("MaCSDL", c.origin().populationCheckedAt() != null ? "CSDLQGDC" : null);
        m.put("MaKetQua", c.resultCode());
        m.put("DuongDanTepTinKetQua", c.resultLink());
        List<Map<String, Object>> fees = new ArrayList<>();
        for (FeeLine f : c.fees()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("TenPhiLePhi", f.name());
            x.put("MaPhiLePhi", f.code());
            x.put("HinhThucThu", f.paidOnline() ? 2 : 1);
            x.put("Gia", f.amount());
            x.put("LoaiPhiLePhi", f.fee() ? 1 : 2);
            fees.add(x);
        }
        m.put("DanhSachLePhi", fees);
        List<Map<String, Object>> papers = new ArrayList<>();
        for (var doc : d.documents()) {
            if (doc.present() && !doc.digitised()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("TenGiayTo", doc.componentName());
                x.put("SoLuong", doc.originals() + doc.copies());
                x.put("LoaiGiayTo", doc.originals() > 0 ? 1 : 2);
                papers.add(x);
            }
        }
        m.put("DanhSachTepDinhKemKhac", papers);
        m.put("DanhSachHoSoBoSung", supplements(d));
        List<Map<String, Object>> files = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (DossierFile f : d.files()) {
            Map<String, Object> x = new LinkedHashMap<>();
            if (f.kind() == DossierFile.Kind.RESULT) {
                x.put("TenGiayTo", f.filename());
                x.put("MaThanhPhanHoSo", f.componentId());
                x.put("GiayToId", f.id());
                x.put("DuongDanTepTinKetQua", c.resultLink());
                results.add(x);
                continue;
            }
            var doc = f.componentId() == null ? null
                    : d.documents().stream().filter(k -> k.componentId() == f.componentId()).findFirst().orElse(null);
            x.put("TepDinhKemId", f.id());
            x.put("TenTepDinhKem", f.filename());
            x.put("IsDeleted", false);
            x.put("MaThanhPhanHoSo", f.componentId());
            x.put("DuongDanTaiTepTin", c.fileLink().apply(f));
            x.put("DuocSoHoa", doc != null && doc.digitised() ? 1 : 0);
            x.put("DuocTaiSuDung", f.storedDocumentId() != null || (doc != null && doc.reused()) ? 1 : 0);
            x.put("DuocLayTuKhoDMQG", f.storedDocumentId() != null ? 1 : 0);
            files.add(x);
        }
        m.put("TaiLieuNop", files);
        m.put("DanhSachGiayToKetQua", results);
        return m;
    }

    private static List<Map<String, Object>> supplements(Dossier d) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SupplementRequest s : d.supplements()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("HoSoBoSungId", s.id());
            x.put("NguoiYeuCauBoSung", s.requestedByName());
            x.put("NoiDungBoSung", String.join("; ", s.items().stream().map(i -> i.componentName() + ": " + i.reason()).toList()));
            x.put("NgayBoSung", time(s.requestedAt()));
            x.put("NguoiTiepNhanBoSung", s.receivedBy());
            x.put("ThongTinTiepNhan", s.note());
            x.put("NgayTiepNhanBoSung", time(s.receivedAt()));
            x.put("TrangThaiBoSung", s.receivedAt() != null ? 1 : 0);
            x.put("DanhSachGiayToBoSung", s.items().stream().map(SupplementRequest.Item::componentName).toList());
            x.put("DanhSachLePhiBoSung", List.of());
            x.put("NgayHenTraTruoc", null);
            x.put("NgayHenTraMoi", time(d.dueAt()));
            list.add(x);
        }
        return list;
    }

    /**
     * One status change: the step's officer, title and unit, what was done, the status after it, when the step started
     * and when it was due by the rules.
     */
    public static Map<String, Object> status(Dossier d, DossierHistoryEntry h, String title, String unitName, LocalDateTime stepStartedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MaHoSo", d.code());
        m.put("NguoiXuLy", h.actor());
        m.put("ChucDanh", title);
        m.put("ThoiDiemXuLy", time(h.at()));
        m.put("PhongBanXuLy", unitName);
        m.put("NoiDungXuLy", h.action().label() + (h.note() == null || h.note().isBlank() ? "" : ": " + h.note()));
        m.put("TrangThai", PortalStatus.of(h.toStatus() == null ? d.status() : h.toStatus(),
                h.action() == vn.motcua.dossier.DossierAction.APPROVE));
        m.put("NgayBatDau", time(stepStartedAt));
        m.put("NgayKetThucTheoQuyDinh", time(h.stepDueAt()));
        m.put("LichSuId", h.id());
        return m;
    }

    public static String time(LocalDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
