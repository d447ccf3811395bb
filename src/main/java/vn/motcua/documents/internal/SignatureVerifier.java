package vn.motcua.documents.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Store;
import vn.motcua.documents.SignatureReport;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the signatures of a PDF from the bytes alone: PDFBox only finds each signature's byte range and
 * /Contents; BouncyCastle checks the CMS signature against exactly those bytes (the message digest and the
 * signer's RSA signature); the JDK's PKIX validator checks the chain to the trusted roots at the signing time.
 * The file is valid when every signature is intact and trusted, each covers the file as it was when signed, and
 * the last one covers it to its very end (nothing was added after signing).
 */
final class SignatureVerifier {
    private SignatureVerifier() {
    }

    record Outcome(boolean valid, String problem, List<SignatureReport.Signature> signatures) {
    }

    static Outcome verify(byte[] pdf, List<X509Certificate> roots) {
        List<SignatureReport.Signature> found = new ArrayList<>();
        List<PDSignature> signatures;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Outcome(false, "Tệp không có chữ ký số.", List.of());
            }
            long lastEnd = 0;
            for (PDSignature sig : signatures) {
                int[] range = sig.getByteRange();
                if (range == null || range.length != 4) {
                    found.add(broken(sig, "Chữ ký không có vùng dữ liệu được ký hợp lệ."));
                    continue;
                }
                long end = (long) range[2] + range[3];
                lastEnd = Math.max(lastEnd, end);
                found.add(check(sig, pdf, range, end == pdf.length, roots));
            }
            String problem = null;
            if (found.stream().anyMatch(s -> !s.intact())) {
                problem = "Nội dung tệp đã bị thay đổi sau khi ký (chữ ký không khớp với dữ liệu).";
            } else if (lastEnd != pdf.length) {
                problem = "Tệp đã bị thêm nội dung sau chữ ký cuối cùng.";
            } else if (found.stream().anyMatch(s -> !s.trusted())) {
                problem = "Chứng thư số của người ký không do tổ chức được tin cậy cấp.";
            } else if (found.stream().anyMatch(s -> s.problem() != null)) {
                problem = found.stream().filter(s -> s.problem() != null).findFirst().orElseThrow().problem();
            }
            return new Outcome(problem == null, problem, found);
        } catch (Exception e) {
            return new Outcome(false, "Tệp không đọc được như một tệp PDF có chữ ký số (" + e.getClass().getSimpleName() + ").", found);
        }
    }

    private static SignatureReport.Signature check(PDSignature sig, byte[] pdf, int[] range, boolean wholeFile, List<X509Certificate> roots) {
        try {
            if ((long) range[2] + range[3] > pdf.length || range[0] != 0) {
                return broken(sig, "Vùng dữ liệu được ký vượt quá tệp.");
            }
            byte[] signedContent = new byte[range[1] + range[3]];
            System.arraycopy(pdf, range[0], signedContent, 0, range[1]);
            System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);
            // /Contents is padded with zeros: read the one CMS object at its start and ignore the padding
            org.bouncycastle.asn1.cms.ContentInfo info;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents())) {
                info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), info);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certs = cms.getCertificates();
            Collection<X509CertificateHolder> matches = certs.getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return broken(sig, "Chữ ký không kèm chứng thư số của người ký.");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate cert = converter.getCertificate(matches.iterator().next());
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (Exception e) {
                intact = false;
            }
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            for (X509CertificateHolder h : certs.getMatches(null)) {
                X509Certificate c = converter.getCertificate(h);
                if (!c.equals(cert) && !roots.contains(c)) {
                    chain.add(c);
                }
            }
            Date at = sig.getSignDate() == null ? new Date() : sig.getSignDate().getTime();
            boolean trusted = trusted(chain, roots, at);
            X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            X500Name issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
            ZonedDateTime when = sig.getSignDate() == null ? null
                    : ZonedDateTime.ofInstant(sig.getSignDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
            return new SignatureReport.Signature(part(subject, BCStyle.CN), part(subject, BCStyle.T), part(subject, BCStyle.O),
                    part(issuer, BCStyle.CN), when, sig.getReason(), intact, trusted, wholeFile,
                    intact ? null : "Dữ liệu đã bị thay đổi sau khi ký.");
        } catch (Exception e) {
            return broken(sig, "Chữ ký số bị hỏng (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
    }

    private static boolean trusted(List<X509Certificate> chain, List<X509Certificate> roots, Date at) {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static SignatureReport.Signature broken(PDSignature sig, String problem) {
        ZonedDateTime when = sig.getSignDate() == null ? null : ZonedDateTime.ofInstant(sig.getSignDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
        return new SignatureReport.Signature(sig.getName(), null, null, null, when, sig.getReason(), false, false, false, problem);
    }

    private static String part(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
