package vn.motcua.quality;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.quality.internal.ReviewStore;
import vn.motcua.quality.internal.Units;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Monday review (seed 004 item 9): every Monday each unit's head checks the five (six) groups of the index for the
 * week before and directs the remediation — with a person answering for each group, tasks (what, who, by when, done)
 * followed until closed, and the province seeing which units have not reviewed. The digest e-mail is built here too.
 */
@Service
public class WeeklyReviewService {
    private final QualityService quality;
    private final ReviewStore store;
    private final Units units;
    private final AccountService accounts;
    private final AuditLog audit;

    private final ReportService reports;
    private final org.springframework.context.ApplicationEventPublisher events;

    public WeeklyReviewService(QualityService quality, ReviewStore store, Units units, AccountService accounts, AuditLog audit, ReportService reports,
                               org.springframework.context.ApplicationEventPublisher events) {
        this.quality = quality;
        this.store = store;
        this.units = units;
        this.accounts = accounts;
        this.audit = audit;
        this.reports = reports;
        this.events = events;
    }

    /**
     * Queues the Monday digest of last week for every unit with someone to read it (its leaders with an e-mail address,
     * and the weekly recipients of the unit and the province); returns how many were queued.
     */
    @Transactional
    public int queueDigests() {
        LocalDate week = lastWeek();
        int n = 0;
        for (QualityService.Unit u : quality.units()) {
            if (u.id() == IndexCard.PROVINCE) {
                continue;
            }
            List<String> to = new ArrayList<>(reports.recipientsFor(u.id(), false));
            heads(u.id()).stream().map(Account::email).filter(e -> e != null && !e.isBlank() && !to.contains(e)).forEach(to::add);
            if (!to.isEmpty()) {
                events.publishEvent(new QualityEvents.DigestDue(u.id(), week, String.join(",", to)));
                n++;
            }
        }
        return n;
    }

    /** The Monday of the week a day belongs to. */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The week reviewed on a Monday: the one before it. */
    public LocalDate lastWeek() {
        return monday(quality.today()).minusWeeks(1);
    }

    @Transactional(readOnly = true)
    public WeeklyReview review(long unitId, LocalDate weekStart) {
        QualityService.Unit unit = quality.unit(unitId);
        LocalDate start = monday(weekStart);
        IndexCard week = quality.card(unit.id(), Period.range(start, start.plusDays(6)));
        LocalDate end = start.plusDays(6);
        IndexCard month = quality.card(unit.id(), Period.month(YearMonth.from(end)));
        Map<String, String> people = new LinkedHashMap<>();
        for (Account a : officers(unit.id())) {
            people.put(a.username(), a.fullName());
        }
        Map<Integer, String> assigned = store.assignments(unit.id());
        assigned.values().forEach(u -> people.computeIfAbsent(u, k -> k));
        List<WeeklyReview.Task> tasks = store.tasks(unit.id(), false);
        tasks.forEach(t -> people.computeIfAbsent(t.assignee(), k -> k));
        return new WeeklyReview(unit.id(), unit.name(), start, week, month, assigned, people, tasks, store.review(unit.id(), start).orElse(null));
    }

    /** The officers working in the unit (any officer role held for one of its agencies). */
    public List<Account> officers(long unitId) {
        Set<Long> agencies = unitId == IndexCard.PROVINCE ? null : units.agenciesOf(unitId);
        List<Account> out = new ArrayList<>();
        for (Account a : accounts.list()) {
            CurrentUser u = CurrentUser.of(a);
            boolean works = false;
            for (Role r : new Role[]{Role.LEADER, Role.PROCESSING_OFFICER, Role.RECEIVING_OFFICER, Role.TTHC_CONTROL}) {
                if (u.has(r) && (agencies == null ? !u.unitsFor(r).isEmpty() || r == Role.TTHC_CONTROL : u.unitsFor(r).stream().anyMatch(agencies::contains))) {
                    works = true;
                }
            }
            if (works && a.enabled()) {
                out.add(a);
            }
        }
        return out;
    }

