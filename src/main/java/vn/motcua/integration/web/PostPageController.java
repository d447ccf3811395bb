package vn.motcua.integration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.integration.PostOrder;
import vn.motcua.integration.PostService;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;

import java.util.List;
import java.util.Map;

/** Booking a pick-up of a paper dossier by public post (citizens) and the orders of a one-stop unit (receiving officers). */
@Controller
class PostPageController {
    private final PostService post;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final AccountService accounts;

    PostPageController(PostService post, CatalogService catalog, AgencyService agencies, AccountService accounts) {
        this.post = post;
        this.catalog = catalog;
        this.agencies = agencies;
        this.accounts = accounts;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping("/nop-ho-so/buu-chinh")
    String bookForm(Model model) {
        if (!model.containsAttribute("entered")) {
            var account = accounts.get(user().id());
            model.addAttribute("entered", Map.of("name", account.fullName(), "phone", account.phone() == null ? "" : account.phone()));
        }
        return page(model, List.of());
    }

    @PostMapping("/nop-ho-so/buu-chinh")
    String book(@RequestParam(required = false) String procedureCode, @RequestParam(required = false) Long receivingAgencyId,
                @RequestParam(required = false) String name, @RequestParam(required = false) String phone, @RequestParam(required = false) String address,
                Model model, RedirectAttributes redirect) {
        try {
            PostOrder o = post.requestPickup(new PostService.PickupRequest(procedureCode, receivingAgencyId, name, phone, address), user());
            redirect.addFlashAttribute("saved", "flash.post.booked|" + o.orderCode());
            return "redirect:/nop-ho-so/buu-chinh";
        } catch (ValidationException e) {
            java.util.Map<String, Object> entered = new java.util.HashMap<>();
            entered.put("procedureCode", procedureCode);
            entered.put("receivingAgencyId", receivingAgencyId);
            entered.put("name", name);
            entered.put("phone", phone);
            entered.put("address", address);
            model.addAttribute("entered", entered);
            return page(model, e.problems());
        }
    }

    private String page(Model model, List<vn.motcua.shared.FieldProblem> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("procedures", catalog.search(SearchQuery.all(), 0, 1000).items().stream()
                .sorted(VietnameseText.by(ProcedureSummary::name)).toList());
        model.addAttribute("counters", agencies.activeOn(agencies.today()).stream().filter(a -> a.type() == AgencyType.ONE_STOP)
                .sorted(VietnameseText.by(a -> a.name())).toList());
        model.addAttribute("orders", post.mine(user()));
        return "integration/post-book";
    }

    @GetMapping("/can-bo/buu-chinh")
    String officer(Model model) {
        model.addAttribute("orders", post.forOfficer(user(), 200));
        return "integration/post-officer";
    }
}
