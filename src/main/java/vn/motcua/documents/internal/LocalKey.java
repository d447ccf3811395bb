package vn.motcua.documents.internal;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.motcua.documents.SigningKeys;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key held by this application (demo authority or keystore): signs with SHA-256 and RSA or ECDSA into a detached
 * CMS signature carrying the signing-certificate-v2 attribute that PAdES baseline signatures require.
 */
record LocalKey(PrivateKey privateKey, List<X509Certificate> chain) implements SigningKeys.Key {

    /** The key entry of a keystore with its chain (the signer's certificate first). */
    static LocalKey read(java.security.KeyStore store, String alias, char[] password) throws java.security.GeneralSecurityException {
        return new LocalKey((PrivateKey) store.getKey(alias, password),
                java.util.Arrays.stream(store.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList());
    }

    /** SHA-256 with the key's own algorithm: RSA (most certificates of Vietnamese trust service providers) or ECDSA. */
    static String algorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalStateException("Loại khóa " + key.getAlgorithm() + " chưa được hỗ trợ để ký số.");
        };
    }

    @Override
    public byte[] signCms(byte[] content) {
        try {
            X509Certificate cert = chain.get(0);
            ContentSigner signer = new JcaContentSignerBuilder(algorithm(privateKey)).build(privateKey);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            SigningCertificateV2 signingCertificate = new SigningCertificateV2(
                    new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash));
            AttributeTable signed = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed) {
                        // PAdES: the signing time is the signature dictionary's /M, not a CMS signing-time attribute
                        @Override
                        public AttributeTable getAttributes(@SuppressWarnings("rawtypes") java.util.Map parameters) {
                            return super.getAttributes(parameters).remove(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
                        }
                    })
                    .build(signer, cert));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException("Không ký được tài liệu: " + e.getMessage(), e);
        }
    }
}
