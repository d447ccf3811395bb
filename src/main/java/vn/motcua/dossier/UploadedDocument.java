package vn.motcua.dossier;

/** A file an applicant attached online for one published component. */
public record UploadedDocument(long componentId, String filename, String contentType, byte[] content) {
}
