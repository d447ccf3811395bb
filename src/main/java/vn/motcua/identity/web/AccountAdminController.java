package vn.motcua.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.AccountType;
import vn.motcua.identity.NewAccount;
import vn.motcua.identity.Role;
import vn.motcua.identity.RoleGrant;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.util.List;
import java.util.Map;

/** Officer accounts and their roles per unit, for administrators. */
@Controller
@RequestMapping("/quan-tri/tai-khoan")
public class AccountAdminController {
    private final AccountService accounts;
    private final AgencyService agencies;

    public AccountAdminController(AccountService accounts, AgencyService agencies) {
        this.accounts = accounts;
        this.agencies = agencies;
    }

    @GetMapping
    String list(Model model) {
        return page(model, List.of());
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String password, @RequestParam String fullName,
                  @RequestParam(required = false) String email, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long agencyId, Model model, RedirectAttributes redirect) {
        try {
            List<RoleGrant> roles = role == null ? List.of() : List.of(new RoleGrant(role, agencyId));
            accounts.create(new NewAccount(username, password, fullName, AccountType.OFFICER, email, null, null, null, roles));
            redirect.addFlashAttribute("saved", "Đã tạo tài khoản " + username + ".");
            return "redirect:/quan-tri/tai-khoan";
        } catch (ValidationException e) {
            return page(model, e.problems());
        }
    }

    @PostMapping("/{id}/vai-tro")
    String grant(@PathVariable long id, @RequestParam(required = false) Role role, @RequestParam(required = false) Long agencyId,
                 Model model, RedirectAttributes redirect) {
        try {
            if (role == null) {
                throw ValidationException.of("role", "Chưa chọn vai trò.");
            }
            accounts.grant(id, role, agencyId);
            redirect.addFlashAttribute("saved", "Đã cấp vai trò.");
            return "redirect:/quan-tri/tai-khoan";
        } catch (ValidationException e) {
            return page(model, e.problems());
        }
    }

    @PostMapping("/{id}/trang-thai")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled);
        redirect.addFlashAttribute("saved", enabled ? "Đã mở khóa tài khoản." : "Đã khóa tài khoản.");
        return "redirect:/quan-tri/tai-khoan";
    }

    private String page(Model model, List<FieldProblem> problems) {
        Map<Long, Agency> units = agencies.byId();
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("units", units);
        model.addAttribute("active", agencies.activeOn(agencies.today()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("problems", problems);
        return "identity/accounts";
    }
}
