package vn.motcua.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A document of the applicant's data store (kho dữ liệu). */
public record StoredDocument(long id, String ownerKey, String typeCode, String typeName, String title, String number, String issuer,
                             LocalDate issuedOn, LocalDate expiresOn, String filename, String contentType, long sizeBytes, String sha256,
                             DocumentSource source, String sourceDossierCode, String resultCode, LocalDateTime createdAt,
                             LocalDateTime revokedAt) {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** "Giấy khai sinh — số 123, cấp ngày 01/02/2025, hiệu lực đến …; từ hồ sơ …" for lists and offers. */
    public String describe() {
        StringBuilder sb = new StringBuilder(typeName != null ? typeName : title);
        if (number != null) {
            sb.append(" — số ").append(number);
        }
        if (issuer != null) {
            sb.append(", ").append(issuer);
        }
        if (issuedOn != null) {
            sb.append(", cấp ngày ").append(DAY.format(issuedOn));
        }
        if (expiresOn != null) {
            sb.append(", hiệu lực đến ").append(DAY.format(expiresOn));
        }
        if (sourceDossierCode != null) {
            sb.append(" (").append(source.label().toLowerCase()).append(", hồ sơ ").append(sourceDossierCode).append(")");
        }
        return sb.toString();
    }

    /** Usable on the day: not revoked, not past its expiry date, typed (an untyped document cannot stand for a component). */
    public boolean validOn(LocalDate day) {
        return revokedAt == null && typeCode != null && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
