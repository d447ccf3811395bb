package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Handling feedback: the lists of the agency's TTHC-control officers and leaders (to classify, waiting for information,
 * being handled, to publish, due soon, overdue, finished) and a feedback's page with its actions.
 */
@Controller
class FeedbackOfficerController {
    private final FeedbackService feedback;
    private final AgencyService agencies;

    FeedbackOfficerController(FeedbackService feedback, AgencyService agencies) {
        this.feedback = feedback;
        this.agencies = agencies;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping("/xu-ly-phan-anh")
    String queue(@RequestParam(name = "ds", defaultValue = "TO_CLASSIFY") String list, Model model) {
        FeedbackService.Queue q;
        try {
            q = FeedbackService.Queue.valueOf(list);
        } catch (IllegalArgumentException e) {
            q = FeedbackService.Queue.TO_CLASSIFY;
        }
        model.addAttribute("queue", q);
        model.addAttribute("queues", FeedbackService.Queue.values());
        model.addAttribute("counts", feedback.counts(user()));
        model.addAttribute("list", feedback.queue(user(), q));
        model.addAttribute("agencies", agencies.byId());
        model.addAttribute("now", feedback.now());
        return "feedback/queue";
    }

    @GetMapping("/xu-ly-phan-anh/{id}")
    String detail(@PathVariable long id, Model model) {
        Feedback f = feedback.open(id, user());
        Map<Long, Agency> names = agencies.byId();
        model.addAttribute("f", f);
        model.addAttribute("agency", names.get(f.agencyId()).name());
        model.addAttribute("agencies", names);
        model.addAttribute("steps", feedback.steps(f));
        model.addAttribute("attachments", feedback.attachments(f));
        model.addAttribute("targets", feedback.transferTargets(f));
        model.addAttribute("similar", f.status().open() ? feedback.similar(f) : java.util.List.of());
        model.addAttribute("earlier", feedback.earlier(f).orElse(null));
        model.addAttribute("now", feedback.now());
        if (!model.containsAttribute("suggested")) {
            model.addAttribute("suggested", feedback.suggestedPublicText(f));
        }
        return "feedback/detail";
    }

    @GetMapping("/xu-ly-phan-anh/{id}/tep/{fileId}")
    void file(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        Feedback f = feedback.open(id, user());
        Feedback.Attachment a = feedback.attachments(f).stream().filter(x -> x.id() == fileId).findFirst()
                .orElseThrow(() -> new vn.motcua.shared.NotFoundException("Không tìm thấy tệp."));
        Attachments.write(response, a.filename(), a.contentType(), feedback.attachmentContent(f, fileId));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/thu-ly")
    String accept(@PathVariable long id, @RequestParam long rowVersion, RedirectAttributes r) {
        return act(id, r, "flash.feedback.accepted", () -> feedback.accept(id, rowVersion, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/tu-choi")
    String refuse(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String reason, RedirectAttributes r) {
        return act(id, r, "flash.feedback.refused", () -> feedback.refuse(id, rowVersion, reason, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/yeu-cau-bo-sung")
    String askInfo(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String what, RedirectAttributes r) {
        return act(id, r, "flash.feedback.infoRequested", () -> feedback.requestInformation(id, rowVersion, what, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/da-bo-sung")
    String infoReceived(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String note, RedirectAttributes r) {
        return act(id, r, "flash.feedback.infoReceived", () -> feedback.informationReceived(id, rowVersion, note, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/chuyen")
    String transfer(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) Long toAgencyId,
                    @RequestParam(required = false) String reason, RedirectAttributes r) {
        String back = act(id, r, "flash.feedback.transferred", () -> feedback.transfer(id, rowVersion, toAgencyId, reason, user()));
        // the officer may no longer see it once it belongs to an agency outside their scope
        return r.getFlashAttributes().containsKey("feedbackError") || feedback.mayHandle(user(), feedback.get(id)) ? back : "redirect:/xu-ly-phan-anh";
    }

    @PostMapping("/xu-ly-phan-anh/{id}/trung")
    String repeated(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String earlierCode, RedirectAttributes r) {
        return act(id, r, "flash.feedback.repeated", () -> feedback.markRepeated(id, rowVersion, earlierCode, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/tra-loi")
    String answer(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String answer, RedirectAttributes r) {
        return act(id, r, "flash.feedback.answered", () -> feedback.answer(id, rowVersion, answer, user()));
    }

    @PostMapping("/xu-ly-phan-anh/{id}/cong-khai")
    String publish(@PathVariable long id, @RequestParam long rowVersion, @RequestParam(required = false) String publicTitle,
                   @RequestParam(required = false) String publicContent, @RequestParam(required = false) String publicAnswer, RedirectAttributes r) {
        String back = act(id, r, "flash.feedback.published", () -> feedback.publish(id, rowVersion, publicTitle, publicContent, publicAnswer, user()));
        if (r.getFlashAttributes().containsKey("feedbackError")) {
            // keep what the officer wrote
            r.addFlashAttribute("suggested", feedback.get(id).withPublicText(publicTitle, publicContent, publicAnswer));
        }
        return back;
    }

    private String act(long id, RedirectAttributes r, String flash, Supplier<Feedback> action) {
        try {
            FeedbackService.explained(action);
            r.addFlashAttribute("saved", flash);
        } catch (ValidationException | ConflictException e) {
            r.addFlashAttribute("feedbackError", Forms.message(e));
        }
        return "redirect:/xu-ly-phan-anh/" + id;
    }
}
