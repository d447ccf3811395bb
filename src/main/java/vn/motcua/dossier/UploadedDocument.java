package vn.motcua.dossier;

/** A file attached for one published component (online, or with a supplement). */
public record UploadedDocument(long componentId, String filename, String contentType, byte[] content) {
}
