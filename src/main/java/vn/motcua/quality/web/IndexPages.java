package vn.motcua.quality.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Period;
import vn.motcua.quality.QualityService;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;

/** What the index pages share: the period and unit read from the query, and chart data written for charts.js. */
@Component
class IndexPages {
    private final QualityService quality;
    private final ObjectMapper json;

    IndexPages(QualityService quality, ObjectMapper json) {
        this.quality = quality;
        this.json = json;
    }

    /** A line or bar chart for static/js/charts.js. */
    record Chart(String type, boolean stacked, boolean horizontal, boolean line, List<String> labels, List<Series> series) {
        record Series(String name, List<Number> values) {
        }
    }

    String write(Chart c) {
        try {
            return json.writeValueAsString(c).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The period of the query (ky), the current month when missing; a bad one is reported on the page and the default used. */
    Period period(String key, Period fallback, Model model) {
        if (key == null || key.isBlank()) {
            return fallback;
        }
        try {
            return quality.period(key, "ky");
        } catch (ValidationException e) {
            problems(model).addAll(e.problems());
            return fallback;
        }
    }

    /** The unit of the query (donVi), the province when missing or unknown (reported). */
    QualityService.Unit unit(Long id, Model model) {
        if (id == null) {
            return quality.unit(IndexCard.PROVINCE);
        }
        try {
            return quality.unit(id);
        } catch (vn.motcua.shared.NotFoundException e) {
            problems(model).add(new FieldProblem("donVi", e.getMessage()));
            return quality.unit(IndexCard.PROVINCE);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(Model model) {
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", new ArrayList<FieldProblem>());
        }
        return (List<FieldProblem>) model.getAttribute("problems");
    }

    /** The months a picker offers: the last 24, most recent first. */
    List<Period> recentMonths() {
        List<Period> out = new ArrayList<>();
        Period p = quality.currentMonth();
        for (int i = 0; i < 24; i++) {
            out.add(p);
            p = p.previous();
        }
        return out;
    }
}
