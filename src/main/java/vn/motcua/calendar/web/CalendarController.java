package vn.motcua.calendar.web;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.Adjustment;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

/** Administrators enter the Government's yearly decisions on days off and working Saturdays. */
@Controller
public class CalendarController {
    private final WorkingCalendarService calendars;

    public CalendarController(WorkingCalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/quan-tri/lich")
    String page(@RequestParam(name = "nam", required = false) Integer year, Model model) {
        return page(model, year == null ? calendars.now().getYear() : year, List.of());
    }

    @PostMapping("/quan-tri/lich")
    String add(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String reason,
               Model model, RedirectAttributes redirect) {
        try {
            calendars.add(new Adjustment(day, kind, reason), CurrentUser.get().map(CurrentUser::username).orElse("?"));
            redirect.addFlashAttribute("saved", "Đã ghi nhận quyết định.");
            return "redirect:/quan-tri/lich?nam=" + day.getYear();
        } catch (ValidationException e) {
            return page(model, day == null ? calendars.now().getYear() : day.getYear(), e.problems());
        }
    }

    @PostMapping("/quan-tri/lich/xoa")
    String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        calendars.remove(day);
        redirect.addFlashAttribute("saved", "Đã xóa quyết định.");
        return "redirect:/quan-tri/lich?nam=" + day.getYear();
    }

    private String page(Model model, int year, List<FieldProblem> problems) {
        int y = Math.max(1950, Math.min(2150, year));
        model.addAttribute("year", y);
        model.addAttribute("holidays", calendars.calendar().holidaysOf(y));
        model.addAttribute("adjustments", calendars.adjustments(y));
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("problems", problems);
        return "calendar/admin";
    }
}
