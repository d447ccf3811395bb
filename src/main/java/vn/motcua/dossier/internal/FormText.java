package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/** How the forms write dates, times and amounts (available in form templates as {@code f}). */
public final class FormText {
    static final FormText INSTANCE = new FormText();

    private FormText() {
    }

    /** "09 giờ 00 phút, ngày 24 tháng 11 năm 2026" */
    public String time(LocalDateTime t) {
        return t == null ? "…… giờ …… phút, ngày …… tháng …… năm ……" : String.format("%02d giờ %02d phút, ngày %02d tháng %02d năm %d",
                t.getHour(), t.getMinute(), t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** "ngày 24 tháng 11 năm 2026" */
    public String date(LocalDate d) {
        return d == null ? "ngày …… tháng …… năm ……" : String.format("ngày %02d tháng %02d năm %d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    public String date(LocalDateTime t) {
        return t == null ? date((LocalDate) null) : date(t.toLocalDate());
    }

    /** "14:30 24/11/2026" for tables. */
    public String shortTime(LocalDateTime t) {
        return t == null ? "" : String.format("%02d:%02d %02d/%02d/%d", t.getHour(), t.getMinute(), t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** "24/11/2026" */
    public String day(LocalDateTime t) {
        return t == null ? "" : String.format("%02d/%02d/%d", t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** "3 ngày làm việc", "0,5 ngày làm việc" or "trong ngày". */
    public String limit(BigDecimal days) {
        if (days == null) {
            return "";
        }
        return days.signum() == 0 ? "trong ngày làm việc" : days.stripTrailingZeros().toPlainString().replace('.', ',') + " ngày làm việc";
    }

    public String money(long amount) {
        return amount == 0 ? "Miễn phí" : NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đồng";
    }

    public String orDots(String s) {
        return s == null || s.isBlank() ? "……………………" : s;
    }
}
