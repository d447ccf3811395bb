package vn.motcua.dossier;

import vn.motcua.identity.CurrentUser;

import java.util.Map;
import java.util.Optional;

/**
 * A section another module adds to the dossier's pages (the officer's page and the applicant's own page), such as what
 * is due and paid, or the messages sent about the dossier. The dossier module knows nothing of what it shows: it
 * asks every panel for its template fragment and model and renders them in order, so that modules above it add to
 * its pages without it depending on them.
 */
public interface DossierPanel {

    /**
     * Who looks at the page: an officer, the applicant on their own page, or anyone on the public tracking page after
     * giving the dossier code, its tracking secret and the check digits (no account: the viewer is null there, and the
     * page's {@code code}, {@code secret} and {@code check} are in the template's context for forms that must prove the
     * same again).
     */
    enum Audience { OFFICER, APPLICANT, TRACKING }

    /** What to render: a Thymeleaf template and fragment name taking one parameter {@code p} (the model). */
    record View(String template, String fragment, int order, Map<String, Object> model) {
    }

    /** The view for this dossier and viewer, or empty when the panel has nothing to show. */
    Optional<View> view(Dossier d, Audience audience, CurrentUser viewer);

    /** The views of all panels for a page, in their order. */
    static java.util.List<View> views(java.util.stream.Stream<DossierPanel> panels, Dossier d, Audience audience, CurrentUser viewer) {
        return panels.map(p -> p.view(d, audience, viewer)).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingInt(View::order)).toList();
    }
}
