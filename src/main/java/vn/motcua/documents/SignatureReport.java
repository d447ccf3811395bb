package vn.motcua.documents;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a verification of a PDF found.
 *
 * @param valid       every signature is intact, covers the file up to where it was signed, chains to a trusted
 *                    root, and nothing was added after the last signature
 * @param problem     why the file is not valid (null when valid)
 * @param signatures  each signature, in signing order
 * @param result      the registered electronic result the file is, when its hash matches one
 */
public record SignatureReport(boolean valid, String problem, List<Signature> signatures, RegisteredResult result) {

    /**
     * @param intact         the signed bytes still have the digest the signer signed (the document did not change)
     * @param trusted        the certificate chains to a trusted root (the demo root in demo mode)
     * @param coversWholeFile the signature covers the file to its end (false for earlier signatures followed by later ones)
     */
    public record Signature(String signerName, String signerTitle, String organisation, String issuer, ZonedDateTime signedAt,
                            String reason, boolean intact, boolean trusted, boolean coversWholeFile, String problem) {
    }
}
