package vn.motcua.documents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.documents.internal.CopyMaker;
import vn.motcua.documents.internal.DocumentStore;
import vn.motcua.documents.internal.Signatures;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Electronic results with digital signatures: the result PDF is signed by the person who approves it (PAdES, a
 * visible block with name, title and time) and then sealed by the agency; it is kept in the file store, entered in
 * the register of electronic results under a result code (printed on the document with a verification link/QR),
 * and kept in the applicant's data store. The public verification checks any PDF, or the registered one by code.
 */
@Service
public class SigningService {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private final SigningKeys keys;
    private final FileStorage files;
    private final DocumentStore store;
    private final ApplicantStore applicants;
    private final DocumentsProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Public verification parses untrusted PDFs: per client address, 60 an hour freely, then slower, locked after 300. */
    private final vn.motcua.shared.AttemptLimiter verifications;

    public SigningService(SigningKeys keys, FileStorage files, DocumentStore store, ApplicantStore applicants, DocumentsProperties properties,
                          AuditLog audit, Clock clock) {
        this.keys = keys;
        this.files = files;
        this.store = store;
        this.applicants = applicants;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.verifications = new vn.motcua.shared.AttemptLimiter(clock, 59, java.time.Duration.ofSeconds(1), 300, java.time.Duration.ofMinutes(15),
                java.time.Duration.ofHours(1), 100_000);
    }

    /** A new, unused result code ("KQ" and 10 characters without look-alikes), to print on the document before it is signed. */
    public String newResultCode() {
        while (true) {
            StringBuilder sb = new StringBuilder("KQ");
            for (int i = 0; i < 10; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!store.resultCodeExists(sb.toString())) {
                return sb.toString();
            }
        }
    }

    /** The public address that verifies a result (printed as a link and a QR code). */
    public String verificationUrl(String resultCode) {
        return properties.publicBaseUrl() + "/xac-thuc/" + resultCode;
    }

    public boolean demo() {
        return keys.demo();
    }

    /**
     * What to sign and register.
     *
     * @param kind       RESULT or CERTIFIED_COPY
     * @param ownerKey   the applicant's store to keep it in (null: not kept, e.g. an organisation without a code)
     * @param typeCode   its document type in the store (null when the procedure's result is not mapped)
     */
    public record ToSign(String resultCode, String kind, String dossierCode, String title, String filename, Signer signer, String ownerKey,
                         String typeCode, DocumentDetails details, String createdBy) {
    }

