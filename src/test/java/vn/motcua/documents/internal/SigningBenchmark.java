package vn.motcua.documents.internal;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.Signer;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

/**
 * Benchmark (not a test) of electronic-result signing: a two-page A4 result with an embedded Vietnamese font, signed by
 * the person and sealed by the agency (two PAdES signatures, incremental saves), then verified; on 1 and 2 threads.
 * {@code bin/benchmark-signing [results]}.
 */
public final class SigningBenchmark {
    private SigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("motcua-signing-bench");
        DemoCertificateAuthority ca = new DemoCertificateAuthority(new DocumentsProperties(dir.resolve("files"), null,
                new DocumentsProperties.Signing("demo", dir.resolve("ca.p12"), "bench")));
        Signer signer = new Signer("lanhdao.bench", "Nguyễn Văn Ký", "Lãnh đạo", 1, "STP", "Sở Tư pháp tỉnh An Giang");
        byte[] pdf = result();
        ca.person(signer);
        ca.seal(signer);
        for (int i = 0; i < 30; i++) {
            Signatures.verify(sign(ca, signer, pdf), ca.trustedRoots());
        }
        System.out.printf("result PDF: %,d bytes; signed: %,d bytes%n", pdf.length, sign(ca, signer, pdf).length);
        for (int threads : new int[]{1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long t0 = System.nanoTime();
            List<Future<byte[]>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> sign(ca, signer, pdf)));
            }
            byte[] last = null;
            for (Future<byte[]> f : all) {
                last = f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("sign + seal (%d thread%s): %,d results in %.2f s = %.1f per second, %.1f ms each%n", threads,
                    threads == 1 ? "" : "s", n, seconds, n / seconds, seconds * 1000 * threads / n);
            long v0 = System.nanoTime();
            byte[] signed = last;
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                checks.add(pool.submit(() -> Signatures.verify(signed, ca.trustedRoots()).valid()));
            }
            for (Future<Boolean> f : checks) {
                if (!f.get()) {
                    throw new IllegalStateException("a signed result did not verify");
                }
            }
            double vs = (System.nanoTime() - v0) / 1e9;
            System.out.printf("verify (%d thread%s): %,d in %.2f s = %.1f per second%n", threads, threads == 1 ? "" : "s", n, vs, n / vs);
            pool.shutdown();
        }
    }

    static byte[] sign(DemoCertificateAuthority ca, Signer s, byte[] pdf) {
        GregorianCalendar now = new GregorianCalendar();
        byte[] one = Signatures.sign(pdf, ca.person(s), s.fullName(), "Phê duyệt", s.agencyName(), now,
                List.of("Ký bởi: " + s.fullName(), s.title() + ", " + s.agencyName(), "Thời gian ký: 24/11/2026 10:00:00 (GMT+7)"), true);
        return Signatures.sign(one, ca.seal(s), s.agencyName(), "Đóng dấu", s.agencyName(), now,
                List.of("Cơ quan: " + s.agencyName(), "Mã kết quả: KQBENCH"), false);
    }

    static byte[] result() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
             InputStream font = SigningBenchmark.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf")) {
            PDType0Font f = PDType0Font.load(doc, font, true);
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(f, 12);
                    cs.setLeading(16);
                    cs.newLineAtOffset(60, 780);
                    for (int i = 0; i < 40; i++) {
                        cs.showText("Kết quả giải quyết thủ tục hành chính — dòng " + (i + 1) + " của trang " + (p + 1));
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
