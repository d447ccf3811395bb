package vn.motcua.documents.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.documents.FileCheck;
import vn.motcua.documents.SigningService;
import vn.motcua.shared.ValidationException;

import java.io.IOException;

/**
 * The public verification of signed results: upload a PDF, or open the link/QR printed on a result. Shows whether
 * the signatures are intact and trusted, who signed and when, and which registered result the file is.
 */
@Controller
public class VerificationController {
    private final SigningService signing;

    public VerificationController(SigningService signing) {
        this.signing = signing;
    }

    @GetMapping("/xac-thuc")
    String form(Model model) {
        model.addAttribute("demo", signing.demo());
        return "documents/verify";
    }

    @PostMapping("/xac-thuc")
    String check(@RequestParam(name = "tep", required = false) MultipartFile file, Model model, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        model.addAttribute("demo", signing.demo());
        try {
            model.addAttribute("report", signing.verify(pdf(file), request.getRemoteAddr()));
        } catch (ValidationException e) {
            model.addAttribute("error", e.problems().get(0).message());
        }
        return "documents/verify";
    }

    @GetMapping("/xac-thuc/{code}")
    String byCode(@PathVariable String code, Model model) {
        model.addAttribute("demo", signing.demo());
        model.addAttribute("code", code.length() > 30 ? code.substring(0, 30) : code);
        model.addAttribute("report", signing.verifyRegistered(code));
        return "documents/verify";
    }

    static byte[] pdf(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ValidationException.of("file", "Chưa chọn tệp PDF cần kiểm tra.");
        }
        byte[] bytes = file.getBytes();
        if (bytes.length > FileCheck.MAX_BYTES) {
            throw ValidationException.of("file", "Tệp lớn hơn 10 MB.");
        }
        if (!"application/pdf".equals(FileCheck.type(bytes).orElse(null))) {
            throw ValidationException.of("file", "Tệp \"" + FileCheck.cleanName(file.getOriginalFilename()) + "\" không phải tệp PDF.");
        }
        return bytes;
    }
}
