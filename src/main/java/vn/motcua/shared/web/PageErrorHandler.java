package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;

/** Error pages for the HTML side: a clear Vietnamese message instead of a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class PageErrorHandler {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(model, response, 404, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParam(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return page(model, response, 400, "Tham số \"" + e.getName() + "\" không hợp lệ.");
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    String notMultipart(Model model, HttpServletResponse response) {
        return page(model, response, 400, "Biểu mẫu gửi lên không đúng định dạng (cần gửi kèm tệp). Vui lòng mở lại trang và gửi lại.");
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    String refusedByDatabase(Model model, HttpServletResponse response) {
        return page(model, response, 422, "Dữ liệu quá dài hoặc không hợp lệ cho một trường; không có gì được lưu. Vui lòng quay lại và sửa.");
    }

    @ExceptionHandler(vn.motcua.shared.TooManyAttemptsException.class)
    String tooMany(vn.motcua.shared.TooManyAttemptsException e, Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return page(model, response, 429, e.getMessage());
    }

    /** A page that does not show its form again for a refused input still answers with the reasons, never a 500. */
    @ExceptionHandler(vn.motcua.shared.ValidationException.class)
    String invalid(vn.motcua.shared.ValidationException e, Model model, HttpServletResponse response) {
        return page(model, response, 422, e.allMessages());
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return page(model, response, 409, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String stale(Model model, HttpServletResponse response) {
        return page(model, response, 409, "Bản ghi đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.");
    }

    private static String page(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error";
    }
}
