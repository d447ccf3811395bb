package vn.motcua.documents.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Joins scanned parts (PDFs and JPEG/PNG images) into one PDF, in order; an image is fitted on an A4 page. */
public final class Pdfs {
    private Pdfs() {
    }

    public static byte[] join(List<byte[]> parts, List<String> types) {
        try (PDDocument out = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (int i = 0; i < parts.size(); i++) {
                if ("application/pdf".equals(types.get(i))) {
                    try (PDDocument part = Loader.loadPDF(parts.get(i))) {
                        merger.appendDocument(out, part);
                    }
                } else {
                    addImagePage(out, parts.get(i));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghép được các tệp thành một tệp PDF: " + e.getMessage(), e);
        }
    }

    static void addImagePage(PDDocument doc, byte[] image) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, image, "trang");
        float maxW = PDRectangle.A4.getWidth() - 60;
        float maxH = PDRectangle.A4.getHeight() - 60;
        float scale = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(img, (PDRectangle.A4.getWidth() - w) / 2, (PDRectangle.A4.getHeight() - h) / 2, w, h);
        }
    }
}
