package vn.motcua.feedback.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatistics;
import vn.motcua.shared.web.Chart;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.SatisfactionRow;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.web.Labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Public statistics of what applicants say: satisfaction per agency and procedure (and, for leaders and control officers,
 * per officer), feedback by category, status and timeliness, with charts and the same figures in tables.
 */
@Controller
class StatisticsController {
    private final RatingService ratings;
    private final FeedbackService feedback;
    private final AgencyService agencies;
    private final AccountService accounts;
    private final Labels labels;
    private final ObjectMapper json;

    StatisticsController(RatingService ratings, FeedbackService feedback, AgencyService agencies, AccountService accounts, Labels labels,
                         ObjectMapper json) {
        this.ratings = ratings;
        this.feedback = feedback;
        this.agencies = agencies;
        this.accounts = accounts;
        this.labels = labels;
        this.json = json;
    }

    /** The period asked for; a wrong one is explained and the default shown instead. */
    private LocalDate[] period(LocalDate from, LocalDate to, Model model) {
        LocalDate[] p;
        try {
            p = Forms.statisticsPeriod(from, to, agencies.today(), "tu");
        } catch (vn.motcua.shared.ValidationException e) {
            model.addAttribute("problems", e.problems());
            p = Forms.statisticsPeriod(null, null, agencies.today(), "tu");
        }
        model.addAttribute("from", p[0]);
        model.addAttribute("to", p[1]);
        return p;
    }

    @GetMapping("/thong-ke/hai-long")
    String satisfaction(@RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate[] p = period(from, to, model);
        List<SatisfactionRow> byAgency = ratings.byAgency(p[0], p[1]);
        model.addAttribute("byAgency", byAgency);
        model.addAttribute("total", SatisfactionRow.sum(byAgency));
        model.addAttribute("byProcedure", ratings.byProcedure(p[0], p[1]).stream().limit(30).toList());
        boolean internal = CurrentUser.get().map(u -> u.has(Role.LEADER) || u.has(Role.TTHC_CONTROL) || u.has(Role.ADMIN)).orElse(false);
        if (internal) {
            Map<String, String> names = new java.util.HashMap<>();
            accounts.list().forEach(a -> names.put(a.username(), a.fullName()));
            model.addAttribute("byOfficer", ratings.byOfficer(p[0], p[1], u -> names.getOrDefault(u, u)));
        }
        List<SatisfactionRow> top = byAgency.stream().limit(12).toList();
        Map<Long, Agency> units = agencies.byId();
        List<String> shortNames = top.stream().map(r -> java.util.Optional.ofNullable(units.get(Long.parseLong(r.key())))
                .map(x -> x.shortName() != null && !x.shortName().isBlank() ? x.shortName() : x.name()).orElse(r.name())).toList();
        model.addAttribute("chart", write(new Chart("bar", true, true, shortNames, List.of(
                new Chart.Series(labels.flash("rating.level.VERY_SATISFIED"), top.stream().map(r -> (Number) r.very()).toList()),
                new Chart.Series(labels.flash("rating.level.SATISFIED"), top.stream().map(r -> (Number) r.satisfied()).toList()),
                new Chart.Series(labels.flash("rating.level.NOT_SATISFIED"), top.stream().map(r -> (Number) r.notSatisfied()).toList())))));
        return "feedback/satisfaction";
    }

    @GetMapping("/thong-ke/phan-anh")
    String feedbackStats(@RequestParam(name = "tu", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(name = "den", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate[] p = period(from, to, model);
        FeedbackStatistics s = feedback.statistics(p[0], p[1], null);
        model.addAttribute("s", s);
        Map<Long, Agency> names = agencies.byId();
        List<Map.Entry<String, FeedbackStatistics>> perAgency = new ArrayList<>();
        feedback.statisticsByAgency(p[0], p[1]).forEach((id, st) -> perAgency.add(Map.entry(names.get(id).name(), st)));
        perAgency.sort(Map.Entry.comparingByValue((a, b) -> Long.compare(b.received(), a.received())));
        model.addAttribute("perAgency", perAgency);
        List<FeedbackCategory> cats = Arrays.asList(FeedbackCategory.values());
        model.addAttribute("categoryChart", write(new Chart("pie", false, false, cats.stream().map(labels::of).toList(),
                List.of(new Chart.Series("", cats.stream().map(c -> (Number) s.byCategory().get(c)).toList())))));
        List<FeedbackStatus> statuses = Arrays.asList(FeedbackStatus.values());
        model.addAttribute("statusChart", write(new Chart("bar", false, false, statuses.stream().map(labels::of).toList(),
                List.of(new Chart.Series(labels.flash("fb.stats.count"), statuses.stream().map(x -> (Number) s.byStatus().get(x)).toList())))));
        return "feedback/feedback-stats";
    }

    private String write(Chart c) {
        try {
            // "</" cannot end the script element it is written into
            return json.writeValueAsString(c).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
