package vn.motcua.documents.internal;

import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.Signer;
import vn.motcua.documents.SigningKeys;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The province's own PKCS#12 keystore ({@code motcua.documents.signing.mode=keystore}): a key entry
 * {@code person-<username>} for every person who signs, {@code seal-<agency code>} for every agency seal, each with
 * its full chain from a licensed trust service provider; trusted certificate entries {@code root-*} are the roots a
 * verification trusts. A missing key is a clear error for the signer, never a silent unsigned result.
 */
class KeystoreSigningKeys implements SigningKeys {
    private final KeyStore store;
    private final char[] password;
    private final Path file;
    /** Keys already read (reading one from PKCS#12 runs PBKDF2, far slower than signing with it). */
    private final java.util.Map<String, Key> keys = new java.util.concurrent.ConcurrentHashMap<>();

    KeystoreSigningKeys(DocumentsProperties properties) {
        Crypto.install();
        this.file = properties.signing().keystore().toAbsolutePath();
        this.password = properties.signing().password().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (Exception e) {
            throw new IllegalStateException("Không mở được kho khóa ký số " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Key person(Signer signer) {
        return key("person-" + signer.username(), "người ký " + signer.fullName());
    }

    @Override
    public Key seal(Signer signer) {
        return key("seal-" + signer.agencyCode(), "con dấu của " + signer.agencyName());
    }

    private Key key(String alias, String whose) {
        Key known = keys.get(alias);
        if (known != null) {
            return known;
        }
        try {
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException("Chưa có chứng thư số cho " + whose + " (mục " + alias + " trong " + file.getFileName() + ").");
            }
            Key key = LocalKey.read(store, alias, password);
            keys.put(alias, key);
            return key;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Không đọc được khóa " + alias + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509Certificate> trustedRoots() {
        try {
            List<X509Certificate> roots = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith("root") && store.isCertificateEntry(alias)) {
                    roots.add((X509Certificate) store.getCertificate(alias));
                }
            }
            return roots;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean demo() {
        return false;
    }
}
