package vn.motcua.dossier.web;

import vn.motcua.shared.web.Attachments;
import jakarta.servlet.http.HttpSession;
import vn.motcua.dossier.DossierFile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.dossier.SupplementStatus;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.documents.FileCheck;
import vn.motcua.dossier.internal.DossierForms;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.rules.FormKind;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Citizens and businesses: track a dossier without login, submit online (files, or the online form for a
 * declaration), follow their own dossiers: history, receipts and other forms, supplements, withdrawal.
 */
@Controller
public class CitizenController {
    private static final String KEPT = "motcua.keptUploads";
    private final DossierService dossiers;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final AccountService accounts;
    private final DossierForms forms;
    /** Sections other modules add to the dossier's pages (payment, messages). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.DossierPanel> panels;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.DossierMarks> markers;

    public CitizenController(DossierService dossiers, DossierQueries queries, CatalogService catalog, AgencyService agencies,
                             AccountService accounts, DossierForms forms) {
        this.dossiers = dossiers;
        this.queries = queries;
        this.catalog = catalog;
        this.agencies = agencies;
        this.accounts = accounts;
        this.forms = forms;
    }

    // ---- public tracking

    @GetMapping("/tra-cuu")
    String trackForm(@RequestParam(name = "ma", required = false) String code, Model model) {
        model.addAttribute("code", code == null || code.length() > 60 ? null : code);
        return "dossier/track";
    }

    /** The check value goes in the body, never in the address (addresses end up in logs and browser history). */
    @PostMapping("/tra-cuu")
    String track(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "bimat", required = false) String secret,
                 @RequestParam(name = "kiemtra", required = false) String check, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        model.addAttribute("code", code == null || code.length() > 60 ? null : code);
        try {
            vn.motcua.dossier.Tracking t = queries.track(code, secret, check, request.getRemoteAddr());
            model.addAttribute("t", t);
            model.addAttribute("secret", secret);
            model.addAttribute("check", check);
            model.addAttribute("panels", vn.motcua.dossier.DossierPanel.views(panels.orderedStream(), dossiers.byCode(t.code()),
                    vn.motcua.dossier.DossierPanel.Audience.TRACKING, null));
        } catch (NotFoundException | TooManyAttemptsException e) {
            model.addAttribute("error", vn.motcua.shared.web.Refusals.answer(e, response));
        }
        return "dossier/track";
    }

    /** The signed electronic result, after the same checks as tracking (the values in the body). */
    @PostMapping("/tra-cuu/ket-qua")
    org.springframework.web.servlet.ModelAndView trackedResult(@RequestParam(name = "ma", required = false) String code,
                                                               @RequestParam(name = "bimat", required = false) String secret,
                                                               @RequestParam(name = "kiemtra", required = false) String check,
                                                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("dossier/track");
        page.addObject("code", code == null || code.length() > 60 ? null : code);
        try {
            DossierFile.Content f = queries.trackedResult(code, secret, check, request.getRemoteAddr());
            Attachments.write(response, f.filename(), f.contentType(), f.content());
            return null;
        } catch (NotFoundException e) {
            page.setStatus(org.springframework.http.HttpStatus.NOT_FOUND);
            page.addObject("error", e.getMessage());
        } catch (TooManyAttemptsException e) {
            page.setStatus(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            page.addObject("error", e.getMessage());
        }
        return page;
    }

    @GetMapping("/thong-ke/ho-so")
    String statistics(@RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to == null ? agencies.today() : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (start.isAfter(end)) {
            model.addAttribute("error", "Ngày bắt đầu phải trước ngày kết thúc.");
            start = end;
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", queries.statistics(start, end));
        return "dossier/statistics";
    }

    // ---- online submission

    @GetMapping("/nop-ho-so/{code}")
    String form(@PathVariable String code, Model model) {
        return formPage(model, code, null, null, null, Map.of(), Map.of(), List.of());
    }

    /** Files chosen before a failed attempt, kept on the server for this session so the applicant need not choose them again. */
    record Kept(long componentId, String filename, String contentType, byte[] content) implements Serializable {
    }

    @PostMapping("/nop-ho-so/{code}")
    String submit(@PathVariable String code, @RequestParam(required = false) Long receivingAgencyId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String address,
                  @RequestParam(required = false) Long communeId, @RequestParam(required = false) Delivery resultPlace,
                  @RequestParam Map<String, String> all, HttpServletRequest request, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        ProcedureVersion v = catalog.current(code);
        Map<String, Kept> store = kept(session);
        Map<String, Kept> carried = new LinkedHashMap<>();
        List<UploadedDocument> files = new ArrayList<>(DigitisationForm.files(request, "file", v.components()));
        Map<Long, String> eforms = new HashMap<>();
        for (Component c : v.components()) {
            String[] tokens = request.getParameterValues("giu-" + c.id());
            for (String token : tokens == null ? new String[0] : tokens) {
                Kept k = store.get(token);
                if (k != null && k.componentId() == c.id()) {
                    files.add(new UploadedDocument(c.id(), k.filename(), k.contentType(), k.content()));
                    carried.put(token, k);
                }
            }
            String text = request.getParameter("eform-" + c.id());
            if (text != null && !text.isBlank()) {
                eforms.put(c.id(), text);
            }
        }
        Applicant applicant = new Applicant(name, idNumber, phone, email, address);
        try {
            Dossier d = dossiers.submitOnline(new OnlineSubmission(code, receivingAgencyId, applicant, communeId, resultPlace, files, eforms,
                    DigitisationForm.reuse(all)), CurrentUser.get().orElseThrow());
            carried.keySet().forEach(store::remove);
            session.setAttribute(KEPT, store); // sessions are stored in the database: a changed attribute is set again
            redirect.addFlashAttribute("saved", "flash.dossier.submitted|" + d.code());
            return "redirect:/ho-so-cua-toi/" + d.id();
        } catch (ValidationException e) {
            Map<Long, List<Map.Entry<String, Kept>>> keptByComponent = new LinkedHashMap<>();
            carried.forEach((t, k) -> keptByComponent.computeIfAbsent(k.componentId(), x -> new ArrayList<>()).add(Map.entry(t, k)));
            for (UploadedDocument f : files) {
                boolean already = carried.values().stream().anyMatch(k -> k.content() == f.content());
                if (!already && f.content().length <= FileCheck.MAX_BYTES && store.size() < 40) {
                    String token = UUID.randomUUID().toString();
                    Kept k = new Kept(f.componentId(), f.filename() == null ? "tep" : f.filename(), f.contentType() == null ? "" : f.contentType(), f.content());
                    store.put(token, k);
                    keptByComponent.computeIfAbsent(k.componentId(), x -> new ArrayList<>()).add(Map.entry(token, k));
                }
            }
            session.setAttribute(KEPT, store); // sessions are stored in the database: a changed attribute is set again
            model.addAttribute("chosenReuse", DigitisationForm.reuse(all));
            return formPage(model, code, applicant, communeId, resultPlace, keptByComponent, eforms, e.problems());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Kept> kept(HttpSession session) {
        Object o = session.getAttribute(KEPT);
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Kept>) m;
        }
        Map<String, Kept> m = new java.util.concurrent.ConcurrentHashMap<>();
        session.setAttribute(KEPT, m);
        return m;
    }

    private String formPage(Model model, String code, Applicant entered, Long communeId, Delivery resultPlace,
                            Map<Long, List<Map.Entry<String, Kept>>> kept, Map<Long, String> eforms, List<FieldProblem> problems) {
        ProcedureVersion v = catalog.current(code);
        if (!v.byOnline()) {
            throw new NotFoundException("Thủ tục " + code + " chưa cung cấp dịch vụ công trực tuyến.");
        }
        CurrentUser user = CurrentUser.get().orElseThrow();
        Account me = accounts.get(user.id());
        List<Agency> active = agencies.activeOn(agencies.today());
        model.addAttribute("v", v);
        model.addAttribute("entered", entered != null ? entered : new Applicant(me.fullName(), me.identifier(),
                me.phone(), me.email(), null));
        model.addAttribute("counters", active.stream().filter(a -> a.type() == AgencyType.ONE_STOP)
                .sorted(VietnameseText.by(Agency::name)).toList());
        model.addAttribute("communes", dossiers.competentAgencies(v, agencies.today()).stream()
                .sorted(VietnameseText.by(Agency::name)).toList());
        model.addAttribute("communeId", communeId);
        model.addAttribute("places", v.byPost() ? List.of(Delivery.ONLINE, Delivery.COUNTER, Delivery.POST) : List.of(Delivery.ONLINE, Delivery.COUNTER));
        model.addAttribute("resultPlace", resultPlace == null ? Delivery.ONLINE : resultPlace);
        model.addAttribute("kept", kept);
        model.addAttribute("eforms", eforms);
        // documents of the account holder's own data store, offered per component (the dossier must be in the holder's name)
        model.addAttribute("offers", dossiers.reusable(v, me.identifier()));
        if (!model.containsAttribute("chosenReuse")) {
            model.addAttribute("chosenReuse", Map.of());
        }
        model.addAttribute("problems", problems);
        return "dossier/submit";
    }

    // ---- my dossiers

    @GetMapping("/ho-so-cua-toi")
    String mine(Model model) {
        List<vn.motcua.dossier.DossierView> rows = queries.mine(CurrentUser.get().orElseThrow());
        model.addAttribute("rows", rows);
        // what other modules say of each dossier (waiting for payment, to be rated …)
        Map<Long, List<vn.motcua.dossier.DossierMarks.Mark>> marks = new java.util.HashMap<>();
        List<Dossier> shown = rows.stream().map(vn.motcua.dossier.DossierView::dossier).toList();
        markers.orderedStream().forEach(m -> m.marks(shown).forEach((id, list) -> marks.computeIfAbsent(id, k -> new java.util.ArrayList<>()).addAll(list)));
        model.addAttribute("marks", marks);
        return "dossier/mine";
    }

    @GetMapping("/ho-so-cua-toi/{id}")
    String mine(@PathVariable long id, Model model) {
        return minePage(model, id, List.of());
    }

    private Dossier own(long id) {
        Dossier d = dossiers.get(id);
        if (!dossiers.isApplicant(CurrentUser.get().orElseThrow(), d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        return d;
    }

    private String minePage(Model model, long id, List<FieldProblem> problems) {
        Dossier d = own(id);
        SupplementRequest open = d.openSupplement().filter(s -> s.status() == SupplementStatus.OPEN).orElse(null);
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        model.addAttribute("d", d);
        model.addAttribute("trackingSecret", queries.trackingSecret(d));
        model.addAttribute("view", queries.view(d));
        model.addAttribute("steps", queries.publicHistory(d));
        model.addAttribute("openSupplement", open);
        model.addAttribute("showOnly", v.components().stream().filter(Component::showOnly).map(Component::id).toList());
        model.addAttribute("forms", dossiers.ruleSet(d).forms().stream()
                .filter(f -> f.kind() != FormKind.BOOK && f.kind() != FormKind.CONTROL_SHEET && forms.available(d, f.kind())).toList());
        model.addAttribute("signedFiles", d.files().stream().filter(f -> f.kind().signed()).toList());
        model.addAttribute("canWithdraw", d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.INTAKE_SUPPLEMENT);
        model.addAttribute("canRequestStop", d.status().inHandling() && d.stop().requestedAt() == null);
        model.addAttribute("panels", vn.motcua.dossier.DossierPanel.views(panels.orderedStream(), d, vn.motcua.dossier.DossierPanel.Audience.APPLICANT, CurrentUser.get().orElseThrow()));
        model.addAttribute("problems", problems);
        return "dossier/mine-detail";
    }

    @PostMapping("/ho-so-cua-toi/{id}/bo-sung")
    String supplement(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String note,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Dossier d = own(id);
        SupplementRequest open = d.openSupplement().orElse(null);
        List<UploadedDocument> files = open == null ? List.of()
                : DigitisationForm.files(request, "file", open.items().stream().map(SupplementRequest.Item::componentId).toList());
        return citizenAction(model, id, redirect, "flash.dossier.supplemented",
                () -> dossiers.supplementOnline(id, rowVersion, files, note, CurrentUser.get().orElseThrow()));
    }

    @PostMapping("/ho-so-cua-toi/{id}/rut")
    String withdraw(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect) {
        own(id);
        return citizenAction(model, id, redirect, "flash.dossier.withdrawn",
                () -> dossiers.withdraw(id, rowVersion, reason, CurrentUser.get().orElseThrow()));
    }

    @PostMapping("/ho-so-cua-toi/{id}/de-nghi-dung")
    String requestStop(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String reason, Model model,
                       RedirectAttributes redirect) {
        own(id);
        return citizenAction(model, id, redirect, "flash.dossier.stopRequested",
                () -> dossiers.requestStop(id, rowVersion, reason, CurrentUser.get().orElseThrow()));
    }

    private String citizenAction(Model model, long id, RedirectAttributes redirect, String message, java.util.function.Supplier<Dossier> action) {
        try {
            Dossier d = action.get();
            redirect.addFlashAttribute("saved", message + "|" + d.code());
            return "redirect:/ho-so-cua-toi/" + id;
        } catch (ValidationException e) {
            return minePage(model, id, e.problems());
        } catch (ConflictException e) {
            return minePage(model, id, List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }
}
