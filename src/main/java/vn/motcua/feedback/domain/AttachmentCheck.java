package vn.motcua.feedback.domain;

import vn.motcua.documents.FileCheck;
import vn.motcua.shared.Problems;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file attached to a feedback, refused cleanly when it is not what a feedback needs: empty, larger than the limit, not
 * a PDF, JPEG or PNG by its content, an image that does not decode, a PDF that does not open, is encrypted, or carries
 * active content (JavaScript, launch actions, embedded files, rich media).
 */
public final class AttachmentCheck {
    private static final List<String> ACTIVE = List.of("/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/RichMedia", "/XFA", "/SubmitForm",
            "/ImportData");

    private AttachmentCheck() {
    }

    /** The file's real content type, or null after adding the problem. */
    public static String check(String filename, byte[] content, long maxBytes, Problems p) {
        String name = FileCheck.cleanName(filename);
        if (content != null && content.length > maxBytes) {
            p.add("files", "Tệp \"" + name + "\" lớn hơn " + (maxBytes / (1024 * 1024)) + " MB.");
            return null;
        }
        String type = FileCheck.check(filename, content, p);
        if (type == null) {
            return null;
        }
        if (type.equals("application/pdf")) {
            String raw = new String(content, StandardCharsets.ISO_8859_1);
            for (String marker : ACTIVE) {
                if (containsName(raw, marker)) {
                    p.add("files", "Tệp \"" + name + "\" chứa nội dung tự thực thi (" + marker.substring(1) + "); hãy gửi bản PDF thông thường.");
                    return null;
                }
            }
            try (var doc = org.apache.pdfbox.Loader.loadPDF(content)) {
                if (doc.isEncrypted()) {
                    p.add("files", "Tệp \"" + name + "\" được đặt mật khẩu hoặc mã hóa; hãy gửi bản không mã hóa.");
                    return null;
                }
                // names hidden in compressed object streams: ask the document itself
                var catalog = doc.getDocumentCatalog();
                boolean script = (catalog.getNames() != null && (catalog.getNames().getJavaScript() != null
                        || catalog.getNames().getEmbeddedFiles() != null))
                        || catalog.getOpenAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript
                        || catalog.getOpenAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
                if (script) {
                    p.add("files", "Tệp \"" + name + "\" chứa nội dung tự thực thi; hãy gửi bản PDF thông thường.");
                    return null;
                }
            } catch (Exception e) {
                p.add("files", "Tệp \"" + name + "\" không mở được như một tệp PDF.");
                return null;
            }
        } else {
            try {
                if (javax.imageio.ImageIO.read(new ByteArrayInputStream(content)) == null) {
                    p.add("files", "Tệp ảnh \"" + name + "\" bị hỏng, không hiển thị được.");
                    return null;
                }
            } catch (Exception e) {
                p.add("files", "Tệp ảnh \"" + name + "\" bị hỏng, không hiển thị được.");
                return null;
            }
        }
        return type;
    }

    /** Whether the PDF holds the name as a whole name (not a prefix of a longer one such as /JSON). */
    private static boolean containsName(String raw, String name) {
        int i = raw.indexOf(name);
        while (i >= 0) {
            int end = i + name.length();
            if (end >= raw.length() || !Character.isLetterOrDigit(raw.charAt(end))) {
                return true;
            }
            i = raw.indexOf(name, end);
        }
        return false;
    }
}
