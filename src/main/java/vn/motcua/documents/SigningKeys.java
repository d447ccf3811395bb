package vn.motcua.documents;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where signing keys are (a port). Adapters: the demo certificate authority created on first start (demo mode);
 * the province's PKCS#12 keystore (keystore mode). A remote signing service or a hardware token (USB token, HSM)
 * is another adapter: it only has to produce the CMS signature of the bytes a {@link Key} is given.
 */
public interface SigningKeys {

    /** The personal key of the one who signs. */
    Key person(Signer signer);

    /** The seal (con dấu) of the signer's agency. */
    Key seal(Signer signer);

    /** The roots a verification trusts. */
    List<X509Certificate> trustedRoots();

    /** True for the demo authority: its signatures carry no legal value, and every page says so. */
    boolean demo();

    /** One key: its certificate chain (the signer's certificate first) and the CMS signature it makes. */
    interface Key {
        List<X509Certificate> chain();

        /** A detached CMS (CAdES) signature of the content, as PAdES puts into a PDF signature's /Contents. */
        byte[] signCms(byte[] content);
    }
}
