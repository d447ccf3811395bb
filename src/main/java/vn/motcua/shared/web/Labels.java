package vn.motcua.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Helpers for templates ({@code ${@labels.of(x)}}): the Vietnamese or English label of an enum
 * that has {@code label()} and {@code labelEn()}, dates as dd/MM/yyyy, money in đồng, days with comma.
 */
@Component("labels")
public class Labels {
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /**
     * A flash message: {@code "key|arg1|arg2"} is looked up in the messages of the current language; anything
     * else is shown as it is.
     */
    public String flash(Object value) {
        if (value == null) {
            return "";
        }
        String[] parts = value.toString().split("\\|", -1);
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            // an argument written "#key" is itself a message (a status's label in the reader's language)
            args[i - 1] = parts[i].startsWith("#") ? messages.getMessage(parts[i].substring(1), null, parts[i].substring(1), LocaleContextHolder.getLocale())
                    : parts[i];
        }
        return messages.getMessage(parts[0], args, value.toString(), LocaleContextHolder.getLocale());
    }

    public String time(LocalDateTime t) {
        return t == null ? "" : VN_TIME.format(t);
    }

    /** A time limit: "3 ngày làm việc", "0,5 ngày làm việc" or "Trong ngày" (0). */
    public String timeLimit(BigDecimal days) {
        if (days == null) {
            return "";
        }
        if (days.signum() == 0) {
            return english() ? "Within the day of receipt" : "Trong ngày làm việc";
        }
        return days(days) + (english() ? " working days" : " ngày làm việc");
    }

    /** Working hours of a process step: "2 giờ 24 phút" rather than "2,4". */
    public String hours(BigDecimal hours) {
        return hours == null ? "" : minutes(hours.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).longValue());
    }

    /** Working minutes as "5 giờ 30 phút". */
    public String minutes(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        String hs = english() ? " h" : " giờ";
        String ms = english() ? " min" : " phút";
        return h == 0 ? m + ms : m == 0 ? h + hs : h + hs + " " + m + ms;
    }

    public String of(Object value) {
        if (value == null) {
            return "";
        }
        try {
            Method m = value.getClass().getMethod(english() ? "labelEn" : "label");
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
            return english() ? "Free of charge" : "Miễn phí";
        }
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đồng";
    }

    /** An amount in đồng, 0 included (for costs and figures, where 0 does not mean "free of charge"). */
    public String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + (english() ? " VND" : " đồng");
    }

    public String days(BigDecimal days) {
        if (days == null) {
            return "";
        }
        String plain = days.stripTrailingZeros().toPlainString();
        return english() ? plain : plain.replace('.', ',');
    }
}
