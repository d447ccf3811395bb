package vn.motcua.payment.domain;

/** An amount of money in Vietnamese words, as written on receipts: 1.025.000 → "Một triệu không trăm hai mươi lăm nghìn đồng". */
public final class AmountInWords {
    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"};

    private AmountInWords() {
    }

    public static String of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        if (amount == 0) {
            return "Không đồng";
        }
        int[] groups = new int[7];
        int n = 0;
        for (long x = amount; x > 0; x /= 1000) {
            groups[n++] = (int) (x % 1000);
        }
        StringBuilder s = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) {
            int g = groups[i];
            if (g == 0) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(group(g, i != n - 1)).append(GROUPS[i]);
        }
        String words = s.toString().trim();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** Three digits; {@code full} when a higher group was read (then "không trăm" and "linh" are said). */
    private static String group(int g, boolean full) {
        int hundreds = g / 100;
        int tens = g / 10 % 10;
        int units = g % 10;
        StringBuilder s = new StringBuilder();
        if (hundreds > 0 || full) {
            s.append(DIGITS[hundreds]).append(" trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                if (!s.isEmpty()) {
                    s.append(" linh");
                }
                s.append(' ').append(DIGITS[units]);
            }
        } else {
            s.append(tens == 1 ? " mười" : " " + DIGITS[tens] + " mươi");
            if (units == 1) {
                s.append(tens == 1 ? " một" : " mốt");
            } else if (units == 5) {
                s.append(" lăm");
            } else if (units > 0) {
                s.append(' ').append(DIGITS[units]);
            }
        }
        return s.toString().trim();
    }
}
