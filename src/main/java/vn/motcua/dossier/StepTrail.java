package vn.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The trail of one finished dossier through its internal process, as the history recorded it: the version and
 * variant of the process it followed, the unit that handled it, and each line that entered a step, paused or resumed
 * the clock, or ended the handling. What control mines for the real time each step takes.
 */
public record StepTrail(long dossierId, String code, long versionId, String variant, long handlingAgencyId, List<Line> lines) {

    /** One history line: when, what, and the step the dossier is at after it (null once handling ended). */
    public record Line(LocalDateTime at, DossierAction action, Integer step, DossierStatus toStatus) {
    }
}
