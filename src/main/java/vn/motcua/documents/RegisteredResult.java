package vn.motcua.documents;

import java.time.LocalDateTime;

/** An entry of the register of signed electronic results (what a verification by result code shows). */
public record RegisteredResult(String code, String kind, String dossierCode, String title, String filename, String sha256, long sizeBytes,
                               LocalDateTime signedAt, String signerName, String signerTitle, String agencyName) {
}
