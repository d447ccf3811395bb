package vn.motcua.dossier;

import java.time.LocalDateTime;

/** A file of a dossier (the content is fetched separately), for a component or a supplement. */
public record DossierFile(long id, Long componentId, Long supplementId, String filename, String contentType, long sizeBytes,
                          String sha256, LocalDateTime uploadedAt, String uploadedBy) {

    /** What a download sends: the stored name, the checked content type and the bytes. */
    public record Content(String filename, String contentType, byte[] content) {
    }
}
