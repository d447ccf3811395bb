package vn.motcua.feedback.internal;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.identity.CurrentUser;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Đánh giá mức độ hài lòng" on the dossier's pages: the rating form for the applicant (own page) and for the holder of
 * the tracking values (tracking page) once the result is returned, with the rating given so far and its changes; the
 * officers see the rating read-only.
 */
@Component
class RatingPanel implements DossierPanel {
    private final RatingService ratings;

    RatingPanel(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public Optional<View> view(Dossier d, Audience audience, CurrentUser viewer) {
        Optional<Rating> rating = ratings.ofDossier(d.id());
        boolean ratable = RatingService.ratable(d);
        if (!ratable && rating.isEmpty()) {
            return Optional.empty();
        }
        if (audience == Audience.OFFICER && rating.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("d", d);
        m.put("rating", rating.orElse(null));
        m.put("changes", audience == Audience.TRACKING ? java.util.List.of() : rating.map(ratings::changes).orElse(java.util.List.of()));
        m.put("audience", audience.name());
        m.put("canRate", ratable && audience != Audience.OFFICER);
        m.put("action", audience == Audience.APPLICANT ? "/ho-so-cua-toi/" + d.id() + "/danh-gia" : "/tra-cuu/danh-gia");
        return Optional.of(new View("feedback/rating-panel", "panel", 30, m));
    }
}
