package vn.motcua.shared.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Helpers for templates ({@code ${@labels.of(x)}}): the Vietnamese or English label of an enum
 * that has {@code label()} and {@code labelEn()}, dates as dd/MM/yyyy, money in đồng, days with comma.
 */
@Component("labels")
public class Labels {
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String of(Object value) {
        if (value == null) {
            return "";
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        try {
            Method m = value.getClass().getMethod(english ? "labelEn" : "label");
            return String.valueOf(m.invoke(value));
        } catch (ReflectiveOperationException e) {
            try {
                return String.valueOf(value.getClass().getMethod("label").invoke(value));
            } catch (ReflectiveOperationException ignored) {
                return value.toString();
            }
        }
    }

    public String date(LocalDate date) {
        return date == null ? "" : VN_DATE.format(date);
    }

    public String money(long amount) {
        if (amount == 0) {
            return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "Free of charge" : "Miễn phí";
        }
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đồng";
    }

    public String days(BigDecimal days) {
        if (days == null) {
            return "";
        }
        String plain = days.stripTrailingZeros().toPlainString();
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? plain : plain.replace('.', ',');
    }
}
