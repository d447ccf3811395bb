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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import vn.motcua.shared.AttemptLimiter;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.TooManyAttemptsException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Login page and self-registration of citizens and businesses. */
@Controller
public class LoginController {
    private final AccountService accounts;
    /** Registrations per client address: 10 an hour freely, then slower, locked for an hour after 30. */
    private final AttemptLimiter registrations;

    public LoginController(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.registrations = new AttemptLimiter(clock, 10, Duration.ofSeconds(10), 30, Duration.ofHours(1), Duration.ofHours(1), 50_000);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> nationalIdentity;

    @GetMapping("/dang-nhap")
    String login(Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("vneid", nationalIdentity != null && nationalIdentity.getIfAvailable() != null);
        var session = request.getSession(false);
        if (session != null && session.getAttribute(vn.motcua.identity.internal.SecurityConfig.NATIONAL_IDENTITY_ERROR) != null) {
            model.addAttribute("vneidError", session.getAttribute(vn.motcua.identity.internal.SecurityConfig.NATIONAL_IDENTITY_ERROR));
            session.removeAttribute(vn.motcua.identity.internal.SecurityConfig.NATIONAL_IDENTITY_ERROR);
        }
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
                    @RequestParam(required = false) String email, Model model, RedirectAttributes redirect, HttpServletRequest request,
                    HttpServletResponse response) {
        Optional<Duration> wait = registrations.blockedFor(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            model.addAttribute("problems", List.of(new FieldProblem("username", "Có quá nhiều lần đăng ký từ địa chỉ của bạn. Vui lòng thử lại sau "
                    + TooManyAttemptsException.describe(wait.get()) + ".")));
            return "identity/register";
        }
        registrations.failed(request.getRemoteAddr());
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
