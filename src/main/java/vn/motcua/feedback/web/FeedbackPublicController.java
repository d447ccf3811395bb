package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Refusals;
import vn.motcua.shared.VietnameseText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public side of feedback: the form anyone may send (with attachments), the sender's tracking page (with the code
 * and the secret given at submission, where asked-for information is given), the published answers with likes and
 * dislikes, and a citizen's own feedback.
 */
@Controller
class FeedbackPublicController {
    private final FeedbackService feedback;
    private final AgencyService agencies;

    FeedbackPublicController(FeedbackService feedback, AgencyService agencies) {
        this.feedback = feedback;
        this.agencies = agencies;
    }

    @GetMapping("/phan-anh-kien-nghi")
    String answers(@RequestParam(name = "q", required = false) String query, @RequestParam(name = "loai", required = false) String category,
                   @RequestParam(name = "trang", defaultValue = "0") int page, Model model) {
        FeedbackCategory cat = parse(category);
        model.addAttribute("page", feedback.published(query == null || query.length() > 200 ? null : query, cat, page));
        model.addAttribute("q", query);
        model.addAttribute("category", cat);
        model.addAttribute("categories", FeedbackCategory.values());
        return "feedback/answers";
    }

    @GetMapping("/phan-anh-kien-nghi/{code:PAKN-.+}")
    String answer(@PathVariable String code, HttpServletRequest request, Model model) {
        Feedback f = feedback.publishedAnswer(code);
        model.addAttribute("f", f);
        model.addAttribute("agency", agencies.get(f.agencyId()).name());
        model.addAttribute("repeats", feedback.repeats(f).size());
        model.addAttribute("myVote", feedback.voteOf(f, voter(request)).orElse(null));
        return "feedback/answer";
    }

    @PostMapping("/phan-anh-kien-nghi/{code:PAKN-.+}/binh-chon")
    String vote(@PathVariable String code, @RequestParam(defaultValue = "true") boolean liked, HttpServletRequest request, RedirectAttributes redirect) {
        feedback.vote(code, liked, voter(request));
        redirect.addFlashAttribute("saved", "flash.feedback.voted");
        return "redirect:/phan-anh-kien-nghi/" + code + "#votes";
    }

    private static String voter(HttpServletRequest request) {
        return CurrentUser.get().map(CurrentUser::username).orElseGet(() -> FeedbackService.anonymousVoter(request.getRemoteAddr()));
    }

    // ------------------------------------------------------------------ sending

    @GetMapping("/phan-anh-kien-nghi/gui")
    String form(@RequestParam(name = "ho_so", required = false) String dossierCode, @RequestParam(name = "thu_tuc", required = false) String procedure,
                Model model) {
        FeedbackService.Submission s = new FeedbackService.Submission(null, null, null, short60(procedure), short60(dossierCode), null, null, null, null, null);
        Optional<CurrentUser> user = CurrentUser.get();
        model.addAttribute("s", user.map(u -> new FeedbackService.Submission(null, null, null, s.procedureCode(), s.dossierCode(), null, u.fullName(),
                null, null, null)).orElse(s));
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute("categories", FeedbackCategory.values());
        model.addAttribute("agencies", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() != vn.motcua.organization.AgencyType.DIVISION && a.type() != vn.motcua.organization.AgencyType.ONE_STOP)
                .sorted(VietnameseText.by(vn.motcua.organization.Agency::name)).toList());
        return "feedback/form";
    }

    @PostMapping("/phan-anh-kien-nghi/gui")
    String send(@RequestParam(name = "category", required = false) String category, @RequestParam(required = false) String title,
                @RequestParam(required = false) String content, @RequestParam(required = false) String procedureCode,
                @RequestParam(required = false) String dossierCode, @RequestParam(required = false) String agencyId,
                @RequestParam(required = false) String name, @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                @RequestParam(required = false) String address, @RequestParam(name = "website", required = false) String honeypot,
                @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request, HttpServletResponse response,
                Model model) throws IOException {
        Long agency = null;
        try {
            agency = agencyId == null || agencyId.isBlank() ? null : Long.parseLong(agencyId);
        } catch (NumberFormatException ignored) {
            agency = -1L;
        }
        FeedbackService.Submission s = new FeedbackService.Submission(parse(category), title, content, procedureCode, dossierCode, agency, name, phone,
                email, address);
        model.addAttribute("s", s);
        if (honeypot != null && !honeypot.isBlank()) {
            // a field hidden from people: only robots fill it in
            response.setStatus(422);
            model.addAttribute("problems", List.of(new FieldProblem("website", "Không gửi được phản ánh.")));
            return formPage(model);
        }
        List<FeedbackService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new FeedbackService.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            FeedbackService.Submitted done = feedback.submit(s, uploads, CurrentUser.get().orElse(null), request.getRemoteAddr());
            model.addAttribute("f", done.feedback());
            model.addAttribute("secret", done.trackingSecret());
            model.addAttribute("agency", agencies.get(done.feedback().agencyId()).name());
            return "feedback/sent";
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
        } catch (TooManyAttemptsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("problems", List.of(new FieldProblem("form", e.getMessage())));
        }
        return formPage(model);
    }

    // ------------------------------------------------------------------ the sender's tracking

    @GetMapping("/phan-anh-kien-nghi/tra-cuu")
    String trackForm(@RequestParam(name = "ma", required = false) String code, Model model) {
        model.addAttribute("code", short60(code));
        return "feedback/track";
    }

    @PostMapping("/phan-anh-kien-nghi/tra-cuu")
    String track(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "bimat", required = false) String secret,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("code", short60(code));
        try {
            Feedback f = feedback.track(code, secret, request.getRemoteAddr());
            model.addAttribute("f", f);
            model.addAttribute("secret", secret);
            model.addAttribute("agency", agencies.get(f.agencyId()).name());
        } catch (NotFoundException | TooManyAttemptsException e) {
            model.addAttribute("error", Refusals.answer(e, response));
        }
        return "feedback/track";
    }

    @PostMapping("/phan-anh-kien-nghi/tra-cuu/bo-sung")
    String supply(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "bimat", required = false) String secret,
                  @RequestParam(name = "thongtin", required = false) String info, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            feedback.supplyInformation(code, secret, info, request.getRemoteAddr());
            model.addAttribute("saved", "flash.feedback.supplied");
        } catch (ValidationException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("supplyError", Forms.message(e));
        } catch (IllegalStateException e) {
            response.setStatus(422);
            model.addAttribute("supplyError", e.getMessage());
        }
        return track(code, secret, request, response, model);
    }

    @GetMapping("/ho-so-cua-toi/phan-anh")
    String mine(Model model) {
        model.addAttribute("list", feedback.mine(CurrentUser.get().orElseThrow()));
        return "feedback/mine";
    }

    static FeedbackCategory parse(String category) {
        try {
            return category == null || category.isBlank() ? null : FeedbackCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String short60(String s) {
        return s == null || s.length() > 60 ? null : s.trim();
    }
}