    /** The unit's leaders (who receive the Monday digest and review it). */
    public List<Account> heads(long unitId) {
        Set<Long> agencies = units.agenciesOf(unitId);
        return accounts.withRole(Role.LEADER).stream().filter(Account::enabled)
                .filter(a -> CurrentUser.of(a).unitsFor(Role.LEADER).stream().anyMatch(agencies::contains)).toList();
    }

    /** Whether the user directs the unit's review: one of its leaders, or procedure control / an administrator. */
    public boolean mayDirect(CurrentUser user, long unitId) {
        if (user.has(Role.TTHC_CONTROL) || user.has(Role.ADMIN)) {
            return true;
        }
        return unitId != IndexCard.PROVINCE && user.has(Role.LEADER) && user.unitsFor(Role.LEADER).stream().anyMatch(units.agenciesOf(unitId)::contains);
    }

    private void requireDirect(CurrentUser user, long unitId) {
        if (!mayDirect(user, unitId)) {
            throw new ConflictException("Chỉ lãnh đạo của đơn vị (hoặc cán bộ kiểm soát TTHC) chỉ đạo việc theo dõi chỉ số của đơn vị.");
        }
    }

    /** Gives a group of indicators of the unit to a person who follows it and reports on it (null: nobody). */
    @Transactional
    public void assign(long unitId, int groupNo, String username, CurrentUser by) {
        quality.unit(unitId);
        requireDirect(by, unitId);
        if (!quality.groupNames().containsKey(groupNo)) {
            throw ValidationException.of("group", "Không có nhóm chỉ số " + groupNo + ".");
        }
        String who = username == null || username.isBlank() ? null : username.trim();
        if (who != null && officers(unitId).stream().noneMatch(a -> a.username().equals(who))) {
            throw ValidationException.of("username", "Người được giao phải là cán bộ của đơn vị.");
        }
        String before = store.assignments(unitId).get(groupNo);
        store.assign(unitId, groupNo, who, by.username(), quality.now());
        audit.record("quality.group.assigned", "quality_assignment", unitId + "/" + groupNo, before == null ? null : Map.of("username", before),
                who == null ? null : Map.of("username", who));
    }

    /** The head records that the week was reviewed and what was directed (once per unit and week). */
    @Transactional
    public WeeklyReview.Review markReviewed(long unitId, LocalDate weekStart, String note, CurrentUser by) {
        quality.unit(unitId);
        requireDirect(by, unitId);
        LocalDate start = monday(weekStart);
        if (start.isAfter(monday(quality.today()))) {
            throw ValidationException.of("week", "Chưa đến tuần này.");
        }
        if (note != null && note.length() > 2000) {
            throw ValidationException.of("note", "Nội dung chỉ đạo không quá 2.000 ký tự.");
        }
        BigDecimal score = quality.card(unitId, Period.range(start, start.plusDays(6))).score();
        if (!store.insertReview(unitId, start, score, by.username(), quality.now(), note == null || note.isBlank() ? null : note.trim())) {
            throw new ConflictException("Tuần này đã được kiểm tra, chỉ đạo.");
        }
        audit.record("quality.week.reviewed", "quality_review", unitId + "/" + start, null, Map.of("score", score));
        return store.review(unitId, start).orElseThrow();
    }

    public record TaskInput(int groupNo, String indicator, String what, String assignee, String dueOn) {
    }

