package vn.motcua.dossier;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
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

    static long unit(AgencyService agencies, String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder sb = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            sb.append(extractor.getTextFromPage(i)).append('\n');
        }
        reader.close();
        return sb.toString().replaceAll("\\s+", " ");
    }
}
