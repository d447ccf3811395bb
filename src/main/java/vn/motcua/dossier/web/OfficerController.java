package vn.motcua.dossier.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.Queue;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The officers' workspace: queues, intake at the counter, the dossier page with its actions, the dossier book. */
@Controller
@RequestMapping("/can-bo")
public class OfficerController {
    private final DossierService dossiers;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final AgencyService agencies;

    public OfficerController(DossierService dossiers, DossierQueries queries, CatalogService catalog, AgencyService agencies) {
        this.dossiers = dossiers;
        this.queries = queries;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping
    String queues(@RequestParam(name = "hang", defaultValue = "MY_STEP") Queue queue, Model model) {
        CurrentUser user = user();
        Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
        List<DossierView> rows = List.of();
        for (Queue q : Queue.values()) {
            List<DossierView> list = queries.queue(user, q);
            counts.put(q, list.size());
            if (q == queue) {
                rows = list;
            }
        }
        model.addAttribute("queue", queue);
        model.addAttribute("queues", Queue.values());
        model.addAttribute("counts", counts);
        model.addAttribute("rows", rows);
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
                  @RequestParam(name = "present", required = false) List<Long> present, @RequestParam(required = false) IntakeDecision decision,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Applicant applicant = new Applicant(name, idNumber, phone, email, address);
        try {
            Dossier d = dossiers.receive(new IntakeRequest(code, receivingAgencyId, channel, applicant,
                    present == null ? Set.of() : new HashSet<>(present), decision, reason), user());
            redirect.addFlashAttribute("saved", "Đã lập hồ sơ " + d.code() + " — " + d.status().label() + ".");
            return "redirect:/can-bo/ho-so/" + d.id();
        } catch (ValidationException e) {
            model.addAttribute("entered", applicant);
            model.addAttribute("present", present == null ? Set.of() : new HashSet<>(present));
            model.addAttribute("chosenChannel", channel);
            model.addAttribute("reason", reason);
            return intakePage(model, code, null, receivingAgencyId, e.problems());
        }
    }

    private String intakePage(Model model, String code, String q, Long receivingAgencyId, List<FieldProblem> problems) {
        CurrentUser user = user();
        List<Agency> counters = agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == AgencyType.ONE_STOP)
                .filter(a -> user.unitsFor(Role.RECEIVING_OFFICER).stream().anyMatch(u -> agencies.isWithin(a.id(), u))).toList();
        model.addAttribute("counters", counters);
        model.addAttribute("chosenCounter", receivingAgencyId);
        model.addAttribute("q", q);
        model.addAttribute("problems", problems);
        model.addAttribute("channels", List.of(Channel.COUNTER, Channel.POST));
        model.addAttribute("decisions", IntakeDecision.values());
        if (code != null && !code.isBlank()) {
            ProcedureVersion v = catalog.inForceOn(code.trim(), agencies.today())
                    .orElseThrow(() -> new NotFoundException("Thủ tục " + code + " không có phiên bản đang có hiệu lực."));
            model.addAttribute("v", v);
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("found", catalog.search(new SearchQuery(q, null, null, null, null), 1, 20).items());
        }
        model.addAttribute("now", LocalDateTime.now());
        return "dossier/intake";
    }

    // ---- the dossier page

    @GetMapping("/ho-so/{id}")
    String dossier(@PathVariable long id, Model model) {
        return dossierPage(model, id, List.of());
    }

    @GetMapping("/tim")
    String byCode(@RequestParam(name = "ma", required = false) String code) {
        return "redirect:/can-bo/ho-so/" + dossiers.byCode(code == null ? "" : code.trim()).id();
    }

    private String dossierPage(Model model, long id, List<FieldProblem> problems) {
        CurrentUser user = user();
        Dossier d = dossiers.get(id);
        if (!dossiers.maySee(user, d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        List<ProcessStep> steps = dossiers.steps(d);
        ProcessStep step = d.currentStep() == null || d.currentStep() > steps.size() ? null : steps.get(d.currentStep() - 1);
        boolean intake = d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.INTAKE_SUPPLEMENT;
        model.addAttribute("d", d);
        model.addAttribute("view", queries.view(d));
        model.addAttribute("steps", steps);
        model.addAttribute("step", step);
        model.addAttribute("lastStep", step != null && d.currentStep() == steps.size());
        model.addAttribute("canAct", step != null && d.open() && dossiers.mayAct(user, d, step.role()));
        model.addAttribute("canIntake", intake && dossiers.mayAct(user, d, Role.RECEIVING_OFFICER));
        model.addAttribute("decisions", IntakeDecision.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("transferTargets", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == AgencyType.DEPARTMENT || a.type() == AgencyType.COMMUNE_COMMITTEE || a.type() == AgencyType.DIVISION)
                .filter(a -> a.id() != d.handlingAgencyId()).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("overdue", d.dueAt() != null && d.open() && dossiers.now().isAfter(d.dueAt()));
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
               Model model, RedirectAttributes redirect) {
        CurrentUser user = user();
        Map<String, Supplier<Dossier>> actions = Map.of(
                "chuyen", () -> dossiers.forward(id, rowVersion, note, outcome, resultText, user),
                "tra-lai", () -> dossiers.sendBack(id, rowVersion, reason, user),
                "tam-dung", () -> dossiers.pause(id, rowVersion, reason, user),
                "tiep-tuc", () -> dossiers.resume(id, rowVersion, note, user),
                "lien-thong", () -> dossiers.transfer(id, rowVersion, toAgencyId, note, user),
                "phan-cong", () -> dossiers.assign(id, rowVersion, assignee, user),
                "xin-loi", () -> dossiers.apologise(id, rowVersion, explanation, newAppointment, user),
                "tra-ket-qua", () -> dossiers.returnResult(id, rowVersion, delivery, note, user),
                "kiem-tra", () -> dossiers.decideIntake(id, rowVersion, decision, present == null ? Set.of() : new HashSet<>(present), reason, user),
                "rut", () -> dossiers.withdraw(id, rowVersion, reason, user));
        Supplier<Dossier> run = actions.get(action);
        if (run == null) {
            throw new NotFoundException("Không có thao tác \"" + action + "\".");
        }
        try {
            Dossier d = run.get();
            redirect.addFlashAttribute("saved", "Đã cập nhật hồ sơ " + d.code() + ": " + d.status().label() + ".");
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
        CurrentUser user = user();
        List<Agency> counters = new ArrayList<>();
        for (Agency a : agencies.activeOn(agencies.today())) {
            if (a.type() == AgencyType.ONE_STOP && user.grants().stream().anyMatch(g -> g.agencyId() != null && agencies.isWithin(a.id(), g.agencyId()))) {
                counters.add(a);
            }
        }
        LocalDate end = to == null ? agencies.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        Long chosen = unit != null && counters.stream().anyMatch(c -> c.id() == unit) ? unit : counters.isEmpty() ? null : counters.get(0).id();
        model.addAttribute("counters", counters);
        model.addAttribute("unit", chosen);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", chosen == null ? List.of() : queries.book(chosen, start, end));
        return "dossier/book";
    }
}