    @Transactional
    public long addTask(long unitId, TaskInput in, CurrentUser by) {
        quality.unit(unitId);
        requireDirect(by, unitId);
        Problems p = new Problems();
        p.require(quality.groupNames().containsKey(in.groupNo()), "groupNo", "Chọn nhóm chỉ số.");
        p.require(in.what() != null && !in.what().isBlank() && in.what().length() <= 1000, "what", "Nhập việc cần làm (không quá 1.000 ký tự).");
        p.require(in.assignee() != null && officers(unitId).stream().anyMatch(a -> a.username().equals(in.assignee())), "assignee",
                "Chọn người thực hiện là cán bộ của đơn vị.");
        LocalDate due = null;
        try {
            due = in.dueOn() == null ? null : LocalDate.parse(in.dueOn().trim());
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        p.require(due != null && !due.isBefore(quality.today()) && due.isBefore(quality.today().plusYears(2)), "dueOn",
                "Nhập hạn hoàn thành từ hôm nay trở đi.");
        String indicator = in.indicator() == null || in.indicator().isBlank() ? null : in.indicator().trim();
        p.require(indicator == null || quality.indicators().stream().anyMatch(i -> i.code().equals(indicator) && i.groupNo() == in.groupNo()),
                "indicator", "Chỉ số không thuộc nhóm đã chọn.");
        p.throwIfAny();
        long id = store.insertTask(unitId, in.groupNo(), indicator, in.what().trim(), in.assignee(), due, by.username(), quality.now());
        audit.record("quality.task.created", "quality_task", id, null, Map.of("unit", unitId, "group", in.groupNo(), "assignee", in.assignee(),
                "due", due.toString()));
        return id;
    }

    /** Closes a task with its outcome: its assignee, or whoever directs the unit. */
    @Transactional
    public WeeklyReview.Task finishTask(long id, long rowVersion, String outcome, CurrentUser by) {
        WeeklyReview.Task t = store.task(id).orElseThrow(() -> new NotFoundException("Không có việc khắc phục số " + id + "."));
        if (!Objects.equals(t.assignee(), by.username())) {
            requireDirect(by, t.unitId());
        }
        if (outcome == null || outcome.isBlank() || outcome.length() > 1000) {
            throw ValidationException.of("outcome", "Nhập kết quả thực hiện (không quá 1.000 ký tự).");
        }
        if (store.finishTask(id, rowVersion, outcome.trim(), by.username(), quality.now()) == 0) {
            throw new ConflictException("Việc này vừa được người khác cập nhật hoặc đã hoàn thành; hãy tải lại trang.");
        }
        audit.record("quality.task.done", "quality_task", id, Map.of("done", false), Map.of("done", true, "outcome", outcome.trim()));
        return store.task(id).orElseThrow();
    }

    /** Every unit for the week: its score, whether its head reviewed it, its open and overdue tasks (what the province watches). */
    @Transactional(readOnly = true)
    public List<WeeklyReview.UnitStatus> status(LocalDate weekStart) {
        LocalDate start = monday(weekStart);
        Map<Long, WeeklyReview.Review> reviewed = new HashMap<>();
        store.reviews(start).forEach(r -> reviewed.put(r.unitId(), r));
        List<WeeklyReview.Task> open = store.tasks(null, true);
        LocalDate today = quality.today();
        Map<Long, BigDecimal> scores = new HashMap<>();
        quality.ranking(Period.range(start, start.plusDays(6))).forEach(c -> scores.put(c.unitId(), c.score()));
        List<WeeklyReview.UnitStatus> out = new ArrayList<>();
        for (QualityService.Unit u : quality.units()) {
            if (u.id() == IndexCard.PROVINCE) {
                continue;
            }
            long mine = open.stream().filter(t -> t.unitId() == u.id()).count();
            long overdue = open.stream().filter(t -> t.unitId() == u.id() && t.overdue(today)).count();
            out.add(new WeeklyReview.UnitStatus(u.id(), u.name(), scores.get(u.id()), reviewed.get(u.id()), mine, overdue));
        }
        return out;
    }

    /** Group by group, the points and the indicators that lost some, with the number behind each and its drill-down link. */
    public String lostPoints(IndexCard card, Map<Integer, String> assignments, Map<String, String> people, String baseUrl) {
        StringBuilder sb = new StringBuilder();
        for (GroupScore g : card.groups()) {
            sb.append("- ").append(g.groupNo()).append(". ").append(g.name()).append(": ").append(g.points()).append("/").append(g.attainable());
            String who = assignments.get(g.groupNo());
            if (who != null) {
                sb.append(" — theo dõi: ").append(people.getOrDefault(who, who));
            }
            sb.append("\n");
            for (IndicatorScore s : g.indicators()) {
                if (s.lost().signum() > 0) {
                    sb.append("    ").append(s.indicator().code()).append(" ").append(s.indicator().name()).append(": mất ").append(s.lost())
                            .append(" điểm").append(s.drillDown() == IndicatorScore.DrillDown.DOSSIERS ? " (" + s.missing() + " hồ sơ)"
                                    : s.drillDown() == IndicatorScore.DrillDown.PROCEDURES ? " (" + s.missing() + " thủ tục)" : "")
                            .append(" — ").append(baseUrl).append("/chi-so/chi-tieu/").append(s.indicator().code()).append("?donVi=").append(card.unitId())
                            .append("&ky=").append(card.period().key()).append("\n");
                }
            }
        }
        return sb.toString();
    }

    /**
     * Queues last month's results for the report recipients of every unit and of the province (on the 1st of each
     * month); returns how many were queued.
     */
    @Transactional
    public int queueMonthly() {
        String month = YearMonth.from(quality.today()).minusMonths(1).toString();
        int n = 0;
        for (QualityService.Unit u : quality.units()) {
            List<String> to = u.id() == IndexCard.PROVINCE ? reports.recipients().stream().filter(x -> x.unitId() == IndexCard.PROVINCE && x.reports())
                    .map(Recipient::email).toList() : reports.recipientsFor(u.id(), true);
            if (!to.isEmpty()) {
                events.publishEvent(new QualityEvents.MonthlyDue(u.id(), month, String.join(",", to)));
                n++;
            }
        }
        return n;
    }

    /** The monthly results' text for a unit (0: the province). */
    public String monthly(IndexCard card, List<IndexCard> ranking, String baseUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) — ").append(card.unitName()).append(", ")
                .append(card.period().label()).append(": ").append(card.score()).append("/100 (").append(card.rating()).append("), ")
                .append(card.points()).append("/").append(card.attainable()).append(" điểm có thể đạt; ").append(card.dossiers())
                .append(" hồ sơ tiếp nhận.\n");
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).unitId() == card.unitId()) {
                sb.append("Xếp hạng: ").append(i + 1).append("/").append(ranking.size()).append(" đơn vị.\n");
            }
        }
        sb.append("\nĐiểm theo nhóm:\n").append(lostPoints(card, Map.of(), Map.of(), baseUrl));
        sb.append("\nBảng chỉ số: ").append(baseUrl).append("/chi-so?donVi=").append(card.unitId()).append("&ky=").append(card.period().key())
                .append("\nKết quả công khai: ").append(baseUrl).append("/thong-ke/chi-so?ky=").append(card.period().key()).append("\n");
        return sb.toString();
    }

    /** The digest e-mail's text for a unit's week. */
    public String digest(WeeklyReview r, String baseUrl) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        StringBuilder sb = new StringBuilder();
        sb.append("Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) — ").append(r.unitName()).append("\n")
                .append("Tuần ").append(f.format(r.weekStart())).append(" – ").append(f.format(r.weekEnd())).append(": ")
                .append(r.week().score()).append("/100 (").append(r.week().rating()).append("); tháng ").append(r.month().period().label())
                .append(" đến nay: ").append(r.month().score()).append("/100.\n\nĐiểm mất theo nhóm (tuần):\n");
        sb.append(lostPoints(r.week(), r.assignments(), r.people(), baseUrl));
        List<WeeklyReview.Task> open = r.tasks().stream().filter(t -> !t.done()).toList();
        sb.append("\nViệc khắc phục đang mở: ").append(open.size()).append("\n");
        for (WeeklyReview.Task t : open) {
            sb.append("- ").append(t.what()).append(" — ").append(r.people().getOrDefault(t.assignee(), t.assignee())).append(", hạn ")
                    .append(f.format(t.dueOn())).append(t.overdue(quality.today()) ? " (quá hạn)" : "").append("\n");
        }
        sb.append("\nKiểm tra, chỉ đạo khắc phục và ghi nhận trên hệ thống: ").append(baseUrl).append("/chi-so/tuan?donVi=").append(r.unitId())
                .append("&tuan=").append(r.weekStart()).append("\n");
        return sb.toString();
    }
}
