package vn.motcua.feedback.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.Problems;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Files attached to feedback: accepted by content, refused cleanly when large, disguised, broken or active. */
class AttachmentCheckTest {
    static byte[] pdf(String extraCatalog) throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            if (extraCatalog != null) {
                var js = new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript(extraCatalog);
                doc.getDocumentCatalog().setOpenAction(js);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        var img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    String check(String name, byte[] content) {
        Problems p = new Problems();
        String type = AttachmentCheck.check(name, content, 1024 * 1024, p);
        return type != null ? type : p.list().get(0).message();
    }

    @Test
    void acceptsPlainPdfsAndImages() throws Exception {
        assertThat(check("don.pdf", pdf(null))).isEqualTo("application/pdf");
        assertThat(check("anh.png", png())).isEqualTo("image/png");
    }

    @Test
    void refusesActiveBrokenDisguisedAndLargeFiles() throws Exception {
        assertThat(check("don.pdf", pdf("app.alert('x')"))).contains("tự thực thi");
        assertThat(check("anh.png", "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII))).contains("không mở được");
        byte[] fakePng = png();
        fakePng[20] ^= 0x55;
        fakePng[30] ^= 0x55;
        assertThat(check("anh.png", java.util.Arrays.copyOf(fakePng, 40))).contains("bị hỏng");
        assertThat(check("virus.exe.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).contains("không phải PDF");
        assertThat(check("to.pdf", new byte[2 * 1024 * 1024])).contains("lớn hơn 1 MB");
    }
}
