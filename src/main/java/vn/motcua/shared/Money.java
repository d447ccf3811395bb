package vn.motcua.shared;

import java.text.NumberFormat;
import java.util.Locale;

/** An amount in đồng as messages write it: {@code 8000} → "8.000 đ". */
public final class Money {
    private Money() {
    }

    public static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đ";
    }
}
