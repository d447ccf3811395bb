package vn.motcua.control.web;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/** What the control pages share: who is acting, and the post → redirect → get of every action with its outcome. */
final class Pages {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Pages() {
    }

    static CurrentUser user() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("not logged in"));
    }

    /**
     * Runs an action of a form that is not shown again: on success the flash message, on a refusal its reasons, then back
     * to the page.
     */
    static String act(RedirectAttributes r, String back, String flash, Runnable action) {
        try {
            action.run();
            r.addFlashAttribute("saved", flash);
        } catch (ValidationException e) {
            r.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return "redirect:" + back;
    }

    /**
     * Runs the action of a form that is shown again when refused: on success redirects where {@code next} says (with the
     * flash message), on a refusal puts the reasons in the model and returns null so that the page renders again.
     */
    static String create(Model model, RedirectAttributes r, String flash, Supplier<String> next) {
        try {
            String to = next.get();
            r.addFlashAttribute("saved", flash);
            return "redirect:" + to;
        } catch (ValidationException e) {
            model.addAttribute("problems", e.problems());
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return null;
    }

    /** A date parameter of a filter (ISO), or the default when missing; a bad one is reported and the default used. */
    static LocalDate date(String value, LocalDate fallback, String field, Model model) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            model.addAttribute("problems", List.of(new FieldProblem(field, "Ngày không hợp lệ (ví dụ 2026-05-30).")));
            return fallback;
        }
    }

    /** A year parameter of a filter, or the default; a bad one is reported and the default used. */
    static int year(String value, int fallback, Model model) {
        Integer y = parseYear(value);
        if (y == null && value != null && !value.isBlank()) {
            model.addAttribute("problems", List.of(new FieldProblem("nam", "Năm không hợp lệ.")));
        }
        return y == null ? fallback : y;
    }

    /** A year parameter (2000–2100), or the default when missing or bad. */
    static int year(String value, int fallback) {
        Integer y = parseYear(value);
        return y == null ? fallback : y;
    }

    private static Integer parseYear(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            return y >= 2000 && y <= 2100 ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
