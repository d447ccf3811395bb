package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * Where a dossier and its applicant's data came from, as the national systems told.
 *
 * @param portalCode           the national portal's code when it was submitted there
 * @param applicantVneid       the applicant was logged in with the national identity (VNeID, level 2) when submitting
 * @param populationCheckedAt  when the applicant was checked against the population database (null: not checked)
 * @param populationFields     which applicant data came from there (comma-separated: name, idNumber, address …)
 * @param handledIn            null when handled in this system; else the sectoral system that handles it, or LEGACY for
 *                             a dossier imported from the replaced system
 * @param externalCode         its code in that system
 */
public record DossierOrigin(String portalCode, boolean applicantVneid, LocalDateTime populationCheckedAt, String populationFields,
                            String handledIn, String externalCode) {
    public static final String LEGACY = "LEGACY";

    public boolean handledElsewhere() {
        return handledIn != null && !LEGACY.equals(handledIn);
    }
}
