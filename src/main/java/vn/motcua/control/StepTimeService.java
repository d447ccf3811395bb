package vn.motcua.control;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.control.domain.StepTimes;
import vn.motcua.control.domain.TrailWalk;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.StepTrail;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns from the recorded history: the real time each step of a procedure's internal process takes, against the time
 * allotted in the version in force, across units, and the steps that could be shortened to reach the 20 % cut
 * without raising lateness. Dossiers of the variant asked for (counter/post or online) finished in the period count.
 */
@Service
public class StepTimeService {
    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final WorkingCalendarService calendars;
    private final AgencyService agencies;
    private final Scope scope;

    public StepTimeService(DossierQueries dossiers, CatalogService catalog, WorkingCalendarService calendars, AgencyService agencies, Scope scope) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.calendars = calendars;
        this.agencies = agencies;
        this.scope = scope;
    }

    /** The legal time limit (working days) of the procedure's version in force. */
    public java.math.BigDecimal timeLimit(String code) {
        return catalog.current(code).timeLimitDays();
    }

    public LocalDate today() {
        return agencies.today();
    }

    @Transactional(readOnly = true)
    public StepAnalysis analyse(String code, LocalDate from, LocalDate to, ProcessVariant variant) {
        if (code == null || code.isBlank()) {
            throw ValidationException.of("ma", "Chưa chọn thủ tục.");
        }
        if (from.isAfter(to) || from.isBefore(to.minusYears(3))) {
            throw ValidationException.of("tuNgay", "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 3 năm).");
        }
        ProcedureVersion v = catalog.inForceOn(code.trim(), agencies.today())
                .orElseThrow(() -> ValidationException.of("ma", "Không có thủ tục đang có hiệu lực với mã " + code.trim() + "."));
        List<ProcessStep> steps = v.process(variant);
        if (steps.isEmpty()) {
            steps = v.process(ProcessVariant.STANDARD);
        }
        List<StepTimes.Allotted> allotted = steps.stream()
                .map(s -> new StepTimes.Allotted(s.position(), s.name(), s.durationMinutes())).toList();
        WorkingCalendar cal = calendars.calendar();
        List<StepTimes.Span> spans = new ArrayList<>();
        int count = 0;
        for (StepTrail t : dossiers.stepTrails(v.code(), from, to)) {
            if (!t.variant().equals(variant.name())) {
                continue;
            }
            count++;
            spans.addAll(TrailWalk.spans(t, cal).stream().filter(s -> s.step() <= allotted.size()).toList());
        }
        return new StepAnalysis(v.code(), v.name(), variant, from, to,
                StepTimes.analyse(allotted, spans, SimplificationService.TARGET_PERCENT, count), scope.names());
    }
}
