package vn.motcua.organization.internal;

import vn.motcua.organization.AgencyType;

import java.time.LocalDate;

/** A row of table agency. */
public record AgencyRecord(long id, String code, String name, String shortName, AgencyType type,
                           LocalDate validFrom, LocalDate validUntil, Long successorId, String endReason,
                           String address, String phone, String email, String identifierCode) {
}
