package vn.motcua.shared;

/** A partner system (payment platform, message provider …) did not answer in time; nothing was saved, try again later. */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
