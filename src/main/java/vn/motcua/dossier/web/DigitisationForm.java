package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.motcua.catalog.Component;
import vn.motcua.documents.DocumentDetails;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.shared.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pages send about digitisation: files per component ({@code <prefix>-<componentId>}), the stored
 * document chosen for reuse ({@code dung-lai-<componentId>}; 0 = do not reuse), and what was read off a document
 * ({@code so-}, {@code noi-cap-}, {@code ngay-cap-}, {@code het-han-<componentId>}).
 */
final class DigitisationForm {
    private DigitisationForm() {
    }

    static List<UploadedDocument> files(HttpServletRequest request, String prefix, List<Component> components) {
        return files(request, prefix, components.stream().map(Component::id).toList());
    }

    /** The files chosen for each component ({@code <prefix>-<componentId>}), in the order of the components. */
    static List<UploadedDocument> files(HttpServletRequest request, String prefix, java.util.Collection<Long> componentIds) {
        List<UploadedDocument> files = new ArrayList<>();
        for (long component : componentIds) {
            for (MultipartFile f : multipart(request, prefix + "-" + component)) {
                if (chosen(f)) {
                    files.add(new UploadedDocument(component, f.getOriginalFilename(), f.getContentType(), bytes(f)));
                }
            }
        }
        return files;
    }

    /** The files sent under a name; none when the form was not sent as multipart (a bad request, not a server error). */
    static List<MultipartFile> multipart(HttpServletRequest request, String name) {
        MultipartHttpServletRequest m = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        return m != null ? m.getFiles(name) : List.of();
    }

    static UploadedDocument single(HttpServletRequest request, String name) {
        return multipart(request, name).stream().filter(DigitisationForm::chosen).findFirst().map(DigitisationForm::single).orElse(null);
    }

    /** A file the user chose (even an empty one, which is then reported), not a file field left empty. */
    static boolean chosen(MultipartFile f) {
        return !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank());
    }

    static UploadedDocument single(MultipartFile f) {
        return new UploadedDocument(0, f.getOriginalFilename(), f.getContentType(), bytes(f));
    }

    static Map<Long, Long> reuse(Map<String, String> all) {
        Map<Long, Long> reuse = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("dung-lai-")) {
                try {
                    // 0: the user chose not to reuse (kept so that the page shows that choice again)
                    reuse.put(Long.parseLong(k.substring(9)), v == null || v.isBlank() ? 0L : Long.parseLong(v.trim()));
                } catch (NumberFormatException ignored) {
                    // not a reuse choice
                }
            }
        });
        return reuse;
    }

    static Map<Long, DocumentDetails> details(Map<String, String> all, List<Component> components, Problems p) {
        Map<Long, DocumentDetails> details = new LinkedHashMap<>();
        for (Component c : components) {
            DocumentDetails d = details(all, String.valueOf(c.id()), c.name(), p);
            if (d != null) {
                details.put(c.id(), d);
            }
        }
        return details;
    }

    static DocumentDetails details(Map<String, String> all, String suffix, String name, Problems p) {
        String number = all.get("so-" + suffix);
        String issuer = all.get("noi-cap-" + suffix);
        LocalDate issued = date(all.get("ngay-cap-" + suffix), "Ngày cấp của \"" + name + "\"", p);
        LocalDate expires = date(all.get("het-han-" + suffix), "Ngày hết hạn của \"" + name + "\"", p);
        if ((number == null || number.isBlank()) && (issuer == null || issuer.isBlank()) && issued == null && expires == null) {
            return null;
        }
        return new DocumentDetails(number, issuer, issued, expires);
    }

    private static LocalDate date(String s, String label, Problems p) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            p.add("details", label + " không phải ngày hợp lệ (năm-tháng-ngày).");
            return null;
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
