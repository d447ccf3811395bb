package vn.motcua.dossier.domain;

import vn.motcua.catalog.Component;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.shared.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completeness check at intake is made against the published components of the procedure version
 * only: an officer can neither demand nor record a document outside that list.
 */
public final class Completeness {
    private Completeness() {
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

    /**
     * The items of a supplement request: every required component not presented (its reason defaults to "not
     * submitted"), and every presented one whose defect the officer described. Only published components can be
     * named: a reason for anything else is refused, and there is no free text to ask for other documents.
     */
    public static List<SupplementRequest.Item> supplementItems(List<Component> published, Set<Long> presented, Map<Long, String> defects,
                                                               Problems p) {
        Map<Long, String> reasons = defects == null ? Map.of() : defects;
        Set<Long> ids = published.stream().map(Component::id).collect(Collectors.toSet());
        for (Long id : reasons.keySet()) {
            if (!ids.contains(id) && reasons.get(id) != null && !reasons.get(id).isBlank()) {
                p.add("defects", "Giấy tờ mã " + id + " không thuộc thành phần hồ sơ đã công bố; không được yêu cầu bổ sung giấy tờ ngoài danh mục.");
            }
        }
        List<SupplementRequest.Item> items = new ArrayList<>();
        for (Component c : published) {
            String reason = reasons.get(c.id());
            boolean described = reason != null && !reason.isBlank();
            if (described && reason.trim().length() > 1000) {
                p.add("defects", c.name() + ": lý do dài quá 1000 ký tự.");
            }
            if (c.required() && !presented.contains(c.id())) {
                items.add(new SupplementRequest.Item(c.id(), c.name(), described ? reason.trim() : "Chưa nộp (" + c.quantity() + ")."));
            } else if (described) {
                items.add(new SupplementRequest.Item(c.id(), c.name(), reason.trim()));
            }
        }
        return items;
    }

    /** The request as one text for the history: one line per item with its reason. */
    public static String describe(List<SupplementRequest.Item> items) {
        StringBuilder sb = new StringBuilder();
        for (SupplementRequest.Item i : items) {
            sb.append("- ").append(i.componentName()).append(": ").append(i.reason()).append('\n');
        }
        return sb.toString().trim();
    }
}
