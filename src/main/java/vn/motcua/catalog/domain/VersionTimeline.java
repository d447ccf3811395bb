package vn.motcua.catalog.domain;

import vn.motcua.shared.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Versions of one procedure follow each other without overlap: a new version starts strictly after
 * the latest published one started, and that one ends the day the new one starts.
 */
public final class VersionTimeline {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VersionTimeline() {
    }

    /**
     * @param latestValidFrom start of the latest published version (null when there is none)
     * @param abolishedOn     when the procedure was abolished or replaced (null when not)
     */
    public static void checkNext(LocalDate latestValidFrom, LocalDate abolishedOn, LocalDate effectiveOn, Problems p) {
        if (effectiveOn == null) {
            p.add("effectiveOn", "Chưa nhập ngày có hiệu lực của quyết định công bố.");
            return;
        }
        if (abolishedOn != null) {
            p.add("effectiveOn", "Thủ tục đã bị bãi bỏ hoặc thay thế từ ngày " + VN.format(abolishedOn) + "; không thể công bố phiên bản mới.");
        }
        if (latestValidFrom != null && !effectiveOn.isAfter(latestValidFrom)) {
            p.add("effectiveOn", "Ngày hiệu lực " + VN.format(effectiveOn) + " trùng hoặc trước ngày hiệu lực của phiên bản đang công bố ("
                    + VN.format(latestValidFrom) + "): các phiên bản không được chồng lấn.");
        }
    }

    /** An abolition must come after the version in force started. */
    public static void checkEnd(LocalDate latestValidFrom, LocalDate abolishedOn, LocalDate effectiveOn, Problems p) {
        if (effectiveOn == null) {
            p.add("effectiveOn", "Chưa nhập ngày có hiệu lực của quyết định công bố.");
            return;
        }
        if (latestValidFrom == null) {
            p.add("code", "Thủ tục chưa được công bố nên không thể bãi bỏ hay thay thế.");
        } else if (!effectiveOn.isAfter(latestValidFrom)) {
            p.add("effectiveOn", "Ngày bãi bỏ/thay thế phải sau ngày hiệu lực của phiên bản đang công bố (" + VN.format(latestValidFrom) + ").");
        }
        if (abolishedOn != null) {
            p.add("code", "Thủ tục đã bị bãi bỏ hoặc thay thế từ ngày " + VN.format(abolishedOn) + ".");
        }
    }

    public static void checkDecision(LocalDate signedOn, LocalDate effectiveOn, Problems p) {
        if (signedOn == null) {
            p.add("signedOn", "Chưa nhập ngày ký quyết định.");
        } else if (effectiveOn != null && effectiveOn.isBefore(signedOn)) {
            p.add("effectiveOn", "Ngày có hiệu lực không được trước ngày ký quyết định.");
        }
    }
}
