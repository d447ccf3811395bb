package vn.motcua.dossier.web;

import vn.motcua.shared.web.Attachments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.internal.DossierForms;
import vn.motcua.identity.CurrentUser;
import vn.motcua.rules.FormKind;
import vn.motcua.shared.NotFoundException;

import java.nio.charset.StandardCharsets;

/**
 * The legal forms of a dossier as PDF (from the templates of its own rule set), and the files applicants
 * attached, for the dossier's officers and its applicant. The control sheet is the agencies' own: officers only.
 */
@Controller
public class DossierDocumentsController {
    private final DossierService dossiers;
    private final DossierForms forms;

    public DossierDocumentsController(DossierService dossiers, DossierForms forms) {
        this.dossiers = dossiers;
        this.forms = forms;
    }

    @GetMapping("/ho-so/{id}/phieu/{kind}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String kind, @RequestParam(name = "so", required = false) Integer seq,
                               HttpServletRequest request) {
        Dossier d = visible(id, "form:" + kind);
        FormKind form = FormKind.bySlug(kind).filter(k -> k != FormKind.BOOK)
                .orElseThrow(() -> new NotFoundException("Không có biểu mẫu \"" + kind + "\"."));
        if (form == FormKind.CONTROL_SHEET && dossiers.isApplicant(CurrentUser.get().orElseThrow(), d)) {
            throw new NotFoundException("Phiếu kiểm soát là tài liệu nội bộ của cơ quan giải quyết.");
        }
        byte[] body = forms.pdf(d, form, seq, trackingUrl(request, d));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(kind + "-" + d.code() + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    @GetMapping("/ho-so/{id}/tep/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        Dossier d = visible(id, "file:" + fileId);
        DossierFile.Content f = dossiers.fileContent(d, fileId);
        return Attachments.of(f.filename(), f.contentType(), f.content());
    }

    static String trackingUrl(HttpServletRequest request, Dossier d) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString() + "/tra-cuu?ma=" + d.code();
    }

    private Dossier visible(long id, String what) {
        return dossiers.open(id, CurrentUser.get().orElseThrow(), what);
    }
}
