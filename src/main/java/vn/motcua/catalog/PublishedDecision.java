package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A publication decision as control of publication timeliness reads it: when it was signed and takes effect, the
 * procedures it published, amended or abolished, and the first day one of them was made public in this system.
 */
public record PublishedDecision(long id, String number, String title, long issuerAgencyId, LocalDate signedOn, LocalDate effectiveOn,
                                List<String> procedureCodes, LocalDate firstPublicOn) {
}
