package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.StopKind;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.ApplicationClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A living province: months of dossiers replayed through the real services at the moments they happened (each
 * step at a past time, on this thread only), so that every rule applied to them is the rule in force: counter,
 * post and online intake anywhere in the province, supplements at intake and during processing, late dossiers
 * with apologies and extensions, stopped, withdrawn and refused ones, and some still open. A few named scenarios
 * (documented in the README) are always there; the rest is drawn from a seeded random generator.
 */
@Component
class DemoHistory {
    /** Citizens who submit online in the demo history: username, name, phone, personal ID number. */
    static final String[][] CITIZENS = {
            {"congdan01", "Trần Thị Bích", "0903111001", "089190101001"}, {"congdan02", "Lê Văn Cảnh", "0903111002", "089085101002"},
            {"congdan03", "Phạm Thị Diệu", "0903111003", "089195101003"}, {"congdan04", "Huỳnh Văn Em", "0903111004", "089088101004"},
            {"congdan05", "Võ Thị Giang", "0903111005", "089199101005"}};
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu", "Gia", "Bảo"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Lan", "Long", "My", "Nam", "Phúc", "Quyên", "Sơn",
            "Tâm", "Thảo", "Trí", "Uyên", "Vy", "Xuân", "Yến"};
    /** Procedures of the history, with their weight. */
    private static final Object[][] MIX = {
            {"1.001193", 6}, {"1.000656", 2}, {"1.000894", 3}, {"1.001022", 3}, {"2.000815", 6}, {"2.001035", 1}, {"1.012767", 2},
            {"1.012760", 1}, {"2.000575", 2}, {"1.001776", 1}, {"1.001078", 4}, {"1.002009", 2}, {"2.001610", 2}};
    private static final Map<String, String> COUNTER_OFFICER = Map.of("AG.TTPVHCC", "tiepnhan", "AG.P.LX.BPMC", "tiepnhan.longxuyen",
            "AG.X.AC.BPMC", "tiepnhan.anchau", "AG.P.RG.BPMC", "tiepnhan.rachgia");
    private static final Map<String, String[]> HANDLERS = Map.of("AG.STP", new String[]{"chuyenvien.stp", "lanhdao.stp"},
            "AG.SNNMT", new String[]{"chuyenvien.snnmt", "lanhdao.snnmt"}, "AG.STC", new String[]{"chuyenvien.stc", "lanhdao.stc"},
            "AG.P.LX", new String[]{"chuyenvien.longxuyen", "lanhdao.longxuyen"}, "AG.X.AC", new String[]{"chuyenvien.anchau", "lanhdao.anchau"},
            "AG.P.RG", new String[]{"chuyenvien.rachgia", "lanhdao.rachgia"});
    private static final List<String> COMMUNE_COUNTERS = List.of("AG.P.LX.BPMC", "AG.X.AC.BPMC", "AG.P.RG.BPMC");

    private enum Fate { ON_TIME, SLOW, LATE, SUPPLEMENT, STOP, DENIED }

    private final DossierService dossiers;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final WorkingCalendarService calendars;
    private final int historyDays;
    private final int perDay;
    private final Map<String, CurrentUser> users = new HashMap<>();
    private Map<String, Long> ids;
    private Map<Long, String> codes;
    private WorkingCalendar cal;
    private LocalDateTime now;
    private int created;
    private int failures;

    private final DemoPayments payments;
    private final Random feeRandom = new Random(20261206L);

    DemoHistory(DossierService dossiers, CatalogService catalog, AccountService accounts, WorkingCalendarService calendars, DemoPayments payments,
                @Value("${motcua.demo-data.history-days:380}") int historyDays, @Value("${motcua.demo-data.dossiers-per-day:5}") int perDay) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.accounts = accounts;
        this.calendars = calendars;
        this.historyDays = historyDays;
        this.perDay = perDay;
    }

    int created() {
        return created;
    }

    int failures() {
        return failures;
    }

    void load(Map<String, Long> unitIds) {
        ids = unitIds;
        codes = new HashMap<>();
        ids.forEach((code, id) -> codes.put(id, code));
        cal = calendars.calendar();
        now = calendars.now();
        for (Account a : accounts.list()) {
            users.put(a.username(), CurrentUser.of(a));
        }
        List<Start> starts = new java.util.ArrayList<>(scenarios());
        Random random = new Random(20261124L);
        LocalDate last = day(1);
        for (LocalDate day = last.minusDays(historyDays); !day.isAfter(last); day = day.plusDays(1)) {
            if (!cal.isWorkingDay(day)) {
                continue;
            }
            int n = Math.max(1, perDay - 2 + random.nextInt(5));
            for (int i = 0; i < n; i++) {
                Random r = new Random(random.nextLong());
                LocalDateTime at = day.atTime(7, 40).plusMinutes(r.nextInt(480));
                if (at.toLocalTime().isAfter(LocalTime.of(11, 25)) && at.toLocalTime().isBefore(LocalTime.of(13, 5))) {
                    at = at.plusMinutes(100);
                }
                LocalDateTime moment = at;
                starts.add(new Start(at, "hồ sơ " + at, () -> randomDossier(moment, r)));
            }
        }
        starts.sort(java.util.Comparator.comparing(Start::at));
        payments.holdCallbacks(true);
        try {
            for (Start start : starts) {
                safely(start.what(), start.life());
            }
        } finally {
            payments.holdCallbacks(false);
        }
        dossiers.applyDeadlines();
        // the night's reconciliation with the payment platform: requests never paid expire
        safely("reconciliation", () -> payments.reconcile(now.minusMinutes(1)));
        if (failures > 0) {
            log.error("{} thao tác trên dữ liệu mẫu không thực hiện được (xem cảnh báo ở trên).", failures);
        }
    }

    private void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failures++;
            log.warn("Dữ liệu mẫu, {}: {}", what, e.getMessage());
            log.debug("Dữ liệu mẫu, {}", what, e);
        }
    }

    // ------------------------------------------------------------------ named scenarios

    /** A dossier's whole life, started at {@code at}: dossiers are replayed in the order they arrived. */
    private record Start(LocalDateTime at, String what, Runnable life) {
    }

    private List<Start> scenarios() {
        Applicant hoa = new Applicant("Nguyễn Thị Hoa", "089190001111", "0903123456", "hoa@example.vn", "phường Long Xuyên, An Giang");
        Applicant binh = new Applicant("Trần Văn Bình", "089201005566", "0987001122", null, "xã An Châu, An Giang");
        Applicant cuong = new Applicant("Lê Minh Cường", "089185002233", "0916778899", null, "phường Rạch Giá, An Giang");
        Applicant an = new Applicant("Nguyễn Văn An", "089090001234", "0912345678", "an.nguyen@example.vn", "phường Long Xuyên, An Giang");
        Applicant minhPhat = new Applicant("Công ty TNHH Thương mại Minh Phát", "1601234567", "02963812345", "lienhe@minhphat.example.vn",
                "phường Long Xuyên, An Giang");
        List<Start> list = new java.util.ArrayList<>();
        // under the law before 1 July 2025: the forms of Circular 01/2018
        LocalDateTime june = LocalDateTime.of(2025, 6, 16, 9, 0);
        list.add(new Start(june, "Circular 01/2018", () -> {
            Dossier old = receive(june, "1.001078", "AG.TTPVHCC", Channel.COUNTER, hoa, null, IntakeDecision.ACCEPT);
            old = forward(old, june.plusDays(3), null);
            old = forward(old, june.plusDays(4), Outcome.GRANTED);
            giveBack(old, june.plusDays(5).withHour(14));
        }));
        // in progress at the specialist's step (Sở Tư pháp), received at the province's centre
        list.add(new Start(t(3, 9, 0), "in progress", () -> receive(t(3, 9, 0), "1.001078", "AG.TTPVHCC", Channel.COUNTER, hoa, null, IntakeDecision.ACCEPT)));
        // waiting for the leader's signature (phường Long Xuyên)
        list.add(new Start(t(1, 8, 30), "at the leader", () -> {
            Dossier marriage = receive(t(1, 8, 30), "1.000894", "AG.P.LX.BPMC", Channel.COUNTER, binh, null, IntakeDecision.ACCEPT);
            forward(marriage, t(1, 10, 0), null);
        }));
        // by post, the handling agency asked for a supplement within 3 working days: the clock stopped
        list.add(new Start(t(4, 9, 0), "supplement by post", () -> {
            Dossier land = receive(t(4, 9, 0), "1.012767", "AG.P.LX.BPMC", Channel.POST, cuong, null, IntakeDecision.ACCEPT);
            askSupplement(land, t(3, 10, 0), "Hợp đồng chuyển nhượng chưa được công chứng; đề nghị nộp bản có công chứng.");
        }));
        // death registration returned the same day
        list.add(new Start(t(2, 8, 0), "returned", () -> {
            Dossier death = receive(t(2, 8, 0), "1.000656", "AG.P.LX.BPMC", Channel.COUNTER, cuong, null, IntakeDecision.ACCEPT);
            death = forward(death, t(2, 9, 0), null);
            death = forward(death, t(2, 10, 0), Outcome.GRANTED);
            giveBack(death, t(2, 14, 0));
        }));
        // incomplete at the counter: a supplement request before receipt
        list.add(new Start(t(1, 14, 0), "intake supplement",
                () -> receive(t(1, 14, 0), "1.000894", "AG.P.LX.BPMC", Channel.COUNTER, hoa, null, IntakeDecision.REQUEST_SUPPLEMENT)));
        // refused at the counter, with the legal reason
        list.add(new Start(t(2, 9, 30), "refused", () -> at(t(2, 9, 30), () -> dossiers.receive(new IntakeRequest("2.000884",
                ids.get("AG.P.LX.BPMC"), Channel.COUNTER, binh, null, null, 1, Delivery.COUNTER, Set.of(), Map.of(), IntakeDecision.REFUSE,
                "Giấy tờ cần chứng thực chữ ký có nội dung trái pháp luật (khoản 4 Điều 25 Nghị định số 23/2015/NĐ-CP)."), user("tiepnhan.longxuyen")))));
        // the demo citizen: one waiting for the counter's check, one waiting for his supplement, one returned online
        list.add(new Start(now.minusMinutes(10), "congdan waiting", () -> online(now.minusMinutes(10), "1.001022", "AG.P.LX.BPMC", "congdan", an, null)));
        list.add(new Start(t(6, 20, 0), "congdan supplement", () -> {
            Dossier lltp = online(t(6, 20, 0), "1.001078", "AG.TTPVHCC", "congdan", an, null);
            lltp = accept(lltp, t(5, 8, 0));
            askSupplement(lltp, t(4, 9, 0), "Ảnh chụp căn cước bị mờ, không đọc được số định danh; đề nghị chụp lại rõ nét.");
        }));
        list.add(new Start(t(20, 8, 10), "congdan returned", () -> {
            Dossier birth = online(t(20, 8, 10), "1.001193", "AG.P.LX.BPMC", "congdan", an, null);
            birth = accept(birth, t(20, 9, 0));
            birth = forward(birth, t(20, 10, 0), null);
            birth = forward(birth, t(20, 11, 0), Outcome.GRANTED);
            giveBack(birth, t(20, 14, 0));
        }));
        // a business's dossier returned late, after the leader's apology and one new appointment
        list.add(new Start(t(12, 8, 0), "late with apology", () -> {
            Dossier hkd = online(t(12, 8, 0), "2.000575", "AG.P.LX.BPMC", "doanhnghiep", minhPhat, null);
            hkd = accept(hkd, t(12, 8, 30));
            LocalDateTime late = plus(hkd.dueAt(), 60);
            hkd = forward(hkd, late, null);
            hkd = forward(hkd, plus(late, 120), Outcome.GRANTED);
            hkd = apologise(hkd, plus(late, 180), "Phải xác minh địa điểm kinh doanh tại thực địa do có phản ánh tranh chấp mặt bằng.",
                    plus(hkd.dueAt(), 480));
            giveBack(hkd, plus(late, 240));
        }));
        // stopped at the applicant's request
        list.add(new Start(t(15, 9, 0), "stopped", () -> {
            Dossier stopped = receive(t(15, 9, 0), "1.012760", "AG.X.AC.BPMC", Channel.COUNTER, binh, null, IntakeDecision.ACCEPT);
            stopped = at(t(10, 9, 0), requestStop(stopped, "AG.X.AC.BPMC"));
            stop(stopped, t(10, 14, 0));
        }));
        // a long-running land dossier: late, apologised with a new appointment, and late again
        list.add(new Start(t(35, 9, 0), "long-running", () -> {
            Dossier longRunning = receive(t(35, 9, 0), "1.012760", "AG.P.RG.BPMC", Channel.COUNTER, cuong, null, IntakeDecision.ACCEPT);
            apologise(longRunning, plus(longRunning.dueAt(), 30), "Hồ sơ phải lấy ý kiến cơ quan thuế về nghĩa vụ tài chính; chưa có văn bản trả lời.",
                    plus(longRunning.dueAt(), 5 * 480));
        }));
        // a second supplement request proposed by the specialist, waiting for the leader's approval
        list.add(new Start(t(8, 9, 0), "second supplement", () -> {
            Dossier second = receive(t(8, 9, 0), "1.001078", "AG.TTPVHCC", Channel.COUNTER, binh, null, IntakeDecision.ACCEPT);
            Dossier firstRequest = askSupplement(second, t(7, 9, 0), "Tờ khai thiếu chữ ký của người yêu cầu.");
            second = at(t(6, 9, 0), () -> dossiersReceiveSupplement(firstRequest, "AG.TTPVHCC"));
            askSupplement(second, t(2, 10, 0), "Cần bổ sung giấy tờ chứng minh nơi cư trú trước đây để tra cứu lý lịch.");
        }));
        // paid online, then withdrawn before receipt: the accountant refunds the fee
        list.add(new Start(t(6, 8, 20), "paid then withdrawn", () -> {
            Dossier paid = online(t(6, 8, 20), "2.000575", "AG.P.LX.BPMC", "congdan02", citizen(1), null);
            payments.active(paid.id()).ifPresent(p -> payments.payOnline(p, t(6, 8, 35), user("congdan02"), "PAID"));
            Dossier w = dossiers.get(paid.id());
            at(t(5, 8, 0), () -> dossiers.withdraw(w.id(), w.rowVersion(), "Đã nộp hồ sơ tại bộ phận một cửa, nộp trực tuyến bị trùng.", user("congdan02")));
            payments.active(paid.id()).ifPresent(p -> payments.refund(p, t(4, 10, 0), user("ketoan"),
                    "Người nộp rút hồ sơ trước khi tiếp nhận (nộp trùng); hoàn lại lệ phí đã nộp."));
        }));
        // the platform reported a smaller amount than requested: flagged for the accountant; and a forged callback
        list.add(new Start(t(2, 9, 15), "amount mismatch", () -> {
            Dossier lltp = online(t(2, 9, 15), "1.001078", "AG.TTPVHCC", "congdan03", citizen(2), null);
            payments.active(lltp.id()).ifPresent(p -> {
                payments.callback(p, t(2, 9, 30), "PAID", p.amount() / 2);
                payments.forged(t(1, 16, 5), p);
            });
        }));
        // a payment request never paid: it expires at the night's reconciliation and the dossier waits
        list.add(new Start(t(4, 15, 0), "never paid", () -> online(t(4, 15, 0), "2.001610", "AG.TTPVHCC", "doanhnghiep", new Applicant(
                "Công ty TNHH Thương mại Minh Phát", "1601234567", "02963812345", "lienhe@minhphat.example.vn", "phường Long Xuyên, An Giang"), null)));
        // withdrawn before receipt
        list.add(new Start(t(3, 7, 10), "withdrawn", () -> {
            Dossier withdrawn = online(t(3, 7, 10), "1.001193", "AG.P.LX.BPMC", "congdan01", citizen(0), null);
            at(t(3, 7, 40), () -> dossiers.withdraw(withdrawn.id(), withdrawn.rowVersion(), "Nộp nhầm thủ tục.", user("congdan01")));
        }));
        return list;
    }

    private Dossier dossiersReceiveSupplement(Dossier d, String counter) {
        return dossiers.receiveSupplement(d.id(), d.rowVersion(), "Đã nhận bản tờ khai có chữ ký.", user(COUNTER_OFFICER.get(counter)));
    }

    // ------------------------------------------------------------------ random history

    private void randomDossier(LocalDateTime at, Random r) {
        LocalDate day = at.toLocalDate();
        String code = pick(r);
        ProcedureVersion v = catalog.inForceOn(code, day).orElse(null);
        if (v == null) {
            return;
        }
        boolean province = v.level() == vn.motcua.catalog.ProcedureLevel.PROVINCE;
        String counter = province ? (r.nextInt(4) == 0 ? COMMUNE_COUNTERS.get(r.nextInt(3)) : "AG.TTPVHCC")
                : (r.nextInt(8) == 0 ? "AG.TTPVHCC" : COMMUNE_COUNTERS.get(r.nextInt(3)));
        Long commune = province ? null : counter.equals("AG.TTPVHCC")
                ? ids.get(List.of("AG.P.LX", "AG.X.AC", "AG.P.RG").get(r.nextInt(3))) : null;
        if (at.isAfter(now)) {
            return;
        }
        // each unit has its own habits, drifting from month to month, so that the service-quality index differs between units and
        // over time (drawn apart from the dossier's own random sequence)
        long unitKey = province ? v.agencyId() : counter.hashCode();
        Random habit = new Random(unitKey * 31 + at.toLocalDate().toEpochDay() * 7919 + code.hashCode());
        int channelRoll = r.nextInt(100);
        Channel channel = v.byOnline() && channelRoll < onlineShare(unitKey, day) ? Channel.ONLINE
                : v.byPost() && channelRoll >= 92 ? Channel.POST : Channel.COUNTER;
        int roll = r.nextInt(100);
        Fate fate = roll < 62 ? Fate.ON_TIME : roll < 72 ? Fate.SLOW : roll < 84 ? Fate.LATE : roll < 94 ? Fate.SUPPLEMENT : roll < 97 ? Fate.STOP : Fate.DENIED;
        if (fate == Fate.ON_TIME && habit.nextInt(100) < lateBias(unitKey, day)) {
            fate = Fate.LATE;
        }
        Dossier d;
        LocalDateTime t;
        if (channel == Channel.ONLINE) {
            int c = r.nextInt(CITIZENS.length);
            d = online(at.minusHours(r.nextInt(14)), code, counter, CITIZENS[c][0], citizen(c), commune);
            t = plus(at, 20 + r.nextInt(200));
            if (t.isAfter(now)) {
                return;
            }
            if (r.nextInt(100) < 4) {
                Dossier x = d;
                at(t, () -> dossiers.decideIntake(x.id(), x.rowVersion(), IntakeDecision.REFUSE, Set.of(), Map.of(),
                        "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại cơ quan có thẩm quyền.", user(COUNTER_OFFICER.get(counter))));
                return;
            }
            d = accept(d, t);
        } else {
            Applicant stranger = stranger(r);
            // some applicants are citizens the state already knows: their documents are reused and the counter checks them
            // against the population database (how often depends on the unit)
            int known = habit.nextInt(100) < 15 + (int) Math.floorMod(unitKey * 13, 40L) ? habit.nextInt(CITIZENS.length) : -1;
            Applicant a = known >= 0 ? citizen(known) : stranger;
            checkPopulation = known >= 0 && habit.nextInt(100) < Math.floorMod(unitKey * 17, 90L);
            if (r.nextInt(100) < 6) {
                d = receive(at, code, counter, channel, a, commune, IntakeDecision.REQUEST_SUPPLEMENT);
                t = plus(at, 480 + r.nextInt(960));
                if (t.isAfter(now)) {
                    return;
                }
                d = accept(d, t);
            } else {
                d = receive(at, code, counter, channel, a, commune, IntakeDecision.ACCEPT);
                t = at;
            }
        }
        process(d, t, fate, r);
    }

    /** Specialist, leader, one-stop unit: each at a moment that fits the fate drawn for the dossier; stops at "now". */
    private void process(Dossier d, LocalDateTime t, Fate fate, Random r) {
        List<ProcessStep> steps = dossiers.steps(d);
        if (steps.size() < 4) {
            return;
        }
        String counter = codes.get(d.receivingAgencyId());
        LocalDateTime start = later(t, d.stepStartedAt());
        if (fate == Fate.SUPPLEMENT) {
            // within the 3 working days the handling agency has to ask for it
            LocalDateTime ask = plus(start, Math.min(steps.get(1).durationMinutes() * 3 / 10, 2 * 480L) + 5);
            if (ask.isAfter(now)) {
                return;
            }
            d = askSupplement(d, ask, "Bản sao chưa được chứng thực; đề nghị nộp bản sao có chứng thực hoặc xuất trình bản chính để đối chiếu.");
            LocalDateTime back = plus(ask, 480L * (1 + r.nextInt(5)));
            if (back.isAfter(now)) {
                return;
            }
            Dossier x = d;
            d = d.applicantUsername() != null ? at(back, () -> supplementOnline(x)) : at(back, () -> dossiersReceiveSupplement(x, counter));
            start = d.stepStartedAt();
        }
        if (fate == Fate.STOP) {
            LocalDateTime ask = plus(start, steps.get(1).durationMinutes() * 4 / 10 + 5);
            if (ask.isAfter(now)) {
                return;
            }
            d = at(ask, requestStop(d, counter));
            LocalDateTime stopAt = plus(ask, 90);
            if (!stopAt.isAfter(now)) {
                stop(d, stopAt);
            }
            return;
        }
        // a dossier that will be late gets its apology and new date from the leader right after the due time passes
        long extension = Math.max(240, d.timeLimitDays().multiply(BigDecimal.valueOf(480)).longValue() / 3);
        boolean apologised = false;
        double share = switch (fate) {
            case LATE -> 1.3 + r.nextDouble() * 1.5;
            case SLOW -> 0.8 + r.nextDouble() * 0.2;
            default -> 0.15 + r.nextDouble() * 0.6;
        };
        LocalDateTime t1 = plus(start, Math.round(steps.get(1).durationMinutes() * share) + 5);
        LocalDateTime t2 = plus(t1, Math.round(steps.get(2).durationMinutes() * (0.2 + r.nextDouble() * 0.6)) + 5);
        LocalDateTime t3 = plus(t2, Math.round(steps.get(3).durationMinutes() * (0.1 + r.nextDouble() * 0.6)) + 5);
        String why = "Khối lượng hồ sơ tăng đột biến, phải xác minh thêm thông tin với cơ quan liên quan.";
        LocalDateTime[] moments = {t1, t2, t3};
        LocalDateTime due = d.dueAt();
        LocalDateTime firstLate = java.util.Arrays.stream(moments).filter(m -> m.isAfter(due)).findFirst().orElse(t3);
        LocalDateTime apologyAt = plus(due, 30).isBefore(firstLate) ? plus(due, 30) : firstLate.minusMinutes(1);
        for (int i = 0; i < 3; i++) {
            if (!apologised && t3.isAfter(due) && apologyAt.isBefore(moments[i])) {
                if (apologyAt.isAfter(now)) {
                    return;
                }
                d = apologise(d, apologyAt, why, plus(d.dueAt(), extension));
                apologised = true;
            }
            if (moments[i].isAfter(now)) {
                return;
            }
            d = i == 0 ? forward(d, t1, null) : i == 1 ? forward(d, t2, fate == Fate.DENIED ? Outcome.DENIED : Outcome.GRANTED) : giveBack(d, t3);
        }
    }

    // ------------------------------------------------------------------ steps through the real services

    private Dossier receive(LocalDateTime t, String code, String counter, Channel channel, Applicant a, Long commune, IntakeDecision decision) {
        ProcedureVersion v = catalog.inForceOn(code, t.toLocalDate()).orElseThrow();
        Set<Long> present = new HashSet<>();
        v.components().forEach(c -> present.add(c.id()));
        Map<Long, String> defects = Map.of();
        if (decision == IntakeDecision.REQUEST_SUPPLEMENT) {
            vn.motcua.catalog.Component first = v.components().get(0);
            defects = Map.of(first.id(), "Tờ khai chưa ghi đủ thông tin về nơi cư trú và chưa ký tên.");
        }
        Map<Long, String> d = defects;
        created++;
        // documents the applicant already gave the state are reused, not asked again; the rest are scanned at the
        // counter (a few dossiers of the early months were not digitised, as happens)
        Map<Long, Long> reuse = new HashMap<>();
        at(t, () -> dossiers.reusable(v, a.idNumber())).forEach((component, offered) -> reuse.put(component, offered.get(0).id()));
        boolean scanned = created % 9 != 0 || t.isAfter(now.minusDays(45));
        List<UploadedDocument> scans = !scanned ? List.of() : v.components().stream()
                .filter(c -> !c.showOnly() && !reuse.containsKey(c.id()) && !(decision == IntakeDecision.REQUEST_SUPPLEMENT && c.position() == 1))
                .map(c -> new UploadedDocument(c.id(), "ban-chup-" + c.position() + ".pdf", "application/pdf",
                        DemoFiles.pdf("Ban chup " + code + " - thanh phan " + c.position() + " - " + a.idNumber())))
                .toList();
        CurrentUser officer = user(COUNTER_OFFICER.get(counter));
        String proof = checkPopulation ? at(t, () -> populationProof(a, officer)) : null;
        checkPopulation = false;
        Dossier received = at(t, () -> dossiers.receive(new IntakeRequest(code, ids.get(counter), channel, a, commune, null, 1,
                channel == Channel.POST ? Delivery.POST : Delivery.COUNTER, present, d, decision, null, scans, reuse, Map.of()),
                officer, proof));
        if (decision == IntakeDecision.ACCEPT) {
            payAtCounter(received, t.plusMinutes(2));
        }
        return received;
    }

    /** Whether the next counter intake checks its applicant against the population database. */
    private boolean checkPopulation;

    /** The proof of a population-database check of a known citizen (null when the database does not answer or does not match). */
    private String populationProof(Applicant a, CurrentUser officer) {
        LocalDate born = BIRTH_DATES.get(a.idNumber());
        if (born == null) {
            return null;
        }
        try {
            DossierService.PopulationLookup lookup = dossiers.checkPopulation(a.idNumber(), a.name(), born, officer);
            return lookup.proof();
        } catch (RuntimeException e) {
            log.debug("Dữ liệu mẫu: không đối chiếu được CSDL dân cư: {}", e.getMessage());
            return null;
        }
    }

    /** Birth dates of the demo citizens as the population database (simulator) holds them. */
    private static final Map<String, LocalDate> BIRTH_DATES = Map.of("089190101001", LocalDate.of(1990, 1, 10), "089085101002",
            LocalDate.of(1985, 2, 14), "089195101003", LocalDate.of(1995, 9, 30), "089088101004", LocalDate.of(1988, 12, 1),
            "089199101005", LocalDate.of(1999, 4, 18));

    /** Extra share (percent) of dossiers a unit lets run late in a month: 0–29, different for each unit and drifting by month. */
    static int lateBias(long unitKey, LocalDate day) {
        return (int) Math.floorMod(unitKey * 7 + day.getMonthValue() * 5L + day.getYear(), 30L);
    }

    /** Share (percent) of a unit's dossiers submitted online where the procedure allows it: 20–64. */
    static int onlineShare(long unitKey, LocalDate day) {
        return 20 + (int) Math.floorMod(unitKey * 11 + day.getMonthValue() * 3L, 45L);
    }

    private Dossier online(LocalDateTime t, String code, String counter, String username, Applicant a, Long commune) {
        ProcedureVersion v = catalog.inForceOn(code, t.toLocalDate()).orElseThrow();
        List<UploadedDocument> files = v.components().stream().filter(c -> !c.showOnly())
                .map(c -> new UploadedDocument(c.id(), "giay-to-" + c.position() + ".pdf", "application/pdf", DemoFiles.pdf("Ho so " + code + " - " + c.position())))
                .toList();
        created++;
        Dossier d = at(t, () -> dossiers.submitOnline(new OnlineSubmission(code, ids.get(counter), a, commune, Delivery.ONLINE, files, Map.of()),
                user(username)));
        payments.request(d, t.plusMinutes(1), user(username), feeRandom);
        return d;
    }

    private Dossier accept(Dossier d, LocalDateTime t) {
        Set<Long> present = new HashSet<>();
        d.documents().forEach(x -> present.add(x.componentId()));
        if (d.channel() == Channel.ONLINE) {
            payOnline(d, t.minusMinutes(5));
        }
        Dossier accepted = at(t, () -> dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, present, Map.of(), null,
                user(COUNTER_OFFICER.get(codes.get(d.receivingAgencyId())))));
        if (d.channel() != Channel.ONLINE) {
            payAtCounter(accepted, t.plusMinutes(3));
        }
        return accepted;
    }

    /** The applicant pays the fees online before the one-stop unit receives the dossier (one in twelve fails first and pays again). */
    private void payOnline(Dossier d, LocalDateTime t) {
        LocalDateTime when = t.isAfter(d.submittedAt()) ? t : d.submittedAt().plusMinutes(1);
        CurrentUser payer = user(d.applicantUsername());
        payments.request(d, when.minusMinutes(1), payer, feeRandom).filter(p -> p.status().open()).ifPresent(p -> {
            if (feeRandom.nextInt(12) == 0) {
                payments.payOnline(p, when.minusMinutes(1), payer, "FAILED");
                payments.request(d, when, payer, feeRandom).ifPresent(again -> payments.payOnline(again, when, payer, "PAID"));
            } else {
                payments.payOnline(p, when, payer, "PAID");
            }
        });
    }

    /** Fees taken in cash at the counter (or collected by the postman) when a paper dossier is received. */
    private void payAtCounter(Dossier d, LocalDateTime t) {
        CurrentUser officer = user(COUNTER_OFFICER.get(codes.get(d.receivingAgencyId())));
        payments.request(d, t, officer, feeRandom).filter(p -> p.status().open()).ifPresent(p -> payments.cash(p, t.plusMinutes(1), officer));
    }

    private Dossier forward(Dossier d, LocalDateTime t, Outcome outcome) {
        String[] h = HANDLERS.get(codes.get(d.handlingAgencyId()));
        boolean leader = outcome != null;
        String result = outcome == null ? null : (outcome == Outcome.GRANTED ? "Số " : "Văn bản trả lời số ") + (100 + d.id()) + "/" + t.getYear()
                + (outcome == Outcome.GRANTED ? " — " + d.procedureName() : " — không giải quyết, nêu rõ lý do");
        Dossier x = d;
        if (!leader && d.procedureCode().equals(CERTIFIED_COPY)) {
            // the officer compares the original and certifies the electronic copy from its scan
            x = d.files().stream().filter(f -> f.kind() == vn.motcua.dossier.DossierFile.Kind.SCAN).findFirst()
                    .map(f -> at(t.minusMinutes(2), () -> dossiers.certifyCopy(d.id(), d.rowVersion(), f.id(), null,
                            "Bằng tốt nghiệp trung học phổ thông", true, user(h[0])))).orElse(d);
        }
        Dossier y = x;
        return at(t, () -> dossiers.forward(y.id(), y.rowVersion(), leader ? "Đồng ý" : "Hồ sơ đủ điều kiện, đề nghị phê duyệt", outcome, result,
                user(h[leader ? 1 : 0])));
    }

    private static final String CERTIFIED_COPY = "2.000815";

    private Dossier giveBack(Dossier d, LocalDateTime t) {
        if (d.outcome() == Outcome.GRANTED) {
            String[] h = HANDLERS.get(codes.get(d.handlingAgencyId()));
            payments.assessedAndPaid(d, t, user(h[0]), user(COUNTER_OFFICER.get(codes.get(d.receivingAgencyId()))), feeRandom);
        }
        return at(t, () -> dossiers.returnResult(d.id(), d.rowVersion(), d.resultPlace(), null, user(COUNTER_OFFICER.get(codes.get(d.receivingAgencyId())))));
    }

    private Dossier askSupplement(Dossier d, LocalDateTime t, String reason) {
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        long component = v.components().get(v.components().size() > 1 ? 1 : 0).id();
        String[] h = HANDLERS.get(codes.get(d.handlingAgencyId()));
        return at(t, () -> dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(component, reason), null, user(h[0])));
    }

    private Dossier supplementOnline(Dossier d) {
        SupplementRequest s = d.openSupplement().orElseThrow();
        List<UploadedDocument> files = s.items().stream()
                .map(i -> new UploadedDocument(i.componentId(), "bo-sung.pdf", "application/pdf", DemoFiles.pdf("Bo sung " + d.code()))).toList();
        return dossiers.supplementOnline(d.id(), d.rowVersion(), files, "Đã bổ sung theo phiếu yêu cầu.", user(d.applicantUsername()));
    }

    private Supplier<Dossier> requestStop(Dossier d, String counter) {
        String who = d.applicantUsername() != null ? d.applicantUsername() : COUNTER_OFFICER.get(counter);
        return () -> dossiers.requestStop(d.id(), d.rowVersion(), "Gia đình thống nhất chưa thực hiện thủ tục; đề nghị dừng giải quyết.", user(who));
    }

    private Dossier stop(Dossier d, LocalDateTime t) {
        String[] h = HANDLERS.get(codes.get(d.handlingAgencyId()));
        return at(t, () -> dossiers.stop(d.id(), d.rowVersion(), StopKind.APPLICANT_REQUEST, "Người nộp có văn bản đề nghị dừng giải quyết hồ sơ.",
                null, "Không hoàn trả phí, lệ phí đã nộp (nếu có); trả lại bản chính giấy tờ tại bộ phận một cửa.", user(h[1])));
    }

    private Dossier apologise(Dossier d, LocalDateTime t, String why, LocalDateTime newAppointment) {
        String[] h = HANDLERS.get(codes.get(d.handlingAgencyId()));
        return at(t, () -> dossiers.apologise(d.id(), d.rowVersion(), why, newAppointment, user(h[1])));
    }

    // ------------------------------------------------------------------ helpers

    private <T> T at(LocalDateTime t, Supplier<T> work) {
        return ApplicationClock.at(t, work);
    }

    private CurrentUser user(String username) {
        CurrentUser u = users.get(username);
        if (u == null) {
            throw new IllegalStateException("demo account " + username + " missing");
        }
        return u;
    }

    private static Applicant citizen(int i) {
        return new Applicant(CITIZENS[i][1], CITIZENS[i][3], CITIZENS[i][2], CITIZENS[i][0] + "@example.vn", "An Giang");
    }

    private static Applicant stranger(Random r) {
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " " + GIVEN[r.nextInt(GIVEN.length)];
        return new Applicant(name, String.format("0891%08d", r.nextInt(100_000_000)), String.format("09%08d", r.nextInt(100_000_000)), null, "An Giang");
    }

    private static String pick(Random r) {
        int total = 0;
        for (Object[] m : MIX) {
            total += (int) m[1];
        }
        int x = r.nextInt(total);
        for (Object[] m : MIX) {
            x -= (int) m[1];
            if (x < 0) {
                return (String) m[0];
            }
        }
        return (String) MIX[0][0];
    }

    private LocalDateTime plus(LocalDateTime t, long workingMinutes) {
        return cal.plusWorkingMinutes(t, workingMinutes);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** {@code n} working days before the last working day up to today, at the given time (never later than now). */
    private LocalDateTime t(int n, int hour, int minute) {
        LocalDateTime x = day(n).atTime(hour, minute);
        return x.isAfter(now) ? now.minusMinutes(1) : x;
    }

    private LocalDate day(int n) {
        LocalDate d = now.toLocalDate();
        while (!cal.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        for (int i = 0; i < n; i++) {
            d = d.minusDays(1);
            while (!cal.isWorkingDay(d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }
}
