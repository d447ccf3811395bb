package vn.motcua.dossier;

/** A published component of the procedure and whether the applicant presented it. */
public record DossierDocument(long id, long componentId, String componentName, int originals, int copies, boolean present,
                              String filename) {
}
