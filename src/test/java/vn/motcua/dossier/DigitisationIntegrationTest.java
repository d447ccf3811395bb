package vn.motcua.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.documents.ApplicantStore;
import vn.motcua.documents.DocumentDetails;
import vn.motcua.documents.DocumentSource;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.SignatureReport;
import vn.motcua.documents.SigningService;
import vn.motcua.documents.StoredDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ValidationException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.dossier.DossierTestSupport.darkPixelsOfFirstPage;
import static vn.motcua.dossier.DossierTestSupport.pdfText;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

/**
 * Digitisation at intake, the applicant's data store and reuse, signed electronic results and certified copies,
 * through the services and the API, on the real database and the real file store.
 */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class DigitisationIntegrationTest {
    static final String LLTP = "1.001078";          // components: the request form, a copy of the identity paper (GIAY_TO_TUY_THAN)
    static final String ENTERPRISE = "2.001610";    // "Bản sao giấy tờ pháp lý của chủ doanh nghiệp" is GIAY_TO_TUY_THAN too
    static final String ADOPTION = "1.003179";      // asks for a "Phiếu lý lịch tư pháp": the LLTP result is reused
    static final String CERTIFY = "2.000815";       // certified copies from originals
    static final String PASSWORD = "MotCua@2026";
    static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired DossierService dossiers;
    @Autowired DossierQueries queries;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired ApplicantStore store;
    @Autowired SigningService signing;
    @Autowired DocumentsProperties properties;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired vn.motcua.audit.AuditLog audit;
    @Autowired org.springframework.test.context.event.ApplicationEvents events;

    CurrentUser as(String username) {
        return user(accounts, username);
    }

    /** A new applicant for each test: nobody else's documents are in the store. */
    static Applicant someone() {
        int n = NEXT.incrementAndGet();
        return new Applicant("Trần Thị Số Hóa " + n, String.format("0892990%05d", n + (int) (System.nanoTime() % 50_000) * 2), "0903000111",
                null, "phường Long Xuyên");
    }

    static byte[] pdf(String text, int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    cs.newLineAtOffset(60, 760);
                    cs.showText(text + " - page " + (i + 1));
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 10; x < 50; x++) {
            img.setRGB(x, 20, 0xFFFFFF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    Component component(String code, int position) {
        return catalog.current(code).components().stream().filter(c -> c.position() == position).findFirst().orElseThrow();
    }

    Set<Long> all(String code) {
        return DossierTestSupport.allComponents(catalog, code);
    }

    Dossier receive(String code, String counter, Applicant a, List<UploadedDocument> scans, Map<Long, Long> reuse, Map<Long, DocumentDetails> details) {
        return dossiers.receive(new IntakeRequest(code, unit(agencies, counter), Channel.COUNTER, a, null, null, 1, null, all(code), Map.of(),
                IntakeDecision.ACCEPT, null, scans, reuse, details), as(counter.equals("AG.TTPVHCC") ? "tiepnhan" : "tiepnhan.longxuyen"));
    }

    Dossier lltpWithScans(Applicant a) throws IOException {
        Component form = component(LLTP, 1);
        Component identity = component(LLTP, 2);
        return receive(LLTP, "AG.TTPVHCC", a, List.of(
                        new UploadedDocument(form.id(), "to-khai.pdf", "application/pdf", pdf("to khai", 2)),
                        new UploadedDocument(form.id(), "to-khai-trang-3.png", "image/png", image("png")),
                        new UploadedDocument(identity.id(), "cccd.jpg", "image/jpeg", image("jpg"))),
                Map.of(), Map.of(identity.id(), new DocumentDetails("089190001111", "Cục Cảnh sát QLHC về TTXH", LocalDate.of(2021, 5, 4), null)));
    }

    Dossier approved(Dossier d, String specialist, String leader, vn.motcua.dossier.UploadedDocument upload) {
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện", null, null, as(specialist));
        return dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP số 77/2026", upload, as(leader));
    }

    @Test
    void scansAtTheCounterDigitiseEachComponentAndAreKeptOnceInTheFileStore() throws Exception {
        Applicant a = someone();
        Dossier d = lltpWithScans(a);
        assertThat(d.documents()).allMatch(DossierDocument::digitised).noneMatch(DossierDocument::reused);
        assertThat(events.stream(DossierEvents.Digitised.class).filter(e -> e.dossierId() == d.id())).singleElement()
                .satisfies(e -> {
                    assertThat(e.digitisedComponentIds()).hasSize(2);
                    assertThat(e.reusedComponentIds()).isEmpty();
                });
        assertThat(d.files()).hasSize(3).allMatch(f -> f.kind() == DossierFile.Kind.SCAN);
        DossierFile png = d.files().stream().filter(f -> f.filename().endsWith(".png")).findFirst().orElseThrow();
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(dossiers.fileContent(d, png.id()).content()).isEqualTo(image("png"));
        // the bytes are in the file store under their SHA-256, read-only; the row holds no content
        Path stored = properties.storageDir().toAbsolutePath().resolve("sha256").resolve(png.sha256().substring(0, 2))
                .resolve(png.sha256().substring(2, 4)).resolve(png.sha256());
        assertThat(stored).exists();
        assertThat(Files.getPosixFilePermissions(stored)).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.GROUP_WRITE, java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        assertThat(jdbc.sql("select count(*) from dossier_file where dossier_id = ? and content is not null").param(d.id()).query(Long.class).single())
                .isZero();

        // received: both components are kept in the applicant's store; several files of one component became one PDF
        List<StoredDocument> kept = store.documentsOf(a.idNumber());
        assertThat(kept).hasSize(2).allMatch(x -> x.source() == DocumentSource.DIGITISED && d.code().equals(x.sourceDossierCode()));
        StoredDocument identity = kept.stream().filter(x -> "GIAY_TO_TUY_THAN".equals(x.typeCode())).findFirst().orElseThrow();
        assertThat(identity.number()).isEqualTo("089190001111");
        assertThat(identity.issuedOn()).isEqualTo(LocalDate.of(2021, 5, 4));
        StoredDocument form = kept.stream().filter(x -> x.typeCode() == null).findFirst().orElseThrow();
        assertThat(form.contentType()).isEqualTo("application/pdf");
        try (PDDocument joined = Loader.loadPDF(store.content(form))) {
            assertThat(joined.getNumberOfPages()).isEqualTo(3);
        }
    }

    @Test
    void aRejectedFileGivesAClearMessageAndSavesNothing() throws Exception {
        Component identity = component(LLTP, 2);
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        Applicant a = someone();
        assertThatThrownBy(() -> receive(LLTP, "AG.TTPVHCC", a,
                List.of(new UploadedDocument(identity.id(), "cccd.pdf", "application/pdf", "not a pdf at all".getBytes())), Map.of(), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không phải PDF, JPEG hay PNG");
        assertThatThrownBy(() -> receive(LLTP, "AG.TTPVHCC", a,
                List.of(new UploadedDocument(identity.id(), "rong.pdf", "application/pdf", new byte[0])), Map.of(), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rỗng");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
        assertThatThrownBy(() -> receive(LLTP, "AG.TTPVHCC", a,
                List.of(new UploadedDocument(identity.id(), "lon.pdf", "application/pdf", big)), Map.of(), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lớn hơn 10 MB");
        assertThatThrownBy(() -> receive(LLTP, "AG.TTPVHCC", a, List.of(), Map.of(),
                Map.of(identity.id(), new DocumentDetails(null, null, LocalDate.of(2024, 1, 2), LocalDate.of(2023, 1, 1)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Ngày hết hạn phải sau ngày cấp");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
        assertThat(store.documentsOf(a.idNumber())).isEmpty();

        // a name with folders and control characters is stored as its last part only
        Dossier d = receive(LLTP, "AG.TTPVHCC", a,
                List.of(new UploadedDocument(identity.id(), "..\\..\\etc/pass\u0007wd.pdf", "text/plain", pdf("x", 1))), Map.of(), Map.of());
        assertThat(d.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("passwd.pdf");
            assertThat(f.contentType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void aStoredDocumentIsReusedByAnotherProcedureOfTheSameApplicantAndNeverAcrossApplicants() throws Exception {
        Applicant a = someone();
        lltpWithScans(a);
        ProcedureVersion enterprise = catalog.current(ENTERPRISE);
        Component legalPaper = component(ENTERPRISE, 4 > enterprise.components().size() ? 2 : 4);
        Map<Long, List<StoredDocument>> offers = dossiers.reusable(enterprise, a.idNumber());
        assertThat(offers).containsOnlyKeys(legalPaper.id());
        StoredDocument offered = offers.get(legalPaper.id()).get(0);
        assertThat(offered.typeCode()).isEqualTo("GIAY_TO_TUY_THAN");

        // someone else cannot reuse it, by id: a clear refusal, and nothing saved
        Applicant other = someone();
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        assertThatThrownBy(() -> receive(ENTERPRISE, "AG.TTPVHCC", other, List.of(), Map.of(legalPaper.id(), offered.id()), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("chỉ dùng lại được giấy tờ của chính người nộp");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
        // the refused attempt stays in the audit log although the intake was rolled back
        assertThat(audit.search(null, "stored-document.reuse-refused", "stored-document", String.valueOf(offered.id()), 5))
                .anySatisfy(e -> assertThat(e.after()).contains(other.idNumber()));
        assertThat(dossiers.reusable(enterprise, other.idNumber())).isEmpty();
        // nor for a component of another type
        Component form = component(ENTERPRISE, 1);
        assertThatThrownBy(() -> receive(ENTERPRISE, "AG.TTPVHCC", a, List.of(), Map.of(form.id(), offered.id()), Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không phải loại giấy tờ");

        // the applicant reuses it: the component is handed in, digitised and marked reused; nobody asks for it again
        Dossier d = receive(ENTERPRISE, "AG.TTPVHCC", a, List.of(), Map.of(legalPaper.id(), offered.id()), Map.of());
        DossierDocument doc = d.documents().stream().filter(x -> x.componentId() == legalPaper.id()).findFirst().orElseThrow();
        assertThat(doc.reused()).isTrue();
        assertThat(doc.digitised()).isTrue();
        assertThat(doc.reusedDocumentId()).isEqualTo(offered.id());
        assertThat(events.stream(DossierEvents.Digitised.class).filter(e -> e.dossierId() == d.id())).singleElement()
                .satisfies(e -> assertThat(e.reusedComponentIds()).containsExactly(legalPaper.id()));
        assertThat(d.filesOf(legalPaper.id())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DossierFile.Kind.REUSED);
            assertThat(f.storedDocumentId()).isEqualTo(offered.id());
            assertThat(dossiers.fileContent(d, f.id()).content()).isEqualTo(store.content(offered));
        });
        // a reused document is not stored a second time
        assertThat(store.documentsOf(a.idNumber()).stream().filter(x -> "GIAY_TO_TUY_THAN".equals(x.typeCode()))).hasSize(1);
    }

    @Test
    void theApprovedResultIsSignedSealedRegisteredKeptAndDownloadable() throws Exception {
        Applicant a = someone();
        Dossier d = approved(lltpWithScans(a), "chuyenvien.stp", "lanhdao.stp", null);
        DossierFile result = dossiers.result(d).orElseThrow();
        assertThat(result.resultCode()).matches("KQ[A-Z2-9]{10}");
        assertThat(events.stream(DossierEvents.ResultIssued.class).filter(e -> e.dossierId() == d.id())).singleElement()
                .satisfies(e -> {
                    assertThat(e.resultCode()).isEqualTo(result.resultCode());
                    assertThat(e.keptInDataStore()).isTrue();
                });
        byte[] pdf = dossiers.fileContent(d, result.id()).content();
        assertThat(pdfText(pdf)).contains(result.resultCode(), d.code(), "/xac-thuc/" + result.resultCode());
        assertThat(darkPixelsOfFirstPage(pdf)).isGreaterThan(2_000);

        SignatureReport report = signing.verify(pdf);
        assertThat(report.valid()).as(report.problem()).isTrue();
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures().get(0).signerName()).isEqualTo(as("lanhdao.stp").fullName());
        assertThat(report.signatures().get(1).signerName()).isEqualTo("Sở Tư pháp tỉnh An Giang");
        assertThat(report.result().code()).isEqualTo(result.resultCode());
        assertThat(report.result().dossierCode()).isEqualTo(d.code());
        assertThat(signing.verifyRegistered(result.resultCode()).valid()).isTrue();
        // anyone may verify, but one address only so often (the page and the API parse PDFs from the internet)
        for (int i = 0; i < 60; i++) {
            assertThat(signing.verify(pdf, "198.51.100.7").valid()).isTrue();
        }
        assertThatThrownBy(() -> signing.verify(pdf, "198.51.100.7")).isInstanceOf(vn.motcua.shared.TooManyAttemptsException.class);
        assertThat(signing.verify(pdf, "198.51.100.8").valid()).isTrue();

        byte[] tampered = pdf.clone();
        int at = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/MediaBox");
        tampered[at + 3] = (byte) (tampered[at + 3] ^ 0x20);
        SignatureReport bad = signing.verify(tampered);
        assertThat(bad.valid()).isFalse();
        assertThat(bad.result()).isNull();

        // kept in the applicant's store as a typed result, and offered to the adoption procedure that needs it
        StoredDocument kept = store.documentsOf(a.idNumber()).stream().filter(x -> x.source() == DocumentSource.RESULT).findFirst().orElseThrow();
        assertThat(kept.typeCode()).isEqualTo("LY_LICH_TU_PHAP");
        assertThat(kept.resultCode()).isEqualTo(result.resultCode());
        assertThat(kept.expiresOn()).isEqualTo(kept.issuedOn().plusMonths(6));
        ProcedureVersion adoption = catalog.current(ADOPTION);
        assertThat(dossiers.reusable(adoption, a.idNumber()).values()).anySatisfy(list -> assertThat(list).contains(kept));

        // the applicant downloads it through tracking with the code, the secret and the check digits
        queries.clearTrackingLimits();
        String secret = queries.trackingSecret(d);
        assertThat(queries.track(d.code(), secret, "0111", "127.0.0.9").resultAvailable()).isTrue();
        assertThat(queries.trackedResult(d.code(), secret, "0111", "127.0.0.9").content()).isEqualTo(pdf);
        assertThatThrownBy(() -> queries.trackedResult(d.code(), secret, "9999", "127.0.0.9")).isInstanceOf(vn.motcua.shared.NotFoundException.class);
    }

    @Test
    void anUploadedResultIsSignedAsItIsAndAWrongFileIsRefusedWithNothingSaved() throws Exception {
        Dossier d = lltpWithScans(someone());
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.stp"));
        assertThatThrownBy(() -> dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu số 1",
                new UploadedDocument(0, "ket-qua.png", "image/png", image("png")), as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("phải là tệp PDF");
        assertThat(dossiers.get(d.id()).outcome()).isNull();
        assertThat(dossiers.get(d.id()).rowVersion()).isEqualTo(atLeader.rowVersion());

        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu số 2",
                new UploadedDocument(0, "ket-qua.pdf", "application/pdf", pdf("Phieu ly lich tu phap so 2", 2)), as("lanhdao.stp"));
        byte[] pdf = dossiers.fileContent(signed, dossiers.result(signed).orElseThrow().id()).content();
        assertThat(pdfText(pdf)).contains("Phieu ly lich tu phap so 2 - page 2");
        assertThat(signing.verify(pdf).valid()).isTrue();
    }

    @Test
    void anElectronicCertifiedCopyNeedsTheOriginalComparedAndIsSignedIntoTheStore() throws Exception {
        Applicant a = someone();
        Component original = component(CERTIFY, 1);
        Dossier d = receive(CERTIFY, "AG.P.LX.BPMC", a,
                List.of(new UploadedDocument(original.id(), "bang-tot-nghiep.jpg", "image/jpeg", image("jpg"))), Map.of(), Map.of());
        assertThat(dossiers.certifiesCopies(d)).isTrue();
        long scan = d.files().get(0).id();
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), scan, null, "Bằng tốt nghiệp", false, as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("đối chiếu bản chính");
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), null, null, "Bằng tốt nghiệp", true, as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Chọn bản chụp bản chính");
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), null, new UploadedDocument(0, "", "", new byte[0]), "Bằng tốt nghiệp",
                true, as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Chọn bản chụp bản chính");
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), null, new UploadedDocument(0, "ban-chup.png", "image/png", new byte[0]),
                "Bằng tốt nghiệp", true, as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("rỗng");
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), scan, null, "Bằng tốt nghiệp", true, as("tiepnhan.longxuyen")))
                .isInstanceOf(vn.motcua.shared.ConflictException.class);
        Dossier certified = dossiers.certifyCopy(d.id(), d.rowVersion(), scan, null, "Bằng tốt nghiệp trung học phổ thông", true,
                as("chuyenvien.longxuyen"));
        DossierFile copy = certified.files().stream().filter(f -> f.kind() == DossierFile.Kind.CERTIFIED_COPY).findFirst().orElseThrow();
        byte[] pdf = dossiers.fileContent(certified, copy.id()).content();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(pdfText(pdf)).contains("LỜI CHỨNG", "Bằng tốt nghiệp trung học phổ thông", copy.resultCode());
        assertThat(signing.verify(pdf).valid()).isTrue();
        assertThat(store.documentsOf(a.idNumber())).anySatisfy(x -> {
            assertThat(x.source()).isEqualTo(DocumentSource.CERTIFIED_COPY);
            assertThat(x.typeCode()).isEqualTo("BAN_SAO_CHUNG_THUC");
        });
        // the stale version is refused (the copy moved the dossier's version on)
        assertThatThrownBy(() -> dossiers.certifyCopy(d.id(), d.rowVersion(), scan, null, "Lần hai", true, as("chuyenvien.longxuyen")))
                .isInstanceOf(vn.motcua.shared.ConflictException.class);
    }

    @Test
    void theApiDigitisesVerifiesAndServesTheStore() throws Exception {
        Applicant a = someone();
        Dossier d = receive(LLTP, "AG.TTPVHCC", a, List.of(), Map.of(), Map.of());
        Component identity = component(LLTP, 2);
        assertThat(d.documents()).noneMatch(DossierDocument::digitised);
        mvc.perform(multipart("/api/v1/dossiers/{id}/files", d.id()).file(new MockMultipartFile("files", "cccd.pdf", "application/pdf", pdf("cccd", 1)))
                        .param("rowVersion", String.valueOf(d.rowVersion())).param("componentId", String.valueOf(identity.id()))
                        .with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.documents[1].digitised").value(true));
        mvc.perform(multipart("/api/v1/dossiers/{id}/files", d.id()).file(new MockMultipartFile("files", "x.pdf", "application/pdf", "<html>".getBytes()))
                        .param("rowVersion", String.valueOf(d.rowVersion() + 1)).param("componentId", String.valueOf(identity.id()))
                        .with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
        Dossier now = dossiers.get(d.id());
        long fileId = now.files().get(0).id();
        mvc.perform(get("/api/v1/dossiers/{id}/files/{f}", d.id(), fileId).with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
        mvc.perform(get("/api/v1/dossiers/{id}/files/{f}", d.id(), fileId).with(httpBasic("chuyenvien.longxuyen", PASSWORD)))
                .andExpect(status().isNotFound());

        Dossier signed = approved(now, "chuyenvien.stp", "lanhdao.stp", null);
        DossierFile result = dossiers.result(signed).orElseThrow();
        byte[] pdf = dossiers.fileContent(signed, result.id()).content();
        mvc.perform(multipart("/api/v1/verifications").file(new MockMultipartFile("file", "kq.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.result.code").value(result.resultCode())).andExpect(jsonPath("$.signatures.length()").value(2));
        byte[] tampered = pdf.clone();
        tampered[pdf.length / 3] = (byte) (tampered[pdf.length / 3] ^ 0x01);
        mvc.perform(multipart("/api/v1/verifications").file(new MockMultipartFile("file", "kq.pdf", "application/pdf", tampered)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
        mvc.perform(multipart("/api/v1/verifications").file(new MockMultipartFile("file", "kq.pdf", "application/pdf", image("png"))))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/api/v1/results/{code}/verification", result.resultCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.result.dossierCode").value(d.code()));
        mvc.perform(get("/api/v1/results/{code}/verification", "KQKHONGCO"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dossiers/{id}/result", d.id()).with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));

        mvc.perform(get("/api/v1/reusable-documents").param("procedureCode", ADOPTION).param("idNumber", a.idNumber())
                        .with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.*[0].typeCode").value("LY_LICH_TU_PHAP"));
        mvc.perform(get("/api/v1/reusable-documents").param("procedureCode", ADOPTION).param("idNumber", a.idNumber())
                        .with(httpBasic("chuyenvien.stp", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/document-types")).andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code == 'GCN_QSDD')]").exists());
    }

    @Test
    void aCitizenSeesOnlyTheirOwnStore() throws Exception {
        // congdan's own number: his documents; someone else's id is not found
        Applicant me = new Applicant("Nguyễn Văn An", "089090001234", "0912345678", null, "phường Long Xuyên");
        lltpWithScans(me);
        mvc.perform(get("/api/v1/me/documents").with(httpBasic("congdan", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.typeCode == 'GIAY_TO_TUY_THAN')]").exists())
                .andExpect(jsonPath("$[?(@.ownerKey != '089090001234')]").doesNotExist());
        long othersDocument = store.documentsOf(lltpWithScans(someone()).applicant().idNumber()).get(0).id();
        mvc.perform(get("/api/v1/me/documents/{id}/file", othersDocument).with(httpBasic("congdan", PASSWORD))).andExpect(status().isNotFound());
        long mine = store.documentsOf("089090001234").get(0).id();
        mvc.perform(get("/ho-so-cua-toi/kho-du-lieu/{id}", mine).with(httpBasic("congdan", PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
