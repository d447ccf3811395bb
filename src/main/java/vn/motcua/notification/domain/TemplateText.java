package vn.motcua.notification.domain;

import vn.motcua.shared.Problems;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of notification templates and how a template is filled, in plain Java. A placeholder is a name in
 * braces; a template may use only the known ones (a typo would otherwise reach every applicant as "{maHoSO}").
 */
public final class TemplateText {
    /** The placeholders and what they stand for. */
    public static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    static {
        PLACEHOLDERS.put("nguoiNop", "Tên người nộp hồ sơ");
        PLACEHOLDERS.put("maHoSo", "Mã hồ sơ");
        PLACEHOLDERS.put("tenThuTuc", "Tên thủ tục hành chính");
        PLACEHOLDERS.put("donVi", "Cơ quan giải quyết");
        PLACEHOLDERS.put("ngayHenTra", "Ngày hẹn trả kết quả");
        PLACEHOLDERS.put("soTien", "Số tiền phí, lệ phí");
        PLACEHOLDERS.put("noiDung", "Nội dung riêng của sự kiện (lý do, kết quả …)");
        PLACEHOLDERS.put("lienKet", "Đường dẫn xem hồ sơ");
    }

    private TemplateText() {
    }

    /** The template with every known placeholder replaced (a missing value becomes empty). */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.containsKey(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The unknown placeholders a text uses. */
    public static Set<String> unknown(String text) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!PLACEHOLDERS.containsKey(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        return unknown;
    }

    /** Checks an edited template: required parts, lengths, known placeholders only. */
    public static void check(String subject, String body, String shortText, Problems p) {
        p.require(subject != null && !subject.isBlank() && subject.length() <= 200, "subject", "Tiêu đề thư phải có, tối đa 200 ký tự.");
        p.require(body != null && !body.isBlank() && body.length() <= 4000, "body", "Nội dung thư phải có, tối đa 4000 ký tự.");
        p.require(shortText != null && !shortText.isBlank() && shortText.length() <= 300, "shortText",
                "Nội dung tin nhắn ngắn phải có, tối đa 300 ký tự (2 tin SMS không dấu).");
        for (String[] part : new String[][]{{"subject", subject}, {"body", body}, {"shortText", shortText}}) {
            Set<String> unknown = unknown(part[1]);
            if (!unknown.isEmpty()) {
                p.add(part[0], "Không có trường thay thế " + String.join(", ", unknown) + ". Các trường dùng được: "
                        + String.join(", ", PLACEHOLDERS.keySet().stream().map(k -> "{" + k + "}").toList()) + ".");
            }
        }
    }
}
