package vn.motcua.control.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;

import java.util.List;
import java.util.Set;

/** The choices the control forms offer: the units the officer works over and the procedures in force. */
@Component
class ControlForms {
    private final AgencyService agencies;
    private final CatalogService catalog;

    ControlForms(AgencyService agencies, CatalogService catalog) {
        this.agencies = agencies;
        this.catalog = catalog;
    }

    void agencies(Model model) {
        CurrentUser user = Pages.user();
        Set<Long> scope = null;
        if (!user.has(Role.ADMIN)) {
            scope = new java.util.HashSet<>();
            for (long u : user.unitsFor(Role.TTHC_CONTROL)) {
                scope.addAll(agencies.subtree(u));
            }
        }
        Set<Long> s = scope;
        List<Agency> list = agencies.activeOn(agencies.today()).stream().filter(a -> s == null || s.contains(a.id()))
                .sorted(vn.motcua.shared.VietnameseText.by(Agency::name)).toList();
        model.addAttribute("agencies", list);
    }

    void procedures(Model model) {
        List<ProcedureVersion> list = catalog.allInForce(agencies.today());
        model.addAttribute("procedures", list.stream().map(v -> new Choice(v.code(), v.code() + " — " + v.name())).toList());
    }

    record Choice(String value, String label) {
    }
}
