package vn.motcua.feedback.web;

import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.Satisfaction;

import java.util.Map;

/** Reading the rating form (the same fields on every page that rates). */
final class Forms {
    private Forms() {
    }

    static RatingService.Input rating(Map<String, String> form) {
        Satisfaction s = null;
        try {
            String v = form.get("satisfaction");
            s = v == null || v.isBlank() ? null : Satisfaction.valueOf(v);
        } catch (IllegalArgumentException ignored) {
            // left null: "choose a level"
        }
        return new RatingService.Input(s, new Rating.Scores(score(form, "scoreTime"), score(form, "scoreContacts"), score(form, "scoreAgencies"),
                score(form, "scoreAttitude"), score(form, "scoreOnline")), form.get("comment"));
    }

    /**
     * The period of the statistics: the days given, by default the last six months up to the end day (today when not
     * given); refused when it runs backwards or spans more than three years (the field is named {@code field}).
     */
    static java.time.LocalDate[] statisticsPeriod(java.time.LocalDate from, java.time.LocalDate to, java.time.LocalDate today, String field) {
        java.time.LocalDate t = to == null ? today : to;
        java.time.LocalDate f = from == null ? t.minusMonths(6).plusDays(1) : from;
        if (f.isAfter(t) || f.isBefore(t.minusYears(3))) {
            throw vn.motcua.shared.ValidationException.of(field, "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 3 năm).");
        }
        return new java.time.LocalDate[]{f, t};
    }

    /** Every problem of a refused input, in one sentence list. */
    static String message(RuntimeException e) {
        return e instanceof vn.motcua.shared.ValidationException v ? v.allMessages() : e.getMessage();
    }

    private static Integer score(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
