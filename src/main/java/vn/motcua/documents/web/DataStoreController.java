package vn.motcua.documents.web;

import vn.motcua.shared.web.Attachments;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.motcua.documents.ApplicantStore;
import vn.motcua.documents.StoredDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;

/** The citizen's or business's own data store: every stored document, downloadable; nobody else's. */
@Controller
public class DataStoreController {
    private final ApplicantStore store;
    private final AccountService accounts;
    private final Clock clock;

    public DataStoreController(ApplicantStore store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    private String ownerKey() {
        return ApplicantStore.ownerKey(accounts.get(CurrentUser.get().orElseThrow().id()).identifier());
    }

    @GetMapping("/ho-so-cua-toi/kho-du-lieu")
    String page(Model model) {
        String owner = ownerKey();
        model.addAttribute("hasOwner", owner != null);
        model.addAttribute("documents", store.documentsOf(owner));
        model.addAttribute("today", LocalDate.now(clock));
        return "documents/store";
    }

    @GetMapping("/ho-so-cua-toi/kho-du-lieu/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        StoredDocument d = store.documentOf(ownerKey(), id);
        return Attachments.of(d.filename(), d.contentType(), store.content(d));
    }
}
