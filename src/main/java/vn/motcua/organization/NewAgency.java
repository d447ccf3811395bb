package vn.motcua.organization;

import java.time.LocalDate;

/** What it takes to establish a unit. */
public record NewAgency(String code, String name, String shortName, AgencyType type, Long parentId,
                        LocalDate validFrom, String address, String phone, String email, String identifierCode) {
    public NewAgency(String code, String name, String shortName, AgencyType type, Long parentId, LocalDate validFrom) {
        this(code, name, shortName, type, parentId, validFrom, null, null, null, null);
    }
}
