package vn.motcua.documents.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.motcua.documents.SigningKeys;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * PAdES signatures (ETSI.CAdES.detached) with Apache PDFBox: each signature is an incremental update, so a
 * signature added later (the agency seal after the leader) leaves the earlier one valid. Every signature has a
 * visible block on the last page — who signed, in which capacity, when — in one of two places: bottom right for
 * the person, bottom left for the seal.
 */
final class PadesSigner {
    static final float BLOCK_WIDTH = 230;
    static final float BLOCK_HEIGHT = 64;
    private static final byte[] FONT = font();
    /** The parsed font, per thread (parsing the TrueType file is most of a visible block's cost; a parsed font is not shared across threads). */
    private static final ThreadLocal<org.apache.fontbox.ttf.TrueTypeFont> PARSED = ThreadLocal.withInitial(() -> {
        try {
            return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(FONT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private PadesSigner() {
    }

    /** Where a block goes. */
    enum Slot { RIGHT, LEFT }

    static byte[] sign(byte[] pdf, SigningKeys.Key key, String name, String reason, String location, Calendar when, List<String> lines, Slot slot) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(when);
            int pageIndex = doc.getNumberOfPages() - 1;
            PDRectangle media = doc.getPage(pageIndex).getMediaBox();
            float x = slot == Slot.RIGHT ? media.getUpperRightX() - 30 - BLOCK_WIDTH : media.getLowerLeftX() + 30;
            PDRectangle rect = new PDRectangle(x, media.getLowerLeftY() + 24, BLOCK_WIDTH, BLOCK_HEIGHT);
            options.setPreferredSignatureSize(8_192); // a CMS signature with a two-certificate chain takes about 2.5 KB
            options.setPage(pageIndex);
            options.setVisualSignature(appearance(media, rect, lines));
            doc.addSignature(signature, content -> key.signCms(content.readAllBytes()), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không ký được tệp PDF: " + e.getMessage(), e);
        }
    }

    /** A one-page document holding only the signature field and its appearance (PDFBox merges it into the signed page). */
    private static InputStream appearance(PDRectangle media, PDRectangle rect, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(media);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rect);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            PDFont font = PDType0Font.load(doc, PARSED.get(), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.setNonStrokingColor(new Color(0xF3, 0xF8, 0xF3));
                cs.addRect(0, 0, rect.getWidth(), rect.getHeight());
                cs.fill();
                cs.setStrokingColor(new Color(0x1B, 0x6E, 0x2E));
                cs.setLineWidth(1f);
                cs.addRect(0.5f, 0.5f, rect.getWidth() - 1, rect.getHeight() - 1);
                cs.stroke();
                cs.setNonStrokingColor(new Color(0x10, 0x3B, 0x1A));
                cs.beginText();
                float size = 7.2f;
                cs.setFont(font, size);
                cs.setLeading(size * 1.25f);
                cs.newLineAtOffset(5, rect.getHeight() - 5 - size);
                int shown = 0;
                for (String line : wrap(lines, font, size, rect.getWidth() - 10)) {
                    if (++shown > 6) {
                        break;
                    }
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    static List<String> wrap(List<String> lines, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
                    out.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            out.add(current.toString());
        }
        return out;
    }

    private static byte[] font() {
        try (InputStream in = PadesSigner.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("font DejaVuSans.ttf missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
