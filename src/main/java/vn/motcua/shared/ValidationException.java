package vn.motcua.shared;

import java.util.List;

/** Input that breaks a rule. Nothing was saved. */
public class ValidationException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Dữ liệu không hợp lệ" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Every problem's message once, in one text (for a page that shows them in one line). */
    public String allMessages() {
        return problems.stream().map(FieldProblem::message).distinct().collect(java.util.stream.Collectors.joining(" "));
    }
}
