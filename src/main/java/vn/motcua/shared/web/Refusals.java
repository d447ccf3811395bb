package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;

/**
 * For a page that shows a refusal on itself (the tracking pages) rather than on the error page: the status the
 * refusal answers with — 404 for "not found", 429 with {@code Retry-After} for too many attempts — and its message.
 */
public final class Refusals {
    private Refusals() {
    }

    /** Sets the response's status (and Retry-After) for the refusal and returns the message to show. */
    public static String answer(RuntimeException e, HttpServletResponse response) {
        if (e instanceof TooManyAttemptsException t) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
        } else if (e instanceof NotFoundException) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        } else {
            throw e;
        }
        return e.getMessage();
    }
}
