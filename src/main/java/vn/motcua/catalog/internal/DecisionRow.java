package vn.motcua.catalog.internal;

import java.time.LocalDate;

public record DecisionRow(long id, String number, String title, long issuerAgencyId, LocalDate signedOn, LocalDate effectiveOn) {
}
