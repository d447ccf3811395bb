package vn.motcua.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.identity.domain.Totp;
import vn.motcua.shared.QrCodes;
import vn.motcua.shared.ValidationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The user's own security page: change the password, turn the second factor (TOTP) on or off, see every session
 * signed in with the account (where from, since when, last used) and end any of them.
 */
@Controller
public class AccountSecurityController {
    /** Session attributes written at login, shown in the session list. */
    public static final String ADDRESS = "motcua.login.address";
    public static final String AGENT = "motcua.login.agent";
    private static final String PENDING_SECRET = "motcua.totp.pending";
    private final AccountService accounts;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;

    public AccountSecurityController(AccountService accounts, FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A session as its owner sees it: a fingerprint of its id (never the id itself). */
    public record SessionView(String fingerprint, LocalDateTime created, LocalDateTime lastUsed, String address, String agent, boolean current) {
    }

    @GetMapping("/tai-khoan/bao-mat")
    String page(@AuthenticationPrincipal CurrentUser.Principal me, HttpSession session, Model model) {
        CurrentUser user = me.user();
        model.addAttribute("twoFactor", accounts.secondFactorEnabled(user.id()));
        model.addAttribute("twoFactorRequired", user.has(Role.ADMIN));
        model.addAttribute("sessions", sessionsOf(user, session.getId()));
        String pending = (String) session.getAttribute(PENDING_SECRET);
        if (pending != null) {
            String uri = Totp.uri("MotCua", user.username(), pending);
            model.addAttribute("pendingSecret", pending.replaceAll("(.{4})", "$1 ").trim());
            model.addAttribute("pendingQr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(uri, 220)));
            model.addAttribute("pendingUri", uri);
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "identity/security";
    }

    @PostMapping("/tai-khoan/bao-mat/mat-khau")
    String changePassword(@AuthenticationPrincipal CurrentUser.Principal me, @RequestParam(required = false) String current,
                          @RequestParam(required = false) String password, HttpSession session, RedirectAttributes redirect) {
        try {
            accounts.changePassword(me.user().id(), current, password);
            endOthers(me.user(), session.getId());
            redirect.addFlashAttribute("saved", "flash.security.password");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/tai-khoan/bao-mat";
    }

    @PostMapping("/tai-khoan/bao-mat/hai-buoc/bat-dau")
    String startSecondFactor(HttpSession session) {
        session.setAttribute(PENDING_SECRET, Totp.newSecret());
        return "redirect:/tai-khoan/bao-mat#hai-buoc";
    }

    @PostMapping("/tai-khoan/bao-mat/hai-buoc/xac-nhan")
    String confirmSecondFactor(@AuthenticationPrincipal CurrentUser.Principal me, @RequestParam(required = false) String code,
                               HttpSession session, RedirectAttributes redirect) {
        String pending = (String) session.getAttribute(PENDING_SECRET);
        try {
            if (pending == null) {
                throw ValidationException.of("code", "Hãy bấm \"Bật xác thực hai bước\" để nhận mã bí mật trước.");
            }
            accounts.enableSecondFactor(me.user().id(), pending, code);
            session.removeAttribute(PENDING_SECRET);
            redirect.addFlashAttribute("saved", "flash.security.twoFactorOn");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/tai-khoan/bao-mat";
    }

    @PostMapping("/tai-khoan/bao-mat/hai-buoc/tat")
    String disableSecondFactor(@AuthenticationPrincipal CurrentUser.Principal me, @RequestParam(required = false) String current,
                               @RequestParam(required = false) String code, RedirectAttributes redirect) {
        try {
            accounts.disableSecondFactor(me.user().id(), current, code);
            redirect.addFlashAttribute("saved", "flash.security.twoFactorOff");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/tai-khoan/bao-mat";
    }

    @PostMapping("/tai-khoan/bao-mat/phien/ket-thuc")
    String endSession(@AuthenticationPrincipal CurrentUser.Principal me, @RequestParam(required = false) String id, HttpSession session,
                      RedirectAttributes redirect) {
        sessions.findByPrincipalName(me.user().username()).keySet().stream()
                .filter(sid -> fingerprint(sid).equals(id) && !sid.equals(session.getId()))
                .findFirst().ifPresent(sid -> {
                    sessions.deleteById(sid);
                    audit.record("session.ended", "account", me.user().id(), null, Map.of("session", fingerprint(sid)));
                    redirect.addFlashAttribute("saved", "flash.security.sessionEnded");
                });
        return "redirect:/tai-khoan/bao-mat";
    }

    @PostMapping("/tai-khoan/bao-mat/phien/ket-thuc-khac")
    String endOtherSessions(@AuthenticationPrincipal CurrentUser.Principal me, HttpSession session, RedirectAttributes redirect) {
        endOthers(me.user(), session.getId());
        redirect.addFlashAttribute("saved", "flash.security.sessionEnded");
        return "redirect:/tai-khoan/bao-mat";
    }

    private void endOthers(CurrentUser user, String currentId) {
        int ended = 0;
        for (String sid : sessions.findByPrincipalName(user.username()).keySet()) {
            if (!sid.equals(currentId)) {
                sessions.deleteById(sid);
                ended++;
            }
        }
        if (ended > 0) {
            audit.record("session.ended-others", "account", user.id(), null, Map.of("ended", ended));
        }
    }

    private List<SessionView> sessionsOf(CurrentUser user, String currentId) {
        return sessions.findByPrincipalName(user.username()).values().stream()
                .map(s -> new SessionView(fingerprint(s.getId()), local(s.getCreationTime()), local(s.getLastAccessedTime()),
                        s.getAttribute(ADDRESS), s.getAttribute(AGENT), s.getId().equals(currentId)))
                .sorted(Comparator.comparing(SessionView::lastUsed).reversed()).toList();
    }

    /** Records where a new session comes from (called at login). */
    public static void remember(HttpServletRequest request) {
        HttpSession s = request.getSession();
        s.setAttribute(ADDRESS, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        s.setAttribute(AGENT, agent == null ? "" : agent.length() > 200 ? agent.substring(0, 200) : agent);
    }

    static String fingerprint(String sessionId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime local(Instant i) {
        return LocalDateTime.ofInstant(i, vn.motcua.shared.ApplicationClock.VIETNAM);
    }
}
