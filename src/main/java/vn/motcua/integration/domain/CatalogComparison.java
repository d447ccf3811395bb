package vn.motcua.integration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.shared.VietnameseText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between a procedure of the national catalog (LayThuTuc) and the local version in force: name, time
 * limit, fees, components and legal basis, each as one line an officer reads. Spelling and accents of names are
 * compared loosely (folded), amounts and days exactly.
 */
public final class CatalogComparison {
    private CatalogComparison() {
    }

    public static List<String> differences(JsonNode national, ProcedureVersion local) {
        List<String> out = new ArrayList<>();
        String name = national.path("TenTTHC").asText("");
        if (!VietnameseText.fold(name).equals(VietnameseText.fold(local.name()))) {
            out.add("Tên: \"" + local.name() + "\" → \"" + name + "\"");
        }
        if (national.path("ThoiHanGiaiQuyet").isNumber()) {
            BigDecimal days = national.path("ThoiHanGiaiQuyet").decimalValue();
            if (days.compareTo(local.timeLimitDays()) != 0) {
                out.add("Thời hạn giải quyết: " + local.timeLimitDays().stripTrailingZeros().toPlainString() + " → "
                        + days.stripTrailingZeros().toPlainString() + " ngày làm việc");
            }
        }
        long localFees = local.fees().stream().mapToLong(Fee::amountVnd).sum();
        long nationalFees = 0;
        for (JsonNode f : national.path("PhiLePhi")) {
            nationalFees += f.path("SoTien").asLong();
        }
        if (localFees != nationalFees) {
            out.add("Tổng phí, lệ phí: " + localFees + " đ → " + nationalFees + " đ");
        }
        Set<String> localParts = new TreeSet<>();
        for (Component c : local.components()) {
            localParts.add(VietnameseText.fold(c.name()));
        }
        Set<String> nationalParts = new TreeSet<>();
        national.path("ThanhPhanHoSo").forEach(c -> nationalParts.add(VietnameseText.fold(c.path("TenGiayTo").asText())));
        if (!nationalParts.isEmpty() && !localParts.equals(nationalParts)) {
            long added = nationalParts.stream().filter(p -> !localParts.contains(p)).count();
            long removed = localParts.stream().filter(p -> !nationalParts.contains(p)).count();
            out.add("Thành phần hồ sơ: thêm " + added + ", bỏ " + removed);
        }
        String basis = national.path("CanCuPhapLy").asText("");
        if (!basis.isBlank() && !VietnameseText.fold(basis).equals(VietnameseText.fold(local.legalBasis()))) {
            out.add("Căn cứ pháp lý đã thay đổi");
        }
        return out;
    }
}
