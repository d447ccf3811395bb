package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.BookRow;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.Queue;
import vn.motcua.dossier.StopKind;
import vn.motcua.dossier.domain.ExtensionPolicy;
import vn.motcua.dossier.internal.DossierForms;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.rules.FormKind;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The officers' workspace: queues, intake at the counter, the dossier page with its actions, the dossier book. */
@Controller
@RequestMapping("/can-bo")
public class OfficerController {
    private final DossierService dossiers;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final AccountService accounts;
    private final DossierForms forms;
    /** Sections other modules add to the dossier's pages (payment, messages). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.DossierPanel> panels;
    /** Marks other modules put on queue rows (waiting for payment). */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.DossierMarks> markers;
    private final WorkingCalendarService calendars;

    public OfficerController(DossierService dossiers, DossierQueries queries, CatalogService catalog, AgencyService agencies,
                             AccountService accounts, DossierForms forms, WorkingCalendarService calendars) {
        this.calendars = calendars;
        this.dossiers = dossiers;
        this.queries = queries;
        this.catalog = catalog;
        this.agencies = agencies;
        this.accounts = accounts;
        this.forms = forms;
    }

    /** The tabs count a queue up to this many dossiers and then show "1000+". */
    static final int COUNT_CAP = 1000;

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    /** The queues; without a choice, the first that holds work for the officer's roles (intake for a receiving officer). */
    @GetMapping
    String queues(@RequestParam(name = "hang", required = false) Queue chosen, Model model) {
        CurrentUser user = user();
        Map<Queue, Long> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, queries.countUpTo(user, q, COUNT_CAP));
        }
        Queue queue = chosen;
        if (queue == null) {
            List<Queue> order = user.has(Role.RECEIVING_OFFICER) ? List.of(Queue.INTAKE, Queue.MY_STEP, Queue.PAUSED, Queue.OVERDUE)
                    : List.of(Queue.MY_STEP, Queue.OVERDUE, Queue.PAUSED, Queue.INTAKE);
            queue = order.stream().filter(q -> counts.get(q) > 0).findFirst().orElse(order.get(0));
        }
        List<DossierView> rows = queries.queue(user, queue);
        Map<Long, List<vn.motcua.dossier.DossierMarks.Mark>> marks = new java.util.HashMap<>();
        List<Dossier> shown = rows.stream().map(DossierView::dossier).toList();
        markers.orderedStream().forEach(m -> m.marks(shown).forEach((id, list) -> marks.computeIfAbsent(id, k -> new java.util.ArrayList<>()).addAll(list)));
        model.addAttribute("marks", marks);
        model.addAttribute("queue", queue);
        model.addAttribute("queues", Queue.values());
        model.addAttribute("counts", counts);
        model.addAttribute("countCap", COUNT_CAP);
        model.addAttribute("rows", rows);
        long held = counts.get(queue);
        model.addAttribute("shownOf", held > rows.size() ? (held >= COUNT_CAP ? COUNT_CAP + "+" : String.valueOf(held)) : null);
        model.addAttribute("canReceive", user.has(Role.RECEIVING_OFFICER));
        return "dossier/queues";
    }

    // ---- intake at the counter / by post

    @GetMapping("/tiep-nhan")
    String intakeForm(@RequestParam(name = "thuTuc", required = false) String code, @RequestParam(name = "q", required = false) String q,
                      Model model) {
        return intakePage(model, code, q, null, List.of());
    }

    @PostMapping("/tiep-nhan")
    String intake(@RequestParam(name = "thuTuc") String code, @RequestParam(required = false) Long receivingAgencyId,
                  @RequestParam(required = false) Channel channel, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String address,
                  @RequestParam(required = false) Long communeId, @RequestParam(required = false) Long handlingAgencyId,
                  @RequestParam(required = false) Integer sets, @RequestParam(required = false) Delivery resultPlace,
                  @RequestParam(name = "present", required = false) List<Long> present, @RequestParam(required = false) IntakeDecision decision,
                  @RequestParam(required = false) String reason, @RequestParam(name = "traKho", required = false) String lookup,
                  @RequestParam(name = "traCsdl", required = false) String populationLookup,
                  @RequestParam(required = false) String birthDate, @RequestParam(required = false) String populationProof,
                  @RequestParam Map<String, String> all, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Applicant applicant = new Applicant(name, idNumber, phone, email, address);
        Set<Long> presentSet = present == null ? Set.of() : new HashSet<>(present);
        Map<Long, String> defects = defects(all);
        Map<Long, Long> reuse = DigitisationForm.reuse(all);
        ProcedureVersion v = catalog.inForceOn(code.trim(), agencies.today())
                .orElseThrow(() -> new NotFoundException("Thủ tục " + code + " không có phiên bản đang có hiệu lực."));
        vn.motcua.shared.Problems p = new vn.motcua.shared.Problems();
        Map<Long, vn.motcua.documents.DocumentDetails> details = DigitisationForm.details(all, v.components(), p);
        Map<String, Object> entered = new LinkedHashMap<>();
        entered.put("applicant", applicant);
        entered.put("present", presentSet);
        entered.put("defects", defects);
        entered.put("channel", channel);
        entered.put("communeId", communeId);
        entered.put("handlingAgencyId", handlingAgencyId);
        entered.put("sets", sets);
        entered.put("resultPlace", resultPlace);
        entered.put("decision", decision);
        entered.put("reason", reason);
        entered.put("reuse", reuse);
        entered.put("details", all);
        entered.put("birthDate", birthDate);
        entered.put("populationProof", populationProof);
        model.addAttribute("entered", entered);
        if (populationLookup != null) {
            return populationLookup(code, receivingAgencyId, applicant, birthDate, entered, model);
        }
        if (lookup != null) {
            boolean valid = vn.motcua.documents.ApplicantStore.ownerKey(idNumber) != null;
            model.addAttribute("looked", valid);
            return intakePage(model, code, null, receivingAgencyId, valid ? List.of()
                    : List.of(new FieldProblem("idNumber", "Nhập số định danh cá nhân (12 chữ số) hoặc mã số doanh nghiệp (10 hoặc 13 chữ số) để tìm giấy tờ đã số hóa.")));
        }
        try {
            p.throwIfAny();
            Dossier d = dossiers.receive(new IntakeRequest(code, receivingAgencyId, channel, applicant, communeId, handlingAgencyId, sets,
                    resultPlace, presentSet, defects, decision, reason, DigitisationForm.files(request, "scan", v.components()), reuse, details), user(),
                    populationProof);
            redirect.addFlashAttribute("saved", "flash.dossier.created|" + d.code() + "|" + d.status().label());
            return "redirect:/can-bo/ho-so/" + d.id();
        } catch (ValidationException e) {
            return intakePage(model, code, null, receivingAgencyId, e.problems());
        }
    }

    /** What the population database said, shown above the form. */
    public record PopulationAnswer(boolean matched, String message) {
    }

    /**
     * The officer checks the applicant against the population database: on a match the name and address are taken
     * from there and the proof travels with the form, so that the dossier records where its data came from. The
     * rest of the form is kept as typed; when the database does not answer, the officer goes on without it.
     */
    private String populationLookup(String code, Long receivingAgencyId, Applicant typed, String birthDate, Map<String, Object> entered, Model model) {
        entered.put("populationProof", null);
        Applicant applicant = typed;
        List<FieldProblem> problems = List.of();
        java.time.LocalDate birth = null;
        try {
            birth = birthDate == null || birthDate.isBlank() ? null : java.time.LocalDate.parse(birthDate);
        } catch (java.time.format.DateTimeParseException e) {
            // reported below as a missing birth date
        }
        try {
            DossierService.PopulationLookup r = dossiers.checkPopulation(typed.idNumber(), typed.name(), birth, user());
            if (r.check().matched()) {
                var c = r.check().citizen().orElseThrow();
                applicant = new Applicant(c.name(), c.idNumber(), typed.phone(), typed.email(),
                        c.currentAddress() != null ? c.currentAddress() : typed.address());
                entered.put("populationProof", r.proof());
                model.addAttribute("population", new PopulationAnswer(true, "Khớp với Cơ sở dữ liệu quốc gia về dân cư: họ tên, ngày sinh, nơi ở hiện tại ("
                        + (c.currentAddress() == null ? "" : c.currentAddress()) + ") được lấy từ đó; không cần bản sao căn cước."));
            } else {
                model.addAttribute("population", new PopulationAnswer(false, "Không khớp với Cơ sở dữ liệu quốc gia về dân cư: " + r.check().reason()
                        + ". Kiểm tra lại giấy tờ người nộp xuất trình."));
            }
        } catch (ValidationException e) {
            problems = e.problems();
        } catch (vn.motcua.shared.UnavailableException e) {
            model.addAttribute("population", new PopulationAnswer(false, e.getMessage()));
        }
        entered.put("applicant", applicant);
        return intakePage(model, code, null, receivingAgencyId, problems);
    }

    /** Reasons typed per component ("loi-{componentId}"): what is missing or wrong with it. */
    static Map<Long, String> defects(Map<String, String> all) {
        Map<Long, String> defects = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("loi-") && v != null && !v.isBlank()) {
                try {
                    defects.put(Long.parseLong(k.substring(4)), v);
                } catch (NumberFormatException ignored) {
                    // not a component field
                }
            }
        });
        return defects;
    }

    private String intakePage(Model model, String code, String q, Long receivingAgencyId, List<FieldProblem> problems) {
        CurrentUser user = user();
        List<Agency> active = agencies.activeOn(agencies.today());
        List<Agency> counters = active.stream().filter(a -> a.type() == AgencyType.ONE_STOP)
                .filter(a -> dossiers.worksIn(user, Role.RECEIVING_OFFICER, a.id()))
                .sorted(VietnameseText.by(Agency::name)).toList();
        model.addAttribute("counters", counters);
        model.addAttribute("chosenCounter", receivingAgencyId);
        model.addAttribute("q", q);
        model.addAttribute("problems", problems);
        model.addAttribute("channels", List.of(Channel.COUNTER, Channel.POST));
        model.addAttribute("decisions", IntakeDecision.values());
        model.addAttribute("places", Delivery.values());
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        if (code != null && !code.isBlank()) {
            ProcedureVersion v = catalog.inForceOn(code.trim(), agencies.today())
                    .orElseThrow(() -> new NotFoundException("Thủ tục " + code + " không có phiên bản đang có hiệu lực."));
            model.addAttribute("v", v);
            model.addAttribute("competent", dossiers.competentAgencies(v, agencies.today()).stream()
                    .sorted(VietnameseText.by(Agency::name)).toList());
            // the applicant's stored documents, once the officer has entered the ID number (the look-up is audited)
            Object entered = model.getAttribute("entered");
            Applicant a = entered instanceof Map<?, ?> m && m.get("applicant") instanceof Applicant x ? x : null;
            boolean lookUp = a != null && vn.motcua.documents.ApplicantStore.ownerKey(a.idNumber()) != null && user.has(Role.RECEIVING_OFFICER);
            model.addAttribute("offers", lookUp ? dossiers.reusableAtIntake(v.code(), a.idNumber(), user) : Map.of());
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("found", catalog.search(new SearchQuery(q, null, null, null, null), 1, 20).items());
        }
        return "dossier/intake";
    }

    // ---- the dossier page

    @GetMapping("/ho-so/{id}")
    String dossier(@PathVariable long id, Model model) {
        return dossierPage(model, id, List.of());
    }

    @GetMapping("/tim")
    String byCode(@RequestParam(name = "ma", required = false) String code, RedirectAttributes redirect) {
        try {
            Dossier d = dossiers.byCode(code == null ? "" : code.trim());
            if (dossiers.maySee(user(), d)) {
                return "redirect:/can-bo/ho-so/" + d.id();
            }
        } catch (NotFoundException e) {
            // the same answer as for a dossier of another unit
        }
        redirect.addFlashAttribute("notFound", code);
        return "redirect:/can-bo";
    }

    private String dossierPage(Model model, long id, List<FieldProblem> problems) {
        CurrentUser user = user();
        Dossier d = dossiers.open(id, user, "page");
        List<ProcessStep> steps = dossiers.steps(d);
        ProcessStep step = d.currentStep() == null || d.currentStep() > steps.size() ? null : steps.get(d.currentStep() - 1);
        boolean processing = d.status() == DossierStatus.PROCESSING;
        boolean lastStep = step != null && d.currentStep() == steps.size();
        // a dossier handled in a ministry's sectoral system is followed here, not acted on
        boolean here = !dossiers.origin(d.id()).handledElsewhere();
        boolean canAct = here && step != null && d.open() && dossiers.mayAct(user, d, step.role());
        boolean leader = here && d.open() && dossiers.mayAct(user, d, Role.LEADER);
        boolean counter = here && d.open() && dossiers.mayAct(user, d, Role.RECEIVING_OFFICER);
        boolean inHandling = d.status().inHandling();
        LegalRuleSet rules = dossiers.ruleSet(d);
        boolean handlingStep = step != null && step.role() != Role.RECEIVING_OFFICER && !lastStep && d.currentStep() > 1;
        Map<Long, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
        Map<String, String> people = accounts.list().stream().collect(Collectors.toMap(Account::username, Account::fullName));
        model.addAttribute("d", d);
        model.addAttribute("trackingSecret", queries.trackingSecret(d));
        model.addAttribute("view", queries.view(d));
        model.addAttribute("rules", rules);
        model.addAttribute("steps", steps);
        model.addAttribute("step", step);
        model.addAttribute("agencyNames", names);
        model.addAttribute("people", people);
        model.addAttribute("canIntake", (d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.INTAKE_SUPPLEMENT) && counter);
        model.addAttribute("showForward", canAct && processing && !lastStep);
        model.addAttribute("registersResult", d.outcome() == null && d.currentStep() != null && d.currentStep() + 1 == steps.size());
        model.addAttribute("showReturn", canAct && processing && lastStep);
        model.addAttribute("showSendBack", canAct && processing && !lastStep && d.currentStep() > 2);
        model.addAttribute("showSupplement", canAct && processing && handlingStep);
        model.addAttribute("showTransfer", canAct && processing && !lastStep && d.currentStep() > 1);
        model.addAttribute("showAssign", canAct && processing);
        model.addAttribute("showApproveSupplement", leader && d.status() == DossierStatus.SUPPLEMENT_APPROVAL);
        model.addAttribute("showReceiveSupplement", counter && d.status() == DossierStatus.PAUSED);
        model.addAttribute("showApology", leader && inHandling && (d.extensionCount() < rules.maxExtensions() || d.lateExplanation() == null));
        model.addAttribute("apologyHint", !leader && canAct && inHandling && (d.late() || dossiers.deadline(d).css().equals("warn")));
        model.addAttribute("showStop", leader && inHandling);
        model.addAttribute("showRequestStop", counter && inHandling && d.stop().requestedAt() == null);
        model.addAttribute("showWithdraw", counter && (d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.INTAKE_SUPPLEMENT));
        model.addAttribute("assignees", canAct && processing ? dossiers.assignees(d) : List.of());
        model.addAttribute("decisions", IntakeDecision.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("stopKinds", StopKind.values());
        model.addAttribute("transferTargets", canAct && processing ? dossiers.transferTargets(d).stream()
                .sorted(VietnameseText.by(Agency::name)).toList() : List.of());
        model.addAttribute("forms", rules.forms().stream().filter(f -> f.kind() != FormKind.BOOK && forms.available(d, f.kind())).toList());
        model.addAttribute("latestAppointment", d.dueAt() == null ? null
                : ExtensionPolicy.latest(d.dueAt(), calendars.calendar(), rules, d.timeLimitDays()));
        model.addAttribute("signedFiles", d.files().stream().filter(f -> f.kind().signed()).toList());
        model.addAttribute("showAttach", counter);
        model.addAttribute("showCertify", here && processing && (dossiers.mayAct(user, d, Role.PROCESSING_OFFICER) || dossiers.mayAct(user, d, Role.LEADER))
                && dossiers.certifiesCopies(d));
        model.addAttribute("panels", vn.motcua.dossier.DossierPanel.views(panels.orderedStream(), d, vn.motcua.dossier.DossierPanel.Audience.OFFICER, user));
        model.addAttribute("problems", problems);
        model.addAttribute("overdue", d.dueAt() != null && inHandling && (d.late() || dossiers.now().isAfter(d.dueAt())));
        return "dossier/detail";
    }

    @PostMapping("/ho-so/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam long rowVersion,
               @RequestParam(required = false) String note, @RequestParam(required = false) String reason,
               @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String resultText,
               @RequestParam(required = false) Delivery delivery, @RequestParam(required = false) Long toAgencyId,
               @RequestParam(required = false) String assignee, @RequestParam(required = false) String explanation,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime newAppointment,
               @RequestParam(required = false) IntakeDecision decision, @RequestParam(name = "present", required = false) List<Long> present,
               @RequestParam(required = false) StopKind stopKind, @RequestParam(required = false) String stopBasis,
               @RequestParam(required = false) String stopSettlement, @RequestParam(required = false) Long componentId,
               @RequestParam(required = false) Long sourceFileId, @RequestParam(required = false) String title,
               @RequestParam(required = false) boolean compared, @RequestParam Map<String, String> all,
               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CurrentUser user = user();
        Map<Long, String> defects = defects(all);
        Map<String, Supplier<Dossier>> actions = new LinkedHashMap<>();
        actions.put("chuyen", () -> dossiers.forward(id, rowVersion, note, outcome, resultText, DigitisationForm.single(request, "resultFile"), user));
        actions.put("so-hoa", () -> {
            vn.motcua.shared.Problems p = new vn.motcua.shared.Problems();
            var details = DigitisationForm.details(all, "x", "bản chụp", p);
            p.require(componentId != null, "componentId", "Chưa chọn thành phần hồ sơ.").throwIfAny();
            List<vn.motcua.dossier.UploadedDocument> scans = DigitisationForm.multipart(request, "scan").stream().filter(DigitisationForm::chosen)
                    .map(f -> DigitisationForm.single(f)).toList();
            return dossiers.attachScans(id, rowVersion, componentId, scans, details, user);
        });
        actions.put("chung-thuc", () -> dossiers.certifyCopy(id, rowVersion, sourceFileId, DigitisationForm.single(request, "copyScan"), title, compared,
                user));
        actions.put("tra-lai", () -> dossiers.sendBack(id, rowVersion, reason, user));
        actions.put("yeu-cau-bo-sung", () -> dossiers.requestSupplement(id, rowVersion, defects, note, user));
        actions.put("duyet-bo-sung", () -> dossiers.approveSupplement(id, rowVersion, user));
        actions.put("khong-duyet-bo-sung", () -> dossiers.declineSupplement(id, rowVersion, reason, user));
        actions.put("nhan-bo-sung", () -> dossiers.receiveSupplement(id, rowVersion, note, user));
        actions.put("lien-thong", () -> dossiers.transfer(id, rowVersion, toAgencyId, note, user));
        actions.put("phan-cong", () -> dossiers.assign(id, rowVersion, assignee, user));
        actions.put("xin-loi", () -> dossiers.apologise(id, rowVersion, explanation, newAppointment, user));
        actions.put("tra-ket-qua", () -> dossiers.returnResult(id, rowVersion, delivery, note, user));
        actions.put("kiem-tra", () -> dossiers.decideIntake(id, rowVersion, decision, present == null ? Set.of() : new HashSet<>(present),
                defects, reason, user));
        actions.put("de-nghi-dung", () -> dossiers.requestStop(id, rowVersion, reason, user));
        actions.put("dung", () -> dossiers.stop(id, rowVersion, stopKind, reason, stopBasis, stopSettlement, user));
        actions.put("rut", () -> dossiers.withdraw(id, rowVersion, reason, user));
        Supplier<Dossier> run = actions.get(action);
        if (run == null) {
            throw new NotFoundException("Không có thao tác \"" + action + "\".");
        }
        try {
            Dossier d = run.get();
            // an approval that registered the result (only that step takes an outcome) has just signed it
            var signed = "chuyen".equals(action) && outcome != null ? dossiers.result(d) : java.util.Optional.<DossierFile>empty();
            redirect.addFlashAttribute("saved", signed.isPresent() ? "flash.dossier.resultSigned|" + d.code() + "|" + signed.get().resultCode()
                    : "flash.dossier.updated|" + d.code() + "|" + d.status().label());
            return "redirect:/can-bo/ho-so/" + id;
        } catch (ValidationException e) {
            return dossierPage(model, id, e.problems());
        } catch (ConflictException e) {
            return dossierPage(model, id, List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }

    // ---- the dossier book

    @GetMapping("/so-theo-doi")
    String book(@RequestParam(name = "donVi", required = false) Long unit,
                @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        BookQuery q = bookQuery(unit, from, to);
        model.addAttribute("counters", q.counters());
        model.addAttribute("unit", q.unit());
        model.addAttribute("from", q.from());
        model.addAttribute("to", q.to());
        model.addAttribute("error", q.error());
        model.addAttribute("rows", q.rows());
        model.addAttribute("entries", q.rows().stream().filter(r -> !r.unused()).count());
        return "dossier/book";
    }

    @GetMapping("/so-theo-doi.pdf")
    ResponseEntity<byte[]> bookPdf(@RequestParam(name = "donVi", required = false) Long unit,
                                   @RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BookQuery q = bookQuery(unit, from, to);
        if (q.unit() == null) {
            throw new NotFoundException("Bạn không quản lý bộ phận một cửa nào.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("so-theo-doi-" + q.from() + "-" + q.to() + ".pdf",
                        StandardCharsets.UTF_8).build().toString())
                .body(forms.book(q.unit(), q.from(), q.to(), q.rows()));
    }

    private record BookQuery(List<Agency> counters, Long unit, LocalDate from, LocalDate to, String error, List<BookRow> rows) {
    }

    private BookQuery bookQuery(Long unit, LocalDate from, LocalDate to) {
        CurrentUser user = user();
        List<Agency> counters = new ArrayList<>();
        for (Agency a : agencies.activeOn(agencies.today())) {
            if (a.type() == AgencyType.ONE_STOP && user.grants().stream().anyMatch(g -> g.agencyId() != null && agencies.isWithin(a.id(), g.agencyId()))) {
                counters.add(a);
            }
        }
        counters.sort(VietnameseText.by(Agency::name));
        LocalDate end = to == null ? agencies.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        String error = null;
        if (start.isAfter(end)) {
            error = "Ngày bắt đầu phải trước ngày kết thúc.";
            start = end;
        }
        if (start.plusYears(1).isBefore(end)) {
            error = "Mỗi lần xem tối đa một năm.";
            start = end.minusYears(1);
        }
        Long chosen = unit != null && counters.stream().anyMatch(c -> c.id() == unit) ? unit : counters.isEmpty() ? null : counters.get(0).id();
        return new BookQuery(counters, chosen, start, end, error, chosen == null ? List.of() : queries.book(chosen, start, end));
    }
}
