package vn.motcua.documents.internal;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Security;

/** Registers the BouncyCastle provider once. */
final class Crypto {
    private Crypto() {
    }

    static synchronized void install() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
