package vn.motcua.feedback.internal;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierMarks;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.RatingService;
import vn.motcua.feedback.Satisfaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "Chưa đánh giá" / the level given, on returned dossiers in the applicant's list and the officers' queues. */
@Component
class RatingMarks implements DossierMarks {
    private static final Mark NOT_RATED = new Mark("mark.rating.none", "warn");
    private static final Mark LIKED = new Mark("mark.rating.liked", "ok");
    private static final Mark DISLIKED = new Mark("mark.rating.disliked", "late");

    private final RatingService ratings;

    RatingMarks(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public Map<Long, List<Mark>> marks(Collection<Dossier> dossiers) {
        List<Long> returned = dossiers.stream().filter(RatingService::ratable).map(Dossier::id).toList();
        Map<Long, Rating> rated = ratings.ofDossiers(returned);
        Map<Long, List<Mark>> out = new HashMap<>();
        for (long id : returned) {
            Rating r = rated.get(id);
            out.put(id, List.of(r == null ? NOT_RATED : r.satisfaction() == Satisfaction.NOT_SATISFIED ? DISLIKED : LIKED));
        }
        return out;
    }
}
