package vn.motcua.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.AccountType;
import vn.motcua.identity.NewAccount;
import vn.motcua.shared.ValidationException;

import java.util.List;

/** Login page and self-registration of citizens and businesses. */
@Controller
public class LoginController {
    private final AccountService accounts;

    public LoginController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/dang-nhap")
    String login() {
        return "identity/login";
    }

    @GetMapping("/dang-ky")
    String registerForm(Model model) {
        model.addAttribute("problems", List.of());
        return "identity/register";
    }

    @PostMapping("/dang-ky")
    String register(@RequestParam String username, @RequestParam String password, @RequestParam String fullName,
                    @RequestParam(required = false) AccountType type, @RequestParam(required = false) String idNumber,
                    @RequestParam(required = false) String taxCode, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String email, Model model, RedirectAttributes redirect) {
        try {
            accounts.register(new NewAccount(username, password, fullName, type, email, phone, idNumber, taxCode, null));
            redirect.addFlashAttribute("registered", true);
            return "redirect:/dang-nhap";
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("username", username);
            model.addAttribute("fullName", fullName);
            model.addAttribute("idNumber", idNumber);
            model.addAttribute("taxCode", taxCode);
            model.addAttribute("phone", phone);
            model.addAttribute("email", email);
            return "identity/register";
        }
    }
}
