package vn.motcua.demo;

import java.nio.charset.StandardCharsets;

/** A simple form template as RTF (opens in Word and LibreOffice), Vietnamese written as \\u escapes. */
final class RtfForm {
    private RtfForm() {
    }

    static byte[] of(String title, String procedure) {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\fs26\n");
        para(sb, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, true);
        para(sb, "Độc lập - Tự do - Hạnh phúc", true, true);
        para(sb, "", false, false);
        para(sb, title.toUpperCase(), true, true);
        para(sb, "(Dùng cho thủ tục: " + procedure + ")", false, true);
        para(sb, "", false, false);
        para(sb, "Kính gửi: ............................................................", false, false);
        para(sb, "Họ, chữ đệm, tên người yêu cầu: ...............................................", false, false);
        para(sb, "Số định danh cá nhân: ................................................................", false, false);
        para(sb, "Nơi cư trú: .................................................................................", false, false);
        para(sb, "Nội dung yêu cầu: ........................................................................", false, false);
        para(sb, "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.", false, false);
        para(sb, "Làm tại ......, ngày ... tháng ... năm ......", false, false);
        para(sb, "Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)", true, false);
        sb.append("}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void para(StringBuilder sb, String text, boolean bold, boolean center) {
        sb.append(center ? "\\pard\\qc " : "\\pard\\ql ");
        if (bold) {
            sb.append("\\b ");
        }
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') {
                sb.append('\\').append(c);
            } else if (c < 128) {
                sb.append(c);
            } else {
                sb.append("\\u").append((int) (short) c).append('?');
            }
        }
        if (bold) {
            sb.append("\\b0");
        }
        sb.append("\\par\n");
    }
}
