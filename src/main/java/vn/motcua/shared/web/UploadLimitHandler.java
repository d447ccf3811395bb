package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request too large to read fails before any controller is chosen; a browser gets the error page
 * in Vietnamese, an API client problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitHandler {
    static final String MESSAGE = "Tệp tải lên quá lớn (tối đa 10 MB mỗi tệp, 60 MB mỗi lần gửi) hoặc biểu mẫu có quá nhiều trường.";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
            page.addObject("status", 413);
            page.addObject("message", MESSAGE);
            return page;
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
        pd.setTitle("Dữ liệu gửi lên quá lớn");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
