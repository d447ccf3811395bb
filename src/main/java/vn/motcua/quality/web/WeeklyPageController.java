package vn.motcua.quality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.QualityService;
import vn.motcua.quality.WeeklyReviewService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Monday review of a unit's week (seed 004 item 9), the province's view of who reviewed, and the portal's scores. */
@Controller
class WeeklyPageController {
    private final WeeklyReviewService reviews;
    private final QualityService quality;

    WeeklyPageController(WeeklyReviewService reviews, QualityService quality) {
        this.reviews = reviews;
        this.quality = quality;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    @GetMapping("/chi-so/tuan")
    String week(@RequestParam(name = "donVi", required = false) Long unitId, @RequestParam(name = "tuan", required = false) String week, Model model) {
        LocalDate start = reviews.lastWeek();
        if (week != null && !week.isBlank()) {
            try {
                start = WeeklyReviewService.monday(LocalDate.parse(week.trim()));
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("problems", List.of(new FieldProblem("tuan", "Ngày không hợp lệ: " + week)));
            }
        }
        CurrentUser u = user();
        Long unit = unitId;
        if (unit == null && u.has(Role.LEADER) && !u.has(Role.TTHC_CONTROL)) {
            unit = quality.units().stream().map(QualityService.Unit::id).filter(id -> id != IndexCard.PROVINCE && reviews.mayDirect(u, id))
                    .findFirst().orElse(null);
        }
        model.addAttribute("weekStart", start);
        model.addAttribute("units", quality.units());
        model.addAttribute("today", quality.today());
        if (unit == null || unit == IndexCard.PROVINCE) {
            model.addAttribute("status", reviews.status(start));
            return "quality/weeks";
        }
        try {
            model.addAttribute("w", reviews.review(unit, start));
        } catch (NotFoundException e) {
            model.addAttribute("problems", List.of(new FieldProblem("donVi", e.getMessage())));
            model.addAttribute("status", reviews.status(start));
            return "quality/weeks";
        }
        model.addAttribute("mayDirect", reviews.mayDirect(u, unit));
        model.addAttribute("groups", quality.groupNames());
        model.addAttribute("indicators", quality.indicators());
        return "quality/week";
    }

    private static String back(long unitId, String week) {
        return "redirect:/chi-so/tuan?donVi=" + unitId + (week == null ? "" : "&tuan=" + week);
    }

    private static String act(RedirectAttributes r, String back, String flash, Runnable action) {
        try {
            action.run();
            r.addFlashAttribute("saved", flash);
        } catch (ValidationException e) {
            r.addFlashAttribute("problems", e.problems());
        } catch (ConflictException | NotFoundException e) {
            r.addFlashAttribute("problems", List.of(new FieldProblem("", e.getMessage())));
        }
        return back;
    }

    @PostMapping("/chi-so/tuan/phan-cong")
    String assign(@RequestParam(name = "donVi") long unitId, @RequestParam(name = "nhom") int group, @RequestParam(name = "nguoi", required = false) String who,
                  @RequestParam(name = "tuan", required = false) String week, RedirectAttributes r) {
        return act(r, back(unitId, week) + "#assignments", "flash.quality.assigned", () -> reviews.assign(unitId, group, who, user()));
    }

    @PostMapping("/chi-so/tuan/kiem-tra")
    String reviewed(@RequestParam(name = "donVi") long unitId, @RequestParam(name = "tuan") String week, @RequestParam(required = false) String note,
                    RedirectAttributes r) {
        return act(r, back(unitId, week), "flash.quality.reviewed", () -> {
            LocalDate start;
            try {
                start = LocalDate.parse(week);
            } catch (java.time.format.DateTimeParseException e) {
                throw ValidationException.of("tuan", "Ngày không hợp lệ: " + week);
            }
            reviews.markReviewed(unitId, start, note, user());
        });
    }

    @PostMapping("/chi-so/tuan/viec")
    String addTask(@RequestParam(name = "donVi") long unitId, @RequestParam(name = "groupNo", required = false) Integer group,
                   @RequestParam(required = false) String indicator, @RequestParam(required = false) String what,
                   @RequestParam(required = false) String assignee, @RequestParam(required = false) String dueOn,
                   @RequestParam(name = "tuan", required = false) String week, RedirectAttributes r) {
        return act(r, back(unitId, week) + "#tasks", "flash.quality.taskAdded", () -> reviews.addTask(unitId,
                new WeeklyReviewService.TaskInput(group == null ? 0 : group, indicator, what, assignee, dueOn), user()));
    }

    @PostMapping("/chi-so/tuan/viec/{id}/xong")
    String finish(@PathVariable long id, @RequestParam(name = "donVi") long unitId, @RequestParam(required = false) Long rowVersion,
                  @RequestParam(required = false) String outcome, @RequestParam(name = "tuan", required = false) String week, RedirectAttributes r) {
        return act(r, back(unitId, week) + "#tasks", "flash.quality.taskDone", () -> reviews.finishTask(id, rowVersion == null ? -1 : rowVersion, outcome, user()));
    }

    // ---------------------------------------------------------------- the portal's scores

    @PostMapping("/chi-so/cong-quoc-gia")
    String portalScores(@RequestParam(name = "donVi") long unitId, @RequestParam(name = "ky") String period, @RequestParam Map<String, String> form,
                        RedirectAttributes r) {
        String back = "redirect:/chi-so?donVi=" + unitId + "&ky=" + java.net.URLEncoder.encode(period, StandardCharsets.UTF_8) + "#portal";
        return act(r, back, "flash.quality.portalSaved", () -> {
            Map<Integer, BigDecimal> points = new LinkedHashMap<>();
            for (int g = 1; g <= 6; g++) {
                String v = form.get("nhom" + g);
                try {
                    points.put(g, v == null || v.isBlank() ? null : new BigDecimal(v.trim().replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw ValidationException.of("group" + g, "Điểm nhóm " + g + " không phải là số: " + v);
                }
            }
            quality.savePortalScores(unitId, period, points, user());
        });
    }

    @PostMapping("/chi-so/cong-quoc-gia/nhap")
    String importPortalScores(@RequestParam(name = "tep", required = false) MultipartFile file, RedirectAttributes r) {
        return act(r, "redirect:/chi-so#portal", "flash.quality.portalImported", () -> {
            if (file == null || file.isEmpty() || file.getSize() > 1_000_000) {
                throw ValidationException.of("file", "Chọn tệp CSV (không quá 1 MB).");
            }
            try {
                quality.importPortalScores(new String(file.getBytes(), StandardCharsets.UTF_8), user());
            } catch (IOException e) {
                throw ValidationException.of("file", "Không đọc được tệp.");
            }
        });
    }
}
