package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Files users download (dossier files, forms, stored documents, signed results): always as an attachment under its
 * stored name, with the checked content type and {@code X-Content-Type-Options: nosniff}, so a browser never renders
 * an uploaded file as a page of this site.
 */
public final class Attachments {
    private Attachments() {
    }

    public static ResponseEntity<byte[]> of(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename))
                .body(content);
    }

    /** The same, written straight to a response (for a handler that otherwise renders a page). */
    public static void write(HttpServletResponse response, String filename, String contentType, byte[] content) throws IOException {
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(filename));
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private static String disposition(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }
}
