package vn.motcua.shared;

/** Someone else changed the record first (optimistic locking) or the state forbids the action. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
