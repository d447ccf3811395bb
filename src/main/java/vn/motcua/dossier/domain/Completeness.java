package vn.motcua.dossier.domain;

import vn.motcua.catalog.Component;
import vn.motcua.shared.Problems;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completeness check at intake is made against the published components of the procedure version
 * only: an officer can neither demand nor record a document outside that list.
 */
public final class Completeness {
    private Completeness() {
    }

    /** Required components the applicant did not present. */
    public static List<Component> missing(List<Component> published, Set<Long> presented) {
        return published.stream().filter(c -> c.required() && !presented.contains(c.id())).toList();
    }

    /** Problems when the presented list names anything that is not a published component. */
    public static void onlyPublished(List<Component> published, Set<Long> presented, Problems p) {
        Set<Long> ids = published.stream().map(Component::id).collect(Collectors.toSet());
        for (Long id : presented) {
            if (!ids.contains(id)) {
                p.add("documents", "Giấy tờ mã " + id + " không thuộc thành phần hồ sơ đã công bố của thủ tục; "
                        + "không được yêu cầu hay tiếp nhận giấy tờ ngoài danh mục.");
            }
        }
    }

    /** The supplement request lists exactly the missing published components, by name. */
    public static String supplementList(List<Component> missing) {
        StringBuilder sb = new StringBuilder();
        for (Component c : missing) {
            sb.append("- ").append(c.name()).append(" (").append(c.quantity()).append(")\n");
        }
        return sb.toString().trim();
    }
}
