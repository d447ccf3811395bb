package vn.motcua.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of Vietnamese text for search: "Hộ tịch" and "ho tich" fold to the same key. */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");

    private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("vi"));

    /** Vietnamese alphabetical order (a ă â b c d đ e ê …), for names of fields, agencies, procedures. */
    public static final Comparator<String> ORDER = (a, b) -> COLLATOR.compare(a == null ? "" : a, b == null ? "" : b);

    /** Things in Vietnamese alphabetical order of a name: {@code sorted(VietnameseText.by(Agency::name))}. */
    public static <T> Comparator<T> by(java.util.function.Function<T, String> name) {
        return Comparator.comparing(name, ORDER);
    }

    private VietnameseText() {
    }

    /** Lower case, without diacritics (đ becomes d), punctuation turned to single spaces. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return NON_WORD.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The text without diacritics (đ becomes d), case and punctuation kept: what a brandname SMS carries. */
    public static String unaccented(String text) {
        if (text == null) {
            return "";
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }

    /** Search terms of a query, each folded; empty when the query has none. */
    public static List<String> terms(String query) {
        String folded = fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).filter(t -> !t.isBlank()).distinct().toList();
    }

    /** The text to store beside a record so that {@link #terms} can be matched against it. */
    public static String searchKey(String... parts) {
        StringBuilder sb = new StringBuilder(" ");
        for (String part : parts) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                sb.append(folded).append(' ');
            }
        }
        return sb.toString();
    }
}
