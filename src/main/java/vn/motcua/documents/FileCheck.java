package vn.motcua.documents;

import vn.motcua.shared.Problems;

import java.util.Optional;

/**
 * Files applicants attach: accepted by their content (PDF, JPEG, PNG by their first bytes, whatever their name
 * says), not empty, not larger than the limit; the stored name keeps no path and no control characters.
 */
public final class FileCheck {
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private FileCheck() {
    }

    /** The content type the bytes really are, when it is one we accept. */
    public static Optional<String> type(byte[] content) {
        if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (content.length >= 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G'
                && content[4] == 0x0D && content[5] == 0x0A && content[6] == 0x1A && content[7] == 0x0A) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** Checks one file; returns its real type, or null after adding the problem. */
    public static String check(String filename, byte[] content, Problems p) {
        String name = cleanName(filename);
        if (content == null || content.length == 0) {
            p.add("documents", "Tệp \"" + name + "\" rỗng.");
            return null;
        }
        if (content.length > MAX_BYTES) {
            p.add("documents", "Tệp \"" + name + "\" lớn hơn 10 MB.");
            return null;
        }
        Optional<String> type = type(content);
        if (type.isEmpty()) {
            p.add("documents", "Tệp \"" + name + "\" không phải PDF, JPEG hay PNG (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp).");
            return null;
        }
        return type.get();
    }

    /** The file name without any folder, control characters or characters file systems dislike, at most 120 characters. */
    public static String cleanName(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").replaceAll("^\\.+", "").trim();
        if (name.isEmpty()) {
            name = "tep-dinh-kem";
        }
        return name.length() <= 120 ? name : name.substring(name.length() - 120);
    }
}
