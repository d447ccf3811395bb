package vn.motcua.catalog;

import vn.motcua.identity.Role;

import java.math.BigDecimal;

/** A step of the internal process with who does it and how many working hours it may take. */
public record ProcessStep(ProcessVariant variant, int position, String name, String responsible, Role role,
                          BigDecimal durationHours) {

    /** The step's working time in whole minutes (2.4 hours = 144 minutes). */
    public long durationMinutes() {
        return durationHours.multiply(BigDecimal.valueOf(60)).longValue();
    }
}
