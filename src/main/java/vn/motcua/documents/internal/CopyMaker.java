package vn.motcua.documents.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the electronic copy to be certified: the scanned original as PDF pages (a PDF as it is, an image fitted on
 * an A4 page), followed by a page carrying the certifying statement (lời chứng), where the signatures go.
 */
public final class CopyMaker {
    private CopyMaker() {
    }

    public static byte[] copyWithStatement(byte[] scan, String contentType, List<String> statement) {
        try (PDDocument doc = "application/pdf".equals(contentType) ? Loader.loadPDF(scan) : new PDDocument()) {
            if (!"application/pdf".equals(contentType)) {
                Pdfs.addImagePage(doc, scan);
            }
            PDPage last = new PDPage(PDRectangle.A4);
            doc.addPage(last);
            PDFont font;
            try (InputStream in = CopyMaker.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf")) {
                font = PDType0Font.load(doc, in, true);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, last)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.setLeading(18);
                cs.newLineAtOffset(60, PDRectangle.A4.getHeight() - 90);
                for (String line : PadesSigner.wrap(statement, font, 12, PDRectangle.A4.getWidth() - 120)) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được bản sao điện tử: " + e.getMessage(), e);
        }
    }
}
