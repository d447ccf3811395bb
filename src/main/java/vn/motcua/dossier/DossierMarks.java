package vn.motcua.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Short marks another module puts on dossiers in the officers' queues and the applicant's list, such as "waiting for
 * payment" or "not rated yet", so that they are seen without opening each dossier. Like {@link DossierPanel}, the dossier module asks every
 * implementation and knows nothing of what it says.
 */
public interface DossierMarks {

    /** A mark: a message key (looked up in the page's language) and a style, {@code warn} or {@code ok}. */
    record Mark(String messageKey, String style) {
    }

    /** Dossier id → the marks for those of the given dossiers this module has something to say about. */
    Map<Long, List<Mark>> marks(Collection<Dossier> dossiers);
}
