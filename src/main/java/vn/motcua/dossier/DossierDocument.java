package vn.motcua.dossier;

/**
 * A published component of the procedure and whether the applicant presented it.
 *
 * @param digitised         it has files in the dossier (scanned at intake, uploaded online, or reused)
 * @param reusedDocumentId  the applicant's stored document it reused instead of being asked again (the index's "DuocSoHoa")
 */
public record DossierDocument(long id, long componentId, String componentName, int originals, int copies, boolean present, boolean digitised,
                              Long reusedDocumentId) {

    public boolean reused() {
        return reusedDocumentId != null;
    }

    /** A document the law only asks to be shown (xuất trình): nothing is kept or uploaded. */
    public boolean showOnly() {
        return originals == 0 && copies == 0;
    }

    /** "1 bản chính, 1 bản sao" or "Xuất trình". */
    public String quantity() {
        StringBuilder sb = new StringBuilder();
        if (originals > 0) {
            sb.append(originals).append(" bản chính");
        }
        if (copies > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(copies).append(" bản sao");
        }
        return sb.isEmpty() ? "Xuất trình" : sb.toString();
    }
}
