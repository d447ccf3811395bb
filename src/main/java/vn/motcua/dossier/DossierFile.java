package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A file of a dossier (the content is fetched separately), for a component, a supplement or the result.
 *
 * @param storedDocumentId the document of the applicant's data store it was reused from (kind REUSED)
 * @param resultCode       the code of a signed result or certified copy in the register of electronic results
 */
public record DossierFile(long id, Long componentId, Long supplementId, String filename, String contentType, long sizeBytes,
                          String sha256, LocalDateTime uploadedAt, String uploadedBy, Kind kind, Long storedDocumentId, String resultCode) {

    /** Where a file came from. */
    public enum Kind {
        APPLICANT("Người nộp tải lên", "Uploaded by the applicant"),
        EFORM("Tờ khai trực tuyến", "Online form"),
        SCAN("Bản số hóa tại bộ phận một cửa", "Scanned at intake"),
        REUSED("Dùng lại từ kho dữ liệu", "Reused from the data store"),
        RESULT("Kết quả điện tử đã ký số", "Signed electronic result"),
        CERTIFIED_COPY("Bản sao điện tử được chứng thực", "Electronic certified copy");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }

        /** A file the agency signed (a result or a certified copy). */
        public boolean signed() {
            return this == RESULT || this == CERTIFIED_COPY;
        }
    }

    /** What a download sends: the stored name, the checked content type and the bytes. */
    public record Content(String filename, String contentType, byte[] content) {
    }
}
