package vn.motcua.control.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.control.ReviewService;
import vn.motcua.organization.AgencyService;

import java.util.List;

/** The choices the control forms offer: the units the officer works over and the procedures in force. */
@Component
class ControlForms {
    private final AgencyService agencies;
    private final CatalogService catalog;
    private final ReviewService reviews;

    ControlForms(AgencyService agencies, CatalogService catalog, ReviewService reviews) {
        this.agencies = agencies;
        this.catalog = catalog;
        this.reviews = reviews;
    }

    void agencies(Model model) {
        model.addAttribute("agencies", reviews.choosableUnits(Pages.user()));
    }

    void procedures(Model model) {
        List<ProcedureVersion> list = catalog.allInForce(agencies.today());
        model.addAttribute("procedures", list.stream().map(v -> new Choice(v.code(), v.code() + " — " + v.name())).toList());
    }

    record Choice(String value, String label) {
    }
}
