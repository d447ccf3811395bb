package vn.motcua.integration.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.ImportRun;
import vn.motcua.integration.ImportService;
import vn.motcua.integration.OutboxService;
import vn.motcua.integration.OutboxStatus;
import vn.motcua.integration.PortalService;
import vn.motcua.integration.SectoralService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.UnavailableException;
import vn.motcua.shared.ValidationException;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * The integration officer's pages: the outbox per system and per dossier (what was synced, what waits, what failed,
 * resend), reconciliation with the national portal, the sectoral systems allowed to report, and imports from the
 * replaced system.
 */
@Controller
class IntegrationPageController {
    private final OutboxService outbox;
    private final PortalService portal;
    private final SectoralService sectoral;
    private final ImportService imports;
    private final DossierService dossiers;

    IntegrationPageController(OutboxService outbox, PortalService portal, SectoralService sectoral, ImportService imports, DossierService dossiers) {
        this.outbox = outbox;
        this.portal = portal;
        this.sectoral = sectoral;
        this.imports = imports;
        this.dossiers = dossiers;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping("/quan-tri/lien-thong")
    String overview(@RequestParam(name = "hoSo", required = false) String dossierCode, @RequestParam(name = "trangThai", required = false) OutboxStatus status,
                    Model model) {
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("chosenStatus", status);
        model.addAttribute("messages", outbox.list(null, status == null ? OutboxStatus.FAILED : status, null, 100));
        if (dossierCode != null && !dossierCode.isBlank()) {
            model.addAttribute("dossierCode", dossierCode.trim());
            try {
                Dossier d = dossiers.byCode(dossierCode.trim());
                model.addAttribute("dossier", d);
                model.addAttribute("origin", dossiers.origin(d.id()));
                model.addAttribute("dossierMessages", outbox.ofDossier(d.id()));
            } catch (NotFoundException e) {
                model.addAttribute("dossierMissing", true);
            }
        }
        model.addAttribute("reconciliations", portal.reconciliations(10));
        model.addAttribute("systems", sectoral.systems());
        model.addAttribute("backoff", outbox.backoff());
        LocalDate today = LocalDate.now();
        model.addAttribute("defaultFrom", today.withDayOfMonth(1));
        model.addAttribute("defaultTo", today);
        return "integration/overview";
    }

    @PostMapping("/quan-tri/lien-thong/tin/{id}/gui-lai")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        try {
            outbox.resend(id, user());
            redirect.addFlashAttribute("saved", "flash.outbox.resent|" + id);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/quan-tri/lien-thong";
    }

    @PostMapping("/quan-tri/lien-thong/gui-ngay")
    String deliverNow(RedirectAttributes redirect) {
        int attempts = outbox.deliverDue();
        redirect.addFlashAttribute("saved", "flash.outbox.delivered|" + attempts);
        return "redirect:/quan-tri/lien-thong";
    }

    @PostMapping("/quan-tri/lien-thong/doi-soat")
    String reconcile(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, RedirectAttributes redirect) {
        try {
            var r = portal.reconcile(from, to, user());
            redirect.addFlashAttribute("saved", "flash.portal.reconciled|" + r.localCount() + "|" + r.remoteCount() + "|" + r.resent());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (UnavailableException e) {
            redirect.addFlashAttribute("partnerError", e.getMessage());
        }
        return "redirect:/quan-tri/lien-thong#reconciliation";
    }

    @PostMapping("/quan-tri/lien-thong/he-thong-chuyen-nganh")
    String registerSystem(@RequestParam(required = false) String code, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        try {
            sectoral.register(code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT), name, secret);
            redirect.addFlashAttribute("newKey", secret);
            redirect.addFlashAttribute("newKeyFor", code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/quan-tri/lien-thong#sectoral";
    }

    // ---------------------------------------------------------------- imports

    @GetMapping("/quan-tri/lien-thong/nhap")
    String importPage(Model model) {
        model.addAttribute("runs", imports.runs(20));
        model.addAttribute("columns", vn.motcua.integration.domain.LegacyRows.COLUMNS);
        return "integration/import";
    }

    @PostMapping("/quan-tri/lien-thong/nhap")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            ImportRun run = imports.importFile(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), user());
            redirect.addFlashAttribute("saved", "flash.import.done|" + run.totalRows() + "|" + run.imported() + "|" + run.skipped() + "|" + run.rejected());
            return "redirect:/quan-tri/lien-thong/nhap/" + run.id();
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems());
            return importPage(model);
        }
    }

    @GetMapping("/quan-tri/lien-thong/nhap/{id}")
    String importRun(@PathVariable long id, Model model) {
        model.addAttribute("run", imports.run(id));
        return "integration/import-run";
    }

    // ---------------------------------------------------------------- national catalog

    @GetMapping("/quan-tri/danh-muc-quoc-gia")
    String catalog(@RequestParam(name = "tatCa", required = false) String all, Model model) {
        model.addAttribute("procedures", portal.procedures(all == null));
        model.addAttribute("all", all != null);
        model.addAttribute("lastPull", portal.lastPull().orElse(null));
        model.addAttribute("pullRunning", portal.lastPull().map(PortalService.CatalogPull::running).orElse(false));
        return "integration/catalog";
    }

    /** Starts a pull in the background: the page says it is running and shows its outcome when reloaded. */
    @PostMapping("/quan-tri/danh-muc-quoc-gia/keo-ve")
    String pull(RedirectAttributes redirect) {
        portal.startPull(user());
        redirect.addFlashAttribute("saved", "flash.portal.pullStarted");
        return "redirect:/quan-tri/danh-muc-quoc-gia";
    }

    @PostMapping("/quan-tri/danh-muc-quoc-gia/{code}/{action:chap-nhan|anh-xa|bo-qua}")
    String decide(@PathVariable String code, @PathVariable String action, @RequestParam(defaultValue = "-1") long rowVersion,
                  @RequestParam(required = false) String localCode, RedirectAttributes redirect) {
        try {
            var p = switch (action) {
                case "chap-nhan" -> portal.accept(code, rowVersion, user());
                case "anh-xa" -> portal.map(code, rowVersion, localCode, user());
                default -> portal.dismiss(code, rowVersion, user());
            };
            redirect.addFlashAttribute("saved", "flash.portal.decided|" + p.nationalCode() + "|#int.catalog." + p.proposal());
            if (p.draftVersionId() != null && "chap-nhan".equals(action)) {
                redirect.addFlashAttribute("draftId", p.draftVersionId());
            }
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problems", List.of(new vn.motcua.shared.FieldProblem("rowVersion", e.getMessage())));
        }
        return "redirect:/quan-tri/danh-muc-quoc-gia";
    }
}
