package vn.motcua.dossier.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Citizens and businesses: track a dossier without login, submit online, see their own dossiers. */
@Controller
public class CitizenController {
    private final DossierService dossiers;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final AccountService accounts;

    public CitizenController(DossierService dossiers, DossierQueries queries, CatalogService catalog, AgencyService agencies,
                             AccountService accounts) {
        this.dossiers = dossiers;
        this.queries = queries;
        this.catalog = catalog;
        this.agencies = agencies;
        this.accounts = accounts;
    }

    @GetMapping("/tra-cuu")
    String track(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "kiemtra", required = false) String check,
                 Model model) {
        model.addAttribute("code", code);
        if (code != null && check != null) {
            try {
                model.addAttribute("t", queries.track(code, check));
            } catch (NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "dossier/track";
    }

    @GetMapping("/thong-ke/ho-so")
    String statistics(@RequestParam(name = "tu", required = false) @DateTimeFormat(
                              iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(name = "den", required = false) @DateTimeFormat(
                              iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
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

    @GetMapping("/nop-ho-so/{code}")
    String form(@PathVariable String code, Model model) {
        return formPage(model, code, null, List.of());
    }

    @PostMapping("/nop-ho-so/{code}")
    String submit(@PathVariable String code, @RequestParam(required = false) Long receivingAgencyId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String address,
                  MultipartHttpServletRequest request, Model model, RedirectAttributes redirect) {
        ProcedureVersion v = catalog.current(code);
        List<UploadedDocument> files = new ArrayList<>();
        for (Component c : v.components()) {
            MultipartFile f = request.getFile("file-" + c.id());
            if (f != null && !f.isEmpty()) {
                try {
                    files.add(new UploadedDocument(c.id(), f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Applicant applicant = new Applicant(name, idNumber, phone, email, address);
        try {
            Dossier d = dossiers.submitOnline(code, receivingAgencyId, applicant, files, CurrentUser.get().orElseThrow().username());
            redirect.addFlashAttribute("saved", "Đã nộp hồ sơ " + d.code() + ". Bộ phận một cửa sẽ kiểm tra và thông báo tiếp nhận.");
            return "redirect:/ho-so-cua-toi";
        } catch (ValidationException e) {
            return formPage(model, code, applicant, e.problems());
        }
    }

    private String formPage(Model model, String code, Applicant entered, List<FieldProblem> problems) {
        ProcedureVersion v = catalog.current(code);
        CurrentUser user = CurrentUser.get().orElseThrow();
        Account me = accounts.get(user.id());
        model.addAttribute("v", v);
        model.addAttribute("entered", entered != null ? entered
                : new Applicant(me.fullName(), me.idNumber(), me.phone(), me.email(), null));
        model.addAttribute("counters", agencies.activeOn(agencies.today()).stream().filter(a -> a.type() == AgencyType.ONE_STOP).toList());
        model.addAttribute("problems", problems);
        return "dossier/submit";
    }

    @GetMapping("/ho-so-cua-toi")
    String mine(Model model) {
        model.addAttribute("rows", queries.mine(CurrentUser.get().orElseThrow()));
        return "dossier/mine";
    }
}
