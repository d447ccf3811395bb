package vn.motcua.documents.internal;

import vn.motcua.documents.SignatureReport;
import vn.motcua.documents.SigningKeys;

import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;

/** The module's entry to signing and verifying PDFs (the PDFBox and BouncyCastle details stay in this package). */
public final class Signatures {
    private Signatures() {
    }

    public record Checked(boolean valid, String problem, List<SignatureReport.Signature> signatures) {
    }

    public static byte[] sign(byte[] pdf, SigningKeys.Key key, String name, String reason, String location, Calendar when, List<String> lines,
                              boolean person) {
        return PadesSigner.sign(pdf, key, name, reason, location, when, lines, person ? PadesSigner.Slot.RIGHT : PadesSigner.Slot.LEFT);
    }

    public static Checked verify(byte[] pdf, List<X509Certificate> roots) {
        SignatureVerifier.Outcome o = SignatureVerifier.verify(pdf, roots);
        return new Checked(o.valid(), o.problem(), o.signatures());
    }
}