    /** Signs a PDF as the signer and seals it with the agency's seal; stores, registers and keeps it. */
    @Transactional
    public SignedFile sign(byte[] pdf, ToSign s) {
        if (!"application/pdf".equals(FileCheck.type(pdf).orElse(null))) {
            throw ValidationException.of("resultFile", "Văn bản kết quả phải là tệp PDF.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        GregorianCalendar when = GregorianCalendar.from(now.atZone(clock.getZone()));
        String at = TIME.format(now) + " (GMT+7)";
        String demo = keys.demo() ? "BẢN DEMO — không có giá trị pháp lý" : null;
        List<String> person = new ArrayList<>(List.of("Ký bởi: " + s.signer().fullName(),
                (s.signer().title() == null ? "" : s.signer().title() + ", ") + s.signer().agencyName(), "Thời gian ký: " + at));
        List<String> seal = new ArrayList<>(List.of("Cơ quan: " + s.signer().agencyName(), "Đóng dấu số: " + at,
                "Mã kết quả: " + s.resultCode()));
        if (demo != null) {
            person.add(demo);
            seal.add(demo);
        }
        String reason = "CERTIFIED_COPY".equals(s.kind()) ? "Chứng thực bản sao từ bản chính" : "Phê duyệt kết quả giải quyết TTHC";
        byte[] signed;
        try {
            signed = Signatures.sign(pdf, keys.person(s.signer()), s.signer().fullName(), reason, s.signer().agencyName(), when, person, true);
            signed = Signatures.sign(signed, keys.seal(s.signer()), s.signer().agencyName(), "Đóng dấu cơ quan", s.signer().agencyName(), when, seal, false);
        } catch (IllegalStateException e) {
            throw ValidationException.of("signature", e.getMessage());
        }
        String key = files.put(signed);
        store.insertResult(new RegisteredResult(s.resultCode(), s.kind(), s.dossierCode(), s.title(), s.filename(), key, signed.length, now,
                s.signer().fullName(), s.signer().title(), s.signer().agencyName()));
        Long kept = null;
        if (ApplicantStore.ownerKey(s.ownerKey()) != null) {
            kept = applicants.keep(new NewStoredDocument(s.ownerKey(), s.typeCode(), s.title(), s.details(), s.filename(), "application/pdf",
                    signed.length, key, "CERTIFIED_COPY".equals(s.kind()) ? DocumentSource.CERTIFIED_COPY : DocumentSource.RESULT,
                    s.dossierCode(), s.resultCode(), s.createdBy())).id();
        }
        audit.record("document.signed", "electronic-result", s.resultCode(), null,
                Map.of("dossier", s.dossierCode(), "kind", s.kind(), "sha256", key, "signer", s.signer().username()));
        return new SignedFile(s.resultCode(), s.filename(), key, key, signed.length, now, kept);
    }

    /**
     * An electronic certified copy: the scanned original (PDF or image) with the certifying statement on a last
     * page, signed by the certifying person and sealed; kept in the applicant's store.
     */
    @Transactional
    public SignedFile certifyCopy(byte[] scan, String bookNumber, ToSign s) {
        String type = FileCheck.type(scan).orElseThrow(() -> ValidationException.of("file", "Bản chụp phải là tệp PDF, JPEG hoặc PNG."));
        LocalDateTime now = LocalDateTime.now(clock);
        List<String> statement = List.of("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC",
                "Chứng thực bản sao điện tử này đúng với bản chính: " + s.title() + ".",
                "Số chứng thực: " + bookNumber + ", Quyển số 01/" + now.getYear() + "-SCT/BS.",
                "Ngày " + now.getDayOfMonth() + " tháng " + now.getMonthValue() + " năm " + now.getYear() + ".",
                "Người thực hiện chứng thực: " + s.signer().fullName() + (s.signer().title() == null ? "" : ", " + s.signer().title()) + ".",
                "Cơ quan: " + s.signer().agencyName() + ".",
                "Mã kết quả: " + s.resultCode() + " — kiểm tra tại " + verificationUrl(s.resultCode()));
        return sign(CopyMaker.copyWithStatement(scan, type, statement), s);
    }

    /** A verification asked by someone on the internet: counted per client address (429 when too many). */
    public SignatureReport verify(byte[] pdf, String clientAddress) {
        String key = clientAddress == null ? "?" : clientAddress;
        verifications.blockedFor(key).ifPresent(wait -> {
            throw new vn.motcua.shared.TooManyAttemptsException(wait);
        });
        verifications.failed(key);
        return verify(pdf);
    }

    /** Verifies any PDF: its signatures, and which registered result it is (by its hash). */
    public SignatureReport verify(byte[] pdf) {
        Signatures.Checked c = Signatures.verify(pdf, keys.trustedRoots());
        RegisteredResult r = store.resultBySha(FileStorage.keyOf(pdf)).orElse(null);
        audit.record("document.verified", "electronic-result", r == null ? "-" : r.code(), null, Map.of("valid", c.valid()));
        return new SignatureReport(c.valid(), c.problem(), c.signatures(), r);
    }

    /** Verifies the registered result with this code, from the file store. */
    public SignatureReport verifyRegistered(String resultCode) {
        RegisteredResult r = result(resultCode).orElseThrow(() -> new NotFoundException("Không có kết quả nào mang mã " + resultCode + "."));
        Signatures.Checked c = Signatures.verify(files.get(r.sha256()), keys.trustedRoots());
        return new SignatureReport(c.valid(), c.problem(), c.signatures(), r);
    }

    public Optional<RegisteredResult> result(String resultCode) {
        return resultCode == null ? Optional.empty() : store.result(resultCode.trim().toUpperCase());
    }

    /** The signed file of a registered result (the caller checks the reader's right first). */
    public byte[] signedFile(RegisteredResult r) {
        return files.get(r.sha256());
    }
}
