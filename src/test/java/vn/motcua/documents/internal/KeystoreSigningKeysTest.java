package vn.motcua.documents.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.Signer;
import vn.motcua.documents.SigningKeys;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production adapter: the province's PKCS#12 with person-, seal- and root- entries signs and verifies; a missing key is named. */
class KeystoreSigningKeysTest {
    @TempDir
    Path dir;

    @Test
    void signsWithTheProvincesKeysAndNamesAMissingOne() throws Exception {
        Signer leader = new Signer("lanhdao.stp", "Huỳnh Thị Lan", "Phó Giám đốc", 7, "STP", "Sở Tư pháp tỉnh An Giang");
        // a provider's keys, made here by the demo authority and copied into the layout the province's keystore uses
        DemoCertificateAuthority provider = new DemoCertificateAuthority(new DocumentsProperties(dir.resolve("files"), null,
                new DocumentsProperties.Signing("demo", dir.resolve("provider.p12"), "provider")));
        SigningKeys.Key person = provider.person(leader);
        SigningKeys.Key seal = provider.seal(leader);
        char[] password = "province-secret".toCharArray();
        KeyStore province = KeyStore.getInstance("PKCS12");
        province.load(null, password);
        province.setKeyEntry("person-lanhdao.stp", ((LocalKey) person).privateKey(), password, person.chain().toArray(Certificate[]::new));
        province.setKeyEntry("seal-STP", ((LocalKey) seal).privateKey(), password, seal.chain().toArray(Certificate[]::new));
        province.setCertificateEntry("root-provider", provider.trustedRoots().get(0));
        Path file = dir.resolve("province.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            province.store(out, password);
        }

        KeystoreSigningKeys keys = new KeystoreSigningKeys(new DocumentsProperties(dir.resolve("files"), null,
                new DocumentsProperties.Signing("keystore", file, "province-secret")));
        assertThat(keys.demo()).isFalse();
        assertThat(keys.trustedRoots()).containsExactly(provider.trustedRoots().get(0));
        byte[] signed = SignatureTest.signedTwice(keys, leader);
        Signatures.Checked c = Signatures.verify(signed, keys.trustedRoots());
        assertThat(c.valid()).as(c.problem()).isTrue();
        assertThat(c.signatures()).extracting(s -> s.signerName()).containsExactly("Huỳnh Thị Lan", "Sở Tư pháp tỉnh An Giang");

        Signer stranger = new Signer("lanhdao.snnmt", "Trần Văn Khác", "Giám đốc", 9, "SNNMT", "Sở Nông nghiệp và Môi trường");
        assertThatThrownBy(() -> keys.person(stranger)).hasMessageContaining("Chưa có chứng thư số cho người ký Trần Văn Khác");
        assertThatThrownBy(() -> keys.seal(stranger)).hasMessageContaining("seal-SNNMT");
    }
}
