package vn.motcua.control.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.control.DecentralisationItem;
import vn.motcua.control.ReviewPlan;
import vn.motcua.control.ReviewService;
import vn.motcua.control.domain.Authority;
import vn.motcua.control.domain.DecentralisationProposal;
import vn.motcua.control.domain.ProposalType;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Review plans with their items and progress, and the decentralisation and delegation review rounds. */
@Controller
class ReviewPageController {
    private final ReviewService reviews;
    private final ControlForms forms;

    ReviewPageController(ReviewService reviews, ControlForms forms) {
        this.reviews = reviews;
        this.forms = forms;
    }

    @GetMapping("/kiem-soat/ra-soat")
    String plans(@RequestParam(name = "nam", required = false) String year, Model model) {
        int y = Pages.year(year, reviews.today().getYear(), model);
        model.addAttribute("year", y);
        model.addAttribute("years", reviews.planYears());
        model.addAttribute("plans", reviews.plans(y));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReviewService.PlanInput(String.valueOf(y), "", "", ""));
        }
        forms.agencies(model);
        return "control/reviews";
    }

    @PostMapping("/kiem-soat/ra-soat")
    String createPlan(@ModelAttribute("form") ReviewService.PlanInput form, Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.planCreated", () -> "/kiem-soat/ra-soat/" + reviews.createPlan(form, Pages.user()));
        return to != null ? to : plans(form.year(), model);
    }

    @GetMapping("/kiem-soat/ra-soat/{id}")
    String plan(@PathVariable long id, Model model) {
        ReviewPlan plan = reviews.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute("today", reviews.today());
        if (!model.containsAttribute("item")) {
            model.addAttribute("item", new ReviewService.ItemInput("", "", "", ""));
        }
        forms.agencies(model);
        forms.procedures(model);
        return "control/review";
    }

    @PostMapping("/kiem-soat/ra-soat/{id}/noi-dung")
    String addItem(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, @ModelAttribute("item") ReviewService.ItemInput item,
                   Model model, RedirectAttributes r) {
        String to = Pages.create(model, r, "flash.control.itemAdded", () -> {
            reviews.addItem(id, rowVersion, item, Pages.user());
            return "/kiem-soat/ra-soat/" + id;
        });
        return to != null ? to : plan(id, model);
    }

    @PostMapping("/kiem-soat/ra-soat/{id}/noi-dung/{itemId}")
    String report(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "0") long rowVersion,
                  @RequestParam(required = false) String progress, @RequestParam(required = false) String result, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/ra-soat/" + id + "#item-" + itemId, "flash.control.progressSaved",
                () -> reviews.report(itemId, rowVersion, progress, result, Pages.user()));
    }

    @GetMapping("/kiem-soat/ra-soat/{id}/ke-hoach.xlsx")
    void planExcel(@PathVariable long id, HttpServletResponse response) throws IOException {
        ReviewPlan plan = reviews.plan(id);
        Attachments.write(response, "ke-hoach-ra-soat-" + plan.id() + ".xlsx", Pages.XLSX, ControlExcel.plan(plan, reviews.today()));
    }

    // ---------------------------------------------------------------- decentralisation

    @GetMapping("/kiem-soat/phan-cap")
    String decentralisation(@RequestParam(name = "dot", required = false) String round, Model model) {
        List<String> rounds = reviews.rounds();
        String current = round != null && rounds.contains(round) ? round : rounds.isEmpty() ? null : rounds.get(0);
        model.addAttribute("rounds", rounds);
        model.addAttribute("round", current);
        List<DecentralisationItem> items = current == null ? List.of() : reviews.round(current);
        model.addAttribute("items", items);
        model.addAttribute("reviewed", items.stream().filter(i -> i.status() != vn.motcua.control.domain.DecentralisationStatus.PENDING).count());
        model.addAttribute("authorities", Authority.values());
        model.addAttribute("proposals", DecentralisationProposal.values());
        model.addAttribute("types", ProposalType.values());
        model.addAttribute("today", reviews.today());
        model.addAttribute("user", Pages.user());
        return "control/decentralisation";
    }

    @PostMapping("/kiem-soat/phan-cap")
    String openRound(@RequestParam(required = false) String round, @RequestParam(required = false) String dueOn, RedirectAttributes r) {
        String back = "/kiem-soat/phan-cap" + (round == null || round.isBlank() ? "" : "?dot=" + URLEncoder.encode(round.trim(), StandardCharsets.UTF_8));
        return Pages.act(r, back, "flash.control.roundOpened", () -> reviews.openRound(round, dueOn, Pages.user()));
    }

    @PostMapping("/kiem-soat/phan-cap/{id}")
    String review(@PathVariable long id, @RequestParam(defaultValue = "0") long rowVersion, @ModelAttribute ReviewService.DecentralisationInput in,
                  @RequestParam(required = false) String round, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/phan-cap?dot=" + URLEncoder.encode(round == null ? "" : round, StandardCharsets.UTF_8) + "#dc-" + id,
                "flash.control.decentralisationSaved", () -> reviews.review(id, rowVersion, in, Pages.user()));
    }

    @PostMapping("/kiem-soat/phan-cap/gui")
    String submitRound(@RequestParam(required = false) String round, RedirectAttributes r) {
        return Pages.act(r, "/kiem-soat/phan-cap?dot=" + URLEncoder.encode(round == null ? "" : round, StandardCharsets.UTF_8),
                "flash.control.roundSubmitted", () -> reviews.submitRound(round, Pages.user()));
    }

    @GetMapping("/kiem-soat/phan-cap.xlsx")
    void decentralisationExcel(@RequestParam(name = "dot") String round, HttpServletResponse response) throws IOException {
        Attachments.write(response, "ra-soat-phan-cap-uy-quyen.xlsx", Pages.XLSX, ControlExcel.decentralisation(round, reviews.round(round)));
    }
}
