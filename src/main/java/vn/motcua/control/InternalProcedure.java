package vn.motcua.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** An internal procedure (TTHC nội bộ between state bodies) with its versions by decision, newest first. */
public record InternalProcedure(long id, String code, LocalDate abolishedOn, List<Version> versions) {

    public enum Status implements vn.motcua.control.domain.Labelled {
        DRAFT("Dự thảo", "Draft"), PUBLISHED("Đang áp dụng", "In force"), REPLACED("Đã được thay thế", "Replaced");

        private final String label;
        private final String labelEn;

        Status(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    public record Version(long id, int versionNo, Status status, String name, vn.motcua.catalog.ProcedureLevel level, String fieldName,
                          long agencyId, String agencyName, String steps, String components, BigDecimal timeLimitDays, String legalBasis,
                          String decisionNumber, LocalDate decisionSignedOn, LocalDateTime publishedAt, String createdBy, long rowVersion) {
    }

    /** The version in force (null before the first publication or once abolished). */
    public Version current() {
        return abolishedOn != null ? null : versions.stream().filter(v -> v.status() == Status.PUBLISHED).findFirst().orElse(null);
    }

    public Version draft() {
        return versions.stream().filter(v -> v.status() == Status.DRAFT).findFirst().orElse(null);
    }

    /** The latest version of any status (what the list shows). */
    public Version latest() {
        return versions.get(0);
    }
}
