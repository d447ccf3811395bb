package vn.motcua.feedback.domain;

import vn.motcua.feedback.Feedback;
import vn.motcua.shared.VietnameseText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in a text meant for the public page of answers: phone numbers, e-mail addresses, ID numbers (9 or 12
 * digits) and the sender's own name and contacts. {@link #suggest} masks what it finds, as a starting point for the
 * officer; {@link #leaks} lists what is still there, and publication is refused while the list is not empty.
 */
public final class Redaction {
    public static final String MASK = "[đã ẩn]";
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(\\+?84|0)(\\d[ .-]?){8,10}\\d?(?!\\d)");
    private static final Pattern ID = Pattern.compile("(?<!\\d)(\\d{12}|\\d{9})(?!\\d)");

    private Redaction() {
    }

    public static String suggest(String text, Feedback.Sender sender) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(MASK);
        out = PHONE.matcher(out).replaceAll(MASK);
        out = ID.matcher(out).replaceAll(MASK);
        for (String own : own(sender)) {
            out = Pattern.compile(Pattern.quote(own), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }

    /** What personal data the text still holds (empty when it may be published). */
    public static List<String> leaks(String text, Feedback.Sender sender) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        m = PHONE.matcher(text);
        while (m.find()) {
            found.add(m.group().trim());
        }
        m = ID.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        String folded = VietnameseText.unaccented(text).toLowerCase(Locale.ROOT);
        for (String own : own(sender)) {
            if (folded.contains(VietnameseText.unaccented(own).toLowerCase(Locale.ROOT))) {
                found.add(own);
            }
        }
        return List.copyOf(new LinkedHashSet<>(found));
    }

    /** The sender's full name (when it has at least two words), address, phone and e-mail. */
    private static Set<String> own(Feedback.Sender s) {
        Set<String> out = new LinkedHashSet<>();
        if (s == null) {
            return out;
        }
        if (s.name() != null && s.name().trim().contains(" ")) {
            out.add(s.name().trim());
        }
        for (String v : new String[]{s.phone(), s.email(), s.address()}) {
            if (v != null && v.trim().length() >= 6) {
                out.add(v.trim());
            }
        }
        return out;
    }
}
