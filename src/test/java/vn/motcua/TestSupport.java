package vn.motcua;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/** Helpers every module's tests share: acting as a demo account, waiting for what listeners do after commit, reading PDFs. */
public final class TestSupport {
    private TestSupport() {
    }

    /** The demo account as the services see a logged-in user. */
    public static CurrentUser user(AccountService accounts, String username) {
        return CurrentUser.of(accounts.list().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow());
    }

    /** Asks until the probe has a value (listeners run after commit, on their own threads); fails after 10 seconds. */
    public static <T> T eventually(Supplier<Optional<T>> probe) {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent() || System.currentTimeMillis() > until) {
                return v.orElseThrow(() -> new AssertionError("not reached within 10 s"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The text of a PDF as PDFBox extracts it, white space folded. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** Renders the first page and counts its dark pixels: a page that renders blank or fails is caught. */
    public static long darkPixelsOfFirstPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 50);
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300) {
                        dark++;
                    }
                }
            }
            return dark;
        }
    }
}
