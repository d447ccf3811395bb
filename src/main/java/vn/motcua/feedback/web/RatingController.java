package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.QrCodes;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.web.Refusals;

import java.util.Map;

/**
 * Rating pages: the applicant's rating on "my dossiers", the rating from the public tracking page, the counter kiosk (a
 * tablet without login showing the dossier its officer just returned) and the officer's page pairing kiosks.
 */
@Controller
class RatingController {
    private final RatingService ratings;

    RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/ho-so-cua-toi/{id}/danh-gia")
    String rateMine(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            ratings.rateAsApplicant(id, Forms.rating(form), CurrentUser.get().orElseThrow());
            redirect.addFlashAttribute("saved", "flash.rating.saved");
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("ratingError", Forms.message(e));
        }
        return "redirect:/ho-so-cua-toi/" + id + "#rating-box";
    }

    /** From the tracking page: the tracking values come again in the body and are checked again. */
    @PostMapping("/tra-cuu/danh-gia")
    String rateTracked(@RequestParam(name = "ma", required = false) String code, @RequestParam(name = "bimat", required = false) String secret,
                       @RequestParam(name = "kiemtra", required = false) String check, @RequestParam Map<String, String> form,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("code", code);
        try {
            model.addAttribute("rating", ratings.rateFromTracking(code, secret, check, request.getRemoteAddr(), Forms.rating(form)));
        } catch (ValidationException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("error", Forms.message(e));
        } catch (NotFoundException | TooManyAttemptsException e) {
            model.addAttribute("error", Refusals.answer(e, response));
        }
        return "feedback/rated";
    }

    // ------------------------------------------------------------------ the counter kiosk

    @GetMapping("/quay-danh-gia/{token}")
    String kiosk(@PathVariable String token, HttpServletRequest request, Model model) {
        model.addAttribute("screen", ratings.kioskScreen(token, request.getRemoteAddr()));
        model.addAttribute("token", token);
        return "feedback/kiosk";
    }

    /** The waiting part of the kiosk, polled by htmx until the officer returns a dossier. */
    @GetMapping("/quay-danh-gia/{token}/man-hinh")
    String kioskScreen(@PathVariable String token, HttpServletRequest request, Model model) {
        kiosk(token, request, model);
        return "feedback/kiosk :: screen";
    }

    @PostMapping("/quay-danh-gia/{token}")
    String kioskRate(@PathVariable String token, @RequestParam(defaultValue = "0") long dossierId, @RequestParam Map<String, String> form,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            ratings.rateAtKiosk(token, dossierId, Forms.rating(form), request.getRemoteAddr());
            model.addAttribute("thanks", true);
        } catch (ValidationException | ConflictException e) {
            response.setStatus(422);
            model.addAttribute("error", Forms.message(e));
        }
        return kiosk(token, request, model);
    }

    // ------------------------------------------------------------------ pairing kiosks

    @GetMapping("/can-bo/quay-danh-gia")
    String kiosks(Model model) {
        CurrentUser user = officer();
        model.addAttribute("kiosks", ratings.kiosks(user));
        return "feedback/kiosks";
    }

    @PostMapping("/can-bo/quay-danh-gia")
    String pair(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            RatingService.KioskPairing p = ratings.pairKiosk(officer(), name);
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/quay-danh-gia/" + p.token()).toUriString();
            redirect.addFlashAttribute("pairedUrl", url);
            redirect.addFlashAttribute("pairedQr", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(QrCodes.png(url, 220)));
            redirect.addFlashAttribute("saved", "flash.kiosk.paired");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("kioskError", Forms.message(e));
        }
        return "redirect:/can-bo/quay-danh-gia";
    }

    @PostMapping("/can-bo/quay-danh-gia/{id}/thu-hoi")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        ratings.revokeKiosk(id, officer());
        redirect.addFlashAttribute("saved", "flash.kiosk.revoked");
        return "redirect:/can-bo/quay-danh-gia";
    }

    private static CurrentUser officer() {
        CurrentUser u = CurrentUser.get().orElseThrow();
        if (!u.has(Role.RECEIVING_OFFICER)) {
            throw new org.springframework.security.access.AccessDeniedException("receiving officers only");
        }
        return u;
    }
}
