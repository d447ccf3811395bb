package vn.motcua.documents;

/**
 * A document to keep in an applicant's data store.
 *
 * @param ownerKey      the applicant's personal identification number (12 digits) or enterprise/tax code
 * @param typeCode      its document type (null when the component is not mapped to one: kept, never offered for reuse)
 * @param storageKey    the file, already in the file store
 */
public record NewStoredDocument(String ownerKey, String typeCode, String title, DocumentDetails details, String filename, String contentType,
                                long sizeBytes, String storageKey, DocumentSource source, String sourceDossierCode, String resultCode,
                                String createdBy) {
}
