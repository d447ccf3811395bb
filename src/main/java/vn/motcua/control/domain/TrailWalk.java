package vn.motcua.control.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.StepTrail;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a dossier's history into the time each step took: a step starts at the line that moved the dossier into it
 * and ends at the line that moved it out (forward, back, transfer) or ended the handling (result returned, stopped,
 * withdrawn); the time waited for the applicant's supplement (pause → resume) is left out; times are working minutes.
 * A step entered again (sent back) counts once more. When receipt moves the dossier straight past the first step (the
 * one-stop officer's check done at intake), that step took from submission to receipt.
 */
public final class TrailWalk {
    private static final Set<DossierAction> ENDS = Set.of(DossierAction.RETURN_RESULT, DossierAction.STOP, DossierAction.WITHDRAW,
            DossierAction.REFUSE);

    private TrailWalk() {
    }

    public static List<StepTimes.Span> spans(StepTrail trail, WorkingCalendar cal) {
        List<StepTimes.Span> out = new ArrayList<>();
        Integer current = null;
        LocalDateTime start = null;
        LocalDateTime pausedAt = null;
        long paused = 0;
        LocalDateTime first = trail.lines().isEmpty() ? null : trail.lines().get(0).at();
        for (StepTrail.Line line : trail.lines()) {
            if (line.action() == DossierAction.PAUSE) {
                pausedAt = line.at();
                continue;
            }
            if (line.action() == DossierAction.RESUME) {
                if (pausedAt != null) {
                    paused += cal.workingMinutesBetween(pausedAt, line.at());
                    pausedAt = null;
                }
                continue;
            }
            boolean ends = ENDS.contains(line.action());
            Integer next = ends ? null : line.step();
            if (!ends && (next == null || next.equals(current))) {
                continue; // a line that does not move the dossier (assignment, warning, apology)
            }
            if (current == null && start == null && next != null && next > 1 && first != null) {
                // the first step was done at intake (the receiving officer's check): from submission to receipt
                out.add(new StepTimes.Span(next - 1, trail.handlingAgencyId(), Math.max(0, cal.workingMinutesBetween(first, line.at()) - paused)));
            }
            if (current != null && start != null) {
                long minutes = Math.max(0, cal.workingMinutesBetween(start, line.at()) - paused);
                out.add(new StepTimes.Span(current, trail.handlingAgencyId(), minutes));
            }
            current = next;
            start = line.at();
            paused = 0;
            pausedAt = null;
        }
        return out;
    }
}
