package vn.motcua.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A document of the applicant's data store (kho dữ liệu). */
public record StoredDocument(long id, String ownerKey, String typeCode, String typeName, String title, String number, String issuer,
                             LocalDate issuedOn, LocalDate expiresOn, String filename, String contentType, long sizeBytes, String sha256,
                             DocumentSource source, String sourceDossierCode, String resultCode, LocalDateTime createdAt,
                             LocalDateTime revokedAt) {

    /** Usable on the day: not revoked, not past its expiry date, typed (an untyped document cannot stand for a component). */
    public boolean validOn(LocalDate day) {
        return revokedAt == null && typeCode != null && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
