package vn.motcua.calendar;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.internal.AdjustmentStore;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Public API: the working calendar in force (rules + entered decisions), and entering decisions. */
@Service
public class WorkingCalendarService {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final AdjustmentStore store;
    private final CalendarProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>();

    public WorkingCalendarService(AdjustmentStore store, CalendarProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The calendar with every decision entered so far (rebuilt after each change). */
    public WorkingCalendar calendar() {
        WorkingCalendar c = current.get();
        if (c == null) {
            c = new WorkingCalendar(properties.officeHours(), store.all());
            current.set(c);
        }
        return c;
    }

    /** The local time now, to the microsecond: what the database keeps of a time (so that a time written reads back the same). */
    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public int warnWorkingHoursBefore() {
        return properties.warnWorkingHoursBefore();
    }

    public List<Adjustment> adjustments(int year) {
        return store.all().stream().filter(a -> a.day().getYear() == year).toList();
    }

    @Transactional
    public void add(Adjustment a, String user) {
        Problems p = new Problems();
        p.require(a.day() != null, "day", "Chưa chọn ngày.");
        p.require(a.kind() != null, "kind", "Chưa chọn ngày nghỉ hay ngày làm việc.");
        p.requireText(a.reason(), "reason", "Căn cứ (văn bản quyết định, thông báo)");
        p.throwIfAny();
        if (store.exists(a.day())) {
            p.add("day", "Ngày " + VN.format(a.day()) + " đã có quyết định; hãy xóa quyết định cũ trước.").throwIfAny();
        }
        if (a.kind() == DayKind.WORKING_DAY && calendar().isWorkingDay(a.day())) {
            p.add("kind", "Ngày " + VN.format(a.day()) + " vốn đã là ngày làm việc.").throwIfAny();
        }
        if (a.kind() == DayKind.DAY_OFF && !calendar().isWorkingDay(a.day())) {
            p.add("kind", "Ngày " + VN.format(a.day()) + " vốn đã là ngày nghỉ.").throwIfAny();
        }
        store.insert(a, user, clock.instant());
        audit.record("calendar.decision-added", "calendar-day", a.day(), null, a);
        current.set(null);
    }

    @Transactional
    public void remove(LocalDate day) {
        if (store.delete(day) != 1) {
            throw new NotFoundException("Không có quyết định nào cho ngày " + VN.format(day) + ".");
        }
        audit.record("calendar.decision-removed", "calendar-day", day, null, null);
        current.set(null);
    }
}
