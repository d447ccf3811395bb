package vn.motcua.catalog;

import java.time.LocalDate;

/** A publication decision (quyết định công bố). */
public record DecisionInfo(String number, String title, Long issuerAgencyId, LocalDate signedOn, LocalDate effectiveOn) {
}
