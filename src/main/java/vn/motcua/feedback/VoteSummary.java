package vn.motcua.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly vote summary the national public-service portal takes per procedure and unit (service
 * {@code DongBoDanhGia}): the month as "M-YYYY", the number of people who rated, the shares very satisfied / satisfied
 * / not satisfied and the comments. Field names are those on the wire.
 */
public record VoteSummary(@JsonProperty("NgayTongHop") String month, @JsonProperty("MaDonVi") String unitCode,
                          @JsonProperty("TenDonVi") String unitName, @JsonProperty("MaTTHC") String procedureCode,
                          @JsonProperty("TenTTHC") String procedureName, @JsonProperty("TongSoNguoiDanhGia") long raters,
                          @JsonProperty("TyLeRatHaiLong") BigDecimal veryPercent, @JsonProperty("TyLeHaiLong") BigDecimal satisfiedPercent,
                          @JsonProperty("TyLeKhongHaiLong") BigDecimal notSatisfiedPercent, @JsonProperty("DanhSachYKien") List<String> comments) {
}
