package vn.motcua.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern of dossier codes, in plain Java. Tokens: {@code {ma-dinh-danh}} (the receiving agency's
 * identifier code, QCVN 102:2016/BTTTT), {@code {ma-don-vi}} (its internal code), {@code {yyMMdd}},
 * {@code {yyyyMMdd}}, {@code {yyyy}}, {@code {yy}}, and {@code {stt:N}}: a sequence number of at least N
 * digits that restarts every day (every year when the pattern names no day). Anything else is copied
 * as it is (letters, digits, {@code . - _ /}). Default: {@code {ma-dinh-danh}-{yyMMdd}-{stt:4}}, e.g.
 * {@code 000.00.12.H55-240315-0001}.
 */
public final class DossierCodePattern {
    public static final String DEFAULT = "{ma-dinh-danh}-{yyMMdd}-{stt:4}";
    public static final int MAX_LENGTH = 60;
    private static final Pattern TOKEN = Pattern.compile("\\{([a-zA-Z-]+)(?::(\\d))?}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._/-]*");
    private static final List<String> DATE_TOKENS = List.of("yyMMdd", "yyyyMMdd", "yyyy", "yy");

    private final String pattern;
    private final List<Part> parts;

    private record Part(String literal, String token, int width) {
    }

    private DossierCodePattern(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /** Reads a pattern; an invalid one is refused with the reason, in Vietnamese. */
    public static DossierCodePattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("Mẫu mã hồ sơ không được để trống.");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        boolean sequence = false;
        boolean date = false;
        while (m.find()) {
            literal(pattern.substring(at, m.start()), parts);
            String name = m.group(1);
            int width = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            switch (name) {
                case "ma-dinh-danh", "ma-don-vi" -> parts.add(new Part(null, name, 0));
                case "stt" -> {
                    if (width < 3) {
                        throw new IllegalArgumentException("Số thứ tự {stt:N} phải có ít nhất 3 chữ số, ví dụ {stt:4}.");
                    }
                    sequence = true;
                    parts.add(new Part(null, name, width));
                }
                default -> {
                    if (!DATE_TOKENS.contains(name)) {
                        throw new IllegalArgumentException("Mẫu mã hồ sơ có thành phần không hợp lệ: {" + name + "}.");
                    }
                    date = true;
                    parts.add(new Part(null, name, 0));
                }
            }
            at = m.end();
        }
        literal(pattern.substring(at), parts);
        if (!sequence || !date) {
            throw new IllegalArgumentException("Mẫu mã hồ sơ phải có ngày ({yyMMdd}) và số thứ tự ({stt:4}) để mỗi hồ sơ có một mã duy nhất.");
        }
        return new DossierCodePattern(pattern, List.copyOf(parts));
    }

    private static void literal(String text, List<Part> parts) {
        if (text.isEmpty()) {
            return;
        }
        if (!LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("Mẫu mã hồ sơ chỉ được có chữ, số và các dấu . - _ / ngoài các thành phần {…}: \"" + text + "\".");
        }
        parts.add(new Part(text, null, 0));
    }

    public String pattern() {
        return pattern;
    }

    /** Whether the sequence restarts every day (else every year). */
    public boolean daily() {
        return parts.stream().anyMatch(p -> "yyMMdd".equals(p.token) || "yyyyMMdd".equals(p.token));
    }

    /** The period a sequence number counts in, e.g. {@code 2026-11-24} or {@code 2026}. */
    public String sequenceScope(LocalDate day) {
        return daily() ? day.toString() : String.valueOf(day.getYear());
    }

    /** The code of the {@code sequence}-th dossier of the period. */
    public String format(String identifierCode, String unitCode, LocalDate day, long sequence) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.literal != null) {
                sb.append(p.literal);
                continue;
            }
            switch (p.token) {
                case "ma-dinh-danh" -> sb.append(identifierCode == null || identifierCode.isBlank() ? unitCode : identifierCode);
                case "ma-don-vi" -> sb.append(unitCode);
                case "stt" -> sb.append(String.format("%0" + p.width + "d", sequence));
                default -> sb.append(DateTimeFormatter.ofPattern(p.token).format(day));
            }
        }
        if (sb.length() > MAX_LENGTH) {
            throw new IllegalStateException("mã hồ sơ dài quá " + MAX_LENGTH + " ký tự: " + sb);
        }
        return sb.toString();
    }
}
