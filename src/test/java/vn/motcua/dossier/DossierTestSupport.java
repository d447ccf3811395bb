package vn.motcua.dossier;


import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
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
        return vn.motcua.TestSupport.user(accounts, username);
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
        return vn.motcua.TestSupport.pdfText(pdf);
    }

    /** Renders the first page and counts its dark pixels: a page that renders blank or fails is caught. */
    static long darkPixelsOfFirstPage(byte[] pdf) throws IOException {
        return vn.motcua.TestSupport.darkPixelsOfFirstPage(pdf);
    }
}
