package vn.motcua.integration.domain;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ExternalDossier;
import vn.motcua.shared.VietnameseText;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one row of an import from the replaced system (CSV, Excel or JSON, same column names) into a dossier report,
 * or says what is wrong with it. Columns: ma_ho_so, ma_thu_tuc, ma_don_vi_tiep_nhan, ma_co_quan_giai_quyet, ho_ten,
 * so_dinh_danh, dien_thoai, email, dia_chi, kenh, ngay_nop, ngay_tiep_nhan, ngay_hen_tra, trang_thai, ngay_xu_ly_xong,
 * ngay_ket_thuc, tre_han, ket_qua. Dates as yyyy-MM-dd[ HH:mm] or dd/MM/yyyy[ HH:mm].
 */
public final class LegacyRows {
    public static final List<String> COLUMNS = List.of("ma_ho_so", "ma_thu_tuc", "ma_don_vi_tiep_nhan", "ma_co_quan_giai_quyet", "ho_ten",
            "so_dinh_danh", "dien_thoai", "email", "dia_chi", "kenh", "ngay_nop", "ngay_tiep_nhan", "ngay_hen_tra", "trang_thai",
            "ngay_xu_ly_xong", "ngay_ket_thuc", "tre_han", "ket_qua");
    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"), DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm[:ss]"));
    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    private LegacyRows() {
    }

    /** A row read: the report, or the problems (then nothing is imported from it). */
    public record Read(ExternalDossier dossier, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read read(Map<String, String> row) {
        List<String> problems = new ArrayList<>();
        String code = text(row, "ma_ho_so");
        if (code == null) {
            problems.add("Thiếu mã hồ sơ (ma_ho_so).");
        }
        if (text(row, "ma_thu_tuc") == null) {
            problems.add("Thiếu mã thủ tục (ma_thu_tuc).");
        }
        if (text(row, "ma_don_vi_tiep_nhan") == null) {
            problems.add("Thiếu mã đơn vị tiếp nhận (ma_don_vi_tiep_nhan).");
        }
        DossierStatus status = status(text(row, "trang_thai"));
        if (status == null) {
            problems.add("Trạng thái \"" + text(row, "trang_thai") + "\" không hợp lệ (ví dụ: RETURNED hoặc \"Đã trả kết quả\").");
        }
        Channel channel = channel(text(row, "kenh"));
        if (channel == null) {
            problems.add("Kênh \"" + text(row, "kenh") + "\" không hợp lệ (TRUC_TIEP, TRUC_TUYEN, BUU_CHINH).");
        }
        LocalDateTime submitted = time(row, "ngay_nop", problems);
        LocalDateTime received = time(row, "ngay_tiep_nhan", problems);
        LocalDateTime due = time(row, "ngay_hen_tra", problems);
        LocalDateTime processed = time(row, "ngay_xu_ly_xong", problems);
        LocalDateTime finished = time(row, "ngay_ket_thuc", problems);
        if (submitted == null) {
            problems.add("Thiếu ngày nộp (ngay_nop).");
        }
        if (status != null && status.terminal() && finished == null) {
            problems.add("Hồ sơ đã kết thúc phải có ngày kết thúc (ngay_ket_thuc).");
        }
        String lateText = text(row, "tre_han");
        Boolean late = lateText == null ? null : List.of("1", "true", "x", "co", "có").contains(lateText.toLowerCase());
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        Applicant a = new Applicant(text(row, "ho_ten"), text(row, "so_dinh_danh"), text(row, "dien_thoai"), text(row, "email"), text(row, "dia_chi"));
        LocalDateTime at = finished != null ? finished : processed != null ? processed : received != null ? received : submitted;
        return new Read(new ExternalDossier(DossierOrigin.LEGACY, code, text(row, "ma_thu_tuc"), text(row, "ma_don_vi_tiep_nhan"),
                text(row, "ma_co_quan_giai_quyet"), a, channel, submitted, received, due, status, processed, finished, late, text(row, "ket_qua"),
                at, "Nhập từ hệ thống cũ"), List.of());
    }

    static String text(Map<String, String> row, String key) {
        String v = row.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static DossierStatus status(String s) {
        if (s == null) {
            return null;
        }
        for (DossierStatus st : DossierStatus.values()) {
            if (st.name().equalsIgnoreCase(s) || VietnameseText.fold(st.label()).equals(VietnameseText.fold(s))) {
                return st;
            }
        }
        return switch (VietnameseText.fold(s).replace(' ', '_').toUpperCase()) {
            case "DA_TRA_KET_QUA", "DA_TRA" -> DossierStatus.RETURNED;
            case "DANG_XU_LY", "DANG_GIAI_QUYET" -> DossierStatus.PROCESSING;
            case "CHO_TIEP_NHAN", "MOI" -> DossierStatus.SUBMITTED;
            case "TU_CHOI", "KHONG_TIEP_NHAN" -> DossierStatus.REFUSED;
            case "DA_RUT", "RUT_HO_SO" -> DossierStatus.WITHDRAWN;
            case "DUNG_XU_LY", "DUNG_GIAI_QUYET" -> DossierStatus.STOPPED;
            case "CHO_BO_SUNG" -> DossierStatus.PAUSED;
            default -> null;
        };
    }

    static Channel channel(String s) {
        if (s == null) {
            return Channel.COUNTER;
        }
        return switch (VietnameseText.fold(s).replace(' ', '_').toUpperCase()) {
            case "COUNTER", "TRUC_TIEP", "1" -> Channel.COUNTER;
            case "ONLINE", "TRUC_TUYEN", "2" -> Channel.ONLINE;
            case "POST", "BUU_CHINH", "BUU_CHINH_CONG_ICH", "3" -> Channel.POST;
            default -> null;
        };
    }

    static LocalDateTime time(Map<String, String> row, String key, List<String> problems) {
        String s = text(row, key);
        if (s == null) {
            return null;
        }
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(s, f);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        for (DateTimeFormatter f : DAYS) {
            try {
                return LocalDate.parse(s, f).atTime(key.equals("ngay_hen_tra") ? 17 : 8, key.equals("ngay_hen_tra") ? 0 : 0);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        problems.add("Ngày \"" + s + "\" (" + key + ") không đọc được: dùng yyyy-MM-dd HH:mm hoặc dd/MM/yyyy.");
        return null;
    }
}
