package vn.motcua.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.documents.ApplicantStore;
import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DocumentTypes;
import vn.motcua.documents.SignatureReport;
import vn.motcua.documents.SigningService;
import vn.motcua.documents.StoredDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.web.Attachments;

import java.io.IOException;
import java.util.List;

/** JSON API of the documents module: verification of signed files, the caller's data store, the document-type catalog. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Documents", description = "Xác thực chữ ký số, kho dữ liệu, loại giấy tờ")
public class DocumentsApiController {
    private final SigningService signing;
    private final ApplicantStore store;
    private final DocumentTypes types;
    private final AccountService accounts;

    public DocumentsApiController(SigningService signing, ApplicantStore store, DocumentTypes types, AccountService accounts) {
        this.signing = signing;
        this.store = store;
        this.types = types;
        this.accounts = accounts;
    }

    private String ownerKey() {
        return ApplicantStore.ownerKey(accounts.get(CurrentUser.get().orElseThrow().id()).identifier());
    }

    @PostMapping(path = "/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Xác thực một tệp PDF có chữ ký số (công khai)",
            description = "Kiểm tra từng chữ ký (toàn vẹn, chứng thư tin cậy, phạm vi ký) và cho biết tệp có khớp kết quả đã đăng ký không. "
                    + "Mỗi địa chỉ được kiểm tra 60 tệp một giờ, sau đó chậm dần (429, Retry-After).")
    public SignatureReport verify(@RequestParam("file") MultipartFile file, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        return signing.verify(VerificationController.pdf(file), request.getRemoteAddr());
    }

    @GetMapping(path = "/results/{code}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Xác thực kết quả đã đăng ký theo mã kết quả (công khai)")
    public SignatureReport verifyRegistered(@PathVariable String code) {
        if (code.length() > 30) {
            throw new NotFoundException("Không có kết quả nào mang mã này.");
        }
        return signing.verifyRegistered(code);
    }

    @GetMapping(path = "/me/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Giấy tờ trong kho dữ liệu của tài khoản đang đăng nhập")
    public List<StoredDocument> mine() {
        return store.documentsOf(ownerKey());
    }

    @GetMapping(path = "/me/documents/{id}/file", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
    @Operation(summary = "Tải một giấy tờ trong kho dữ liệu của tài khoản đang đăng nhập")
    public ResponseEntity<byte[]> mineFile(@PathVariable long id) {
        StoredDocument d = store.documentOf(ownerKey(), id);
        return Attachments.of(d.filename(), d.contentType(), store.content(d));
    }

    @GetMapping(path = "/document-types", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Danh mục loại giấy tờ (công khai)")
    public List<DocumentType> documentTypes() {
        return types.types();
    }
}
