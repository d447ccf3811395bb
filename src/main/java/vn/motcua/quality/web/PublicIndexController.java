package vn.motcua.quality.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.quality.IndexCard;
import vn.motcua.quality.Period;
import vn.motcua.quality.QualityService;

import java.util.List;

/**
 * The public summary the seeds ask to publish each month (seed 003 item c, seed 004 item 16): the province's score and
 * rating, its groups and every unit's score — no dossier and no personal data.
 */
@Controller
class PublicIndexController {
    private final QualityService quality;
    private final IndexPages pages;

    PublicIndexController(QualityService quality, IndexPages pages) {
        this.quality = quality;
        this.pages = pages;
    }

    @GetMapping("/thong-ke/chi-so")
    String summary(@RequestParam(name = "ky", required = false) String key, Model model) {
        Period period = pages.period(key, quality.currentMonth().previous(), model);
        IndexCard card = quality.card(IndexCard.PROVINCE, period);
        List<IndexCard> ranking = quality.ranking(period);
        model.addAttribute("period", period);
        model.addAttribute("months", pages.recentMonths());
        model.addAttribute("card", card);
        model.addAttribute("ranking", ranking);
        model.addAttribute("groupChart", pages.write(new IndexPages.Chart("bar", false, false, false,
                card.groups().stream().map(g -> g.groupNo() + ". " + g.name()).toList(), List.of(
                new IndexPages.Chart.Series("Điểm đạt", card.groups().stream().map(g -> (Number) g.points()).toList()),
                new IndexPages.Chart.Series("Điểm tối đa", card.groups().stream().map(g -> (Number) g.attainable()).toList())))));
        model.addAttribute("rankingChart", pages.write(new IndexPages.Chart("bar", false, true, false,
                ranking.stream().map(IndexCard::unitName).toList(), List.of(new IndexPages.Chart.Series("Điểm (thang 100)",
                ranking.stream().map(c -> (Number) c.score()).toList())))));
        return "quality/public";
    }
}
