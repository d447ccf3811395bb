package vn.motcua.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the documents module.
 *
 * @param storageDir     the folder of the file store (content-addressed, immutable); back it up with the database
 * @param publicBaseUrl  the address printed in the verification link and QR code of signed results
 * @param signing        where signing keys come from
 */
@ConfigurationProperties(prefix = "motcua.documents")
public record DocumentsProperties(Path storageDir, String publicBaseUrl, Signing signing) {

    public DocumentsProperties {
        storageDir = storageDir == null ? Path.of("data", "files") : storageDir;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        signing = signing == null ? new Signing(null, null, null) : signing;
    }

    /**
     * @param mode      {@code demo}: a demo certificate authority created on first start (never for real documents);
     *                  {@code keystore}: the province's PKCS#12 keystore with one key per signer and per agency seal
     * @param keystore  the PKCS#12 file (demo: created there; keystore mode: provided)
     * @param password  its password
     */
    public record Signing(String mode, Path keystore, String password) {
        public Signing {
            mode = mode == null || mode.isBlank() ? "demo" : mode;
            keystore = keystore == null ? Path.of("data", "signing", "demo-ca.p12") : keystore;
            password = password == null ? "demo-ca-khong-dung-cho-van-ban-that" : password;
        }
    }
}
