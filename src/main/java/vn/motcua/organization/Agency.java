package vn.motcua.organization;

import java.time.LocalDate;

/**
 * A unit as seen on a given date: {@code parentId} is its parent on that date (null for the
 * province or when it had none). {@code validUntil} is the first day it no longer exists.
 * {@code identifierCode} is its electronic identifier code (mã định danh, QCVN 102:2016/BTTTT), used in
 * dossier codes; null when not yet assigned (the internal code serves then).
 */
public record Agency(long id, String code, String name, String shortName, AgencyType type, Long parentId,
                     LocalDate validFrom, LocalDate validUntil, Long successorId, String endReason,
                     String address, String phone, String email, String identifierCode) {

    public boolean activeOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validUntil == null || validUntil.isAfter(date));
    }

    public String displayName() {
        return shortName == null || shortName.isBlank() ? name : shortName;
    }
}
