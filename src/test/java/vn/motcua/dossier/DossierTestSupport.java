package vn.motcua.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers to act as the demo officers. */
final class DossierTestSupport {
    private DossierTestSupport() {
    }

    static CurrentUser user(AccountService accounts, String username) {
        Account a = accounts.list().stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        return CurrentUser.of(a);
    }

    static Set<Long> allComponents(CatalogService catalog, String code) {
        return catalog.current(code).components().stream().map(Component::id).collect(Collectors.toSet());
    }

    static Set<Long> allComponents(CatalogService catalog, String code, java.time.LocalDate day) {
        return catalog.inForceOn(code, day).orElseThrow().components().stream().map(Component::id).collect(Collectors.toSet());
    }

    static long unit(AgencyService agencies, String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    /** The text of a PDF as PDFBox extracts it, white space folded. */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** Renders the first page and counts its dark pixels: a page that renders blank or fails is caught. */
    static long darkPixelsOfFirstPage(byte[] pdf) throws IOException {
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
