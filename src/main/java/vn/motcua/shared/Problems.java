package vn.motcua.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems so that all of them are reported at once. */
public final class Problems {
    private final List<FieldProblem> list = new ArrayList<>();

    public Problems add(String field, String message) {
        list.add(new FieldProblem(field, message));
        return this;
    }

    public Problems require(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    public Problems requireText(String value, String field, String label) {
        return require(value != null && !value.isBlank(), field, label + " không được để trống.");
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ValidationException} when any problem was found. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
