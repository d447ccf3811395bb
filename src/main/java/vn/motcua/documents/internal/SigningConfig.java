package vn.motcua.documents.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.documents.SigningKeys;

/** Chooses the signing keys adapter by {@code motcua.documents.signing.mode} (demo | keystore). */
@Configuration
class SigningConfig {

    @Bean
    SigningKeys signingKeys(DocumentsProperties properties) {
        return switch (properties.signing().mode()) {
            case "demo" -> new DemoCertificateAuthority(properties);
            case "keystore" -> new KeystoreSigningKeys(properties);
            default -> throw new IllegalStateException("motcua.documents.signing.mode must be demo or keystore, not " + properties.signing().mode());
        };
    }
}
