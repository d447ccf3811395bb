package vn.motcua.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;

import java.net.URI;
import java.util.List;

/** Turns errors of the JSON API into RFC 9457 problem+json answers with Vietnamese messages. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ", e.getMessage(), "validation", e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ",
                problems.isEmpty() ? "Dữ liệu không hợp lệ" : problems.get(0).message(), "validation", problems);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e) {
        if (e.getCause() instanceof InputLimits.RejectedText rejected) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ", rejected.getOriginalMessage(), "validation", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "Yêu cầu không đọc được",
                "Nội dung yêu cầu không đúng định dạng JSON hoặc sai kiểu dữ liệu.", "malformed", List.of());
    }

    @ExceptionHandler(vn.motcua.shared.UnavailableException.class)
    ProblemDetail unavailable(vn.motcua.shared.UnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Hệ thống đối tác chưa trả lời", e.getMessage(), "unavailable", List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), "not-found", List.of());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều lần thử", e.getMessage(), "too-many-requests", List.of()));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Yêu cầu không đọc được", "Yêu cầu cần gửi dạng multipart/form-data.", "malformed", List.of());
    }

    /** A value the database refuses (too long for its column, a broken constraint): the transaction rolled back, nothing was saved. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(org.springframework.dao.DataIntegrityViolationException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Dữ liệu không hợp lệ",
                "Dữ liệu quá dài hoặc không hợp lệ cho một trường; không có gì được lưu.", "validation", List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Xung đột dữ liệu", e.getMessage(), "conflict", List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Xung đột dữ liệu",
                "Bản ghi đã được người khác thay đổi. Vui lòng tải lại và thử lại.", "conflict", List.of());
    }

    /** A problem+json answer; {@code type} is the last part of the problem type URI. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail, String type, List<FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("https://motcua.example.vn/problems/" + type));
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }
}
