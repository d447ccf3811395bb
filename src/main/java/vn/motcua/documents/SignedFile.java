package vn.motcua.documents;

import java.time.LocalDateTime;

/** A signed PDF kept in the file store and in the register of electronic results under its result code. */
public record SignedFile(String resultCode, String filename, String storageKey, String sha256, long sizeBytes, LocalDateTime signedAt,
                         Long storedDocumentId) {
}
