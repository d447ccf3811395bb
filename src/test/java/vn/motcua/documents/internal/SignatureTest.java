package vn.motcua.documents.internal;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.Signer;
import vn.motcua.documents.SigningKeys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PAdES signing checked by two verifiers that share no code with the signer: poppler's {@code pdfsig} (NSS) and
 * the module's own BouncyCastle verification; a copy with one byte changed, or with bytes appended, fails both.
 */
class SignatureTest {
    @TempDir
    static Path dir;
    static DemoCertificateAuthority ca;
    static final Signer LEADER = new Signer("lanhdao.test", "Nguyễn Văn Ký", "Phó Giám đốc", 7, "STP", "Sở Tư pháp tỉnh An Giang");

    @BeforeAll
    static void authority() {
        ca = new DemoCertificateAuthority(new DocumentsProperties(dir.resolve("files"), null,
                new DocumentsProperties.Signing("demo", dir.resolve("ca.p12"), "secret-for-tests")));
    }

    static byte[] signedTwice() throws Exception {
        return signedTwice(ca, LEADER);
    }

    /** A blank A4 page signed by the person, then sealed by the agency, with the given keys. */
    static byte[] signedTwice(SigningKeys keys, Signer signer) throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(out);
            pdf = out.toByteArray();
        }
        GregorianCalendar when = new GregorianCalendar();
        byte[] one = Signatures.sign(pdf, keys.person(signer), signer.fullName(), "Phê duyệt", signer.agencyName(), when,
                List.of("Ký bởi: " + signer.fullName(), signer.title() + ", " + signer.agencyName(), "Thời gian ký: hôm nay"), true);
        return Signatures.sign(one, keys.seal(signer), signer.agencyName(), "Đóng dấu", signer.agencyName(), when,
                List.of("Cơ quan: " + signer.agencyName(), "Mã kết quả: KQTEST"), false);
    }

    @Test
    void aSignedResultVerifiesAndOneChangedByteBreaksIt() throws Exception {
        byte[] signed = signedTwice();
        Signatures.Checked ok = Signatures.verify(signed, ca.trustedRoots());
        assertThat(ok.valid()).as(ok.problem()).isTrue();
        assertThat(ok.signatures()).hasSize(2);
        assertThat(ok.signatures().get(0).signerName()).isEqualTo("Nguyễn Văn Ký");
        assertThat(ok.signatures().get(0).signerTitle()).isEqualTo("Phó Giám đốc");
        assertThat(ok.signatures().get(1).signerName()).isEqualTo("Sở Tư pháp tỉnh An Giang");
        assertThat(ok.signatures()).allMatch(s -> s.intact() && s.trusted());

        byte[] tampered = tamper(signed);
        Signatures.Checked bad = Signatures.verify(tampered, ca.trustedRoots());
        assertThat(bad.valid()).isFalse();
        assertThat(bad.problem()).contains("thay đổi");

        byte[] appended = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("\n%% extra\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 10);
        assertThat(Signatures.verify(appended, ca.trustedRoots()).valid()).isFalse();
    }

    @Test
    void anotherAuthorityIsNotTrusted() throws Exception {
        DemoCertificateAuthority other = new DemoCertificateAuthority(new DocumentsProperties(dir.resolve("files"), null,
                new DocumentsProperties.Signing("demo", dir.resolve("other.p12"), "another-secret")));
        Signatures.Checked c = Signatures.verify(signedTwice(), other.trustedRoots());
        assertThat(c.valid()).isFalse();
        assertThat(c.signatures()).allMatch(s -> s.intact() && !s.trusted());
    }

    @Test
    void popplerPdfsigAgrees() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdfsig")), "pdfsig (poppler-utils) is not installed");
        Path good = dir.resolve("good.pdf");
        Path bad = dir.resolve("bad.pdf");
        byte[] signed = signedTwice();
        Files.write(good, signed);
        Files.write(bad, tamper(signed));
        String goodOut = run("pdfsig", good.toString());
        assertThat(goodOut).contains("Signature #1", "Signature #2");
        assertThat(goodOut.split("Signature is Valid", -1)).hasSize(3);
        assertThat(goodOut).contains("Nguyễn Văn Ký");
        String badOut = run("pdfsig", bad.toString());
        assertThat(badOut).doesNotContain("Signature #1:\n  - Signer Certificate Common Name: Nguyễn Văn Ký\n").containsAnyOf("Digest Mismatch", "Invalid", "not valid");
    }

    /** Changes one byte inside the signed page content (a byte the first signature covers). */
    static byte[] tamper(byte[] signed) {
        byte[] copy = signed.clone();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/MediaBox");
        copy[at + 2] = (byte) (copy[at + 2] == 'e' ? 'E' : 'e');
        return copy;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
