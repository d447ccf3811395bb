package vn.motcua.documents.internal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.Signer;
import vn.motcua.documents.SigningKeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/**
 * A DEMO certificate authority, created on first start in a PKCS#12 keystore ({@code motcua.documents.signing.keystore},
 * default {@code ./data/signing/demo-ca.p12}): a root "MotCua DEMO Root CA", and on first use a certificate for
 * each signer and each agency seal, issued by that root. Every certificate says DEMO in its name; signatures made
 * with them have no legal value. Production uses {@code keystore} mode with certificates from a licensed trust
 * service provider (or a remote signing service through {@link SigningKeys}).
 */
class DemoCertificateAuthority implements SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);
    static final String DEMO = "DEMO - không có giá trị pháp lý";
    private static final Date NOT_BEFORE = Date.from(LocalDate.of(2020, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    private final Path file;
    private final char[] password;
    private final KeyStore store;
    private final SecureRandom random = new SecureRandom();
    /** Keys already read: reading one from PKCS#12 derives its decryption key (PBKDF2), far slower than signing with it. */
    private final java.util.Map<String, Key> keys = new java.util.concurrent.ConcurrentHashMap<>();

    DemoCertificateAuthority(DocumentsProperties properties) {
        Crypto.install();
        this.file = properties.signing().keystore().toAbsolutePath();
        this.password = properties.signing().password().toCharArray();
        try {
            store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                KeyPair root = keyPair();
                X500Name name = name("MotCua DEMO Root CA", null, "MotCua (" + DEMO + ")");
                X509Certificate cert = issue(name, root, name, root.getPrivate(), true);
                store.setKeyEntry("root", root.getPrivate(), password, new Certificate[]{cert});
                save();
                log.warn("Created the DEMO certificate authority at {} — its signatures have no legal value.", file);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Không mở được kho khóa ký số DEMO " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Key person(Signer s) {
        return key("person-" + s.username(), () -> name(s.fullName(), s.title(), s.agencyName()));
    }

    @Override
    public Key seal(Signer s) {
        return key("seal-" + s.agencyId(), () -> name(s.agencyName(), null, s.agencyName()));
    }

    @Override
    public List<X509Certificate> trustedRoots() {
        try {
            return List.of((X509Certificate) store.getCertificate("root"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean demo() {
        return true;
    }

    private Key key(String alias, java.util.function.Supplier<X500Name> subject) {
        Key known = keys.get(alias);
        return known != null ? known : load(alias, subject);
    }

    private synchronized Key load(String alias, java.util.function.Supplier<X500Name> subject) {
        try {
            if (!store.containsAlias(alias)) {
                X509Certificate root = (X509Certificate) store.getCertificate("root");
                PrivateKey rootKey = (PrivateKey) store.getKey("root", password);
                KeyPair pair = keyPair();
                X509Certificate cert = issue(subject.get(), pair, X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), rootKey, false);
                store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[]{cert, root});
                save();
            }
            Key key = LocalKey.read(store, alias, password);
            keys.put(alias, key);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException("Không lấy được khóa ký số DEMO " + alias + ": " + e.getMessage(), e);
        }
    }

    private static X500Name name(String cn, String title, String organisation) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (organisation != null) {
            b.addRDN(BCStyle.O, organisation);
        }
        b.addRDN(BCStyle.OU, DEMO);
        if (title != null) {
            b.addRDN(BCStyle.T, title);
        }
        return b.addRDN(BCStyle.CN, cn).build();
    }

    /** ECDSA on P-256: as strong as RSA 3072, and a key is made in a millisecond (an RSA key took up to a second). */
    private KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    private X509Certificate issue(X500Name subject, KeyPair pair, X500Name issuer, PrivateKey issuerKey, boolean ca) throws Exception {
        Date notAfter = Date.from(LocalDate.of(2045, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC));
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random).abs().add(BigInteger.ONE),
                NOT_BEFORE, notAfter, subject, pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(LocalKey.algorithm(issuerKey)).build(issuerKey)));
    }

    private void save() throws Exception {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        Path tmp = Files.createTempFile(file.getParent(), ".demo-ca-", ".tmp");
        try {
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new UncheckedIOException(e);
        }
    }
}
