package vn.motcua.shared;

/** One problem with one input field; the message is meant for the user (Vietnamese). */
public record FieldProblem(String field, String message) implements java.io.Serializable {
}
