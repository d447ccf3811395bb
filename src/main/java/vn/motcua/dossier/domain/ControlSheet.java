package vn.motcua.dossier.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.StepResult;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The hand-over table of the control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ), built from the history:
 * one row each time the dossier changes hands (one-stop unit → handling agency, between steps and agencies, back
 * to the one-stop unit, to the applicant), with the time, who handed it over and who received it, and whether the
 * step that ended there finished before due, on time or late. Plain Java.
 */
public final class ControlSheet {

    /** One hand-over. {@code result} is how the step that ended with it stood against its due time. */
    public record Row(int no, String from, String to, LocalDateTime at, String handedBy, String receivedBy, StepResult result, String note) {
    }

    private ControlSheet() {
    }

    public static List<Row> rows(Dossier d, List<ProcessStep> steps, WorkingCalendar cal, LocalTime cutoff, Function<Long, String> agencyName,
                                 Function<String, String> personName) {
        List<Row> rows = new ArrayList<>();
        List<DossierHistoryEntry> history = d.history();
        for (int i = 0; i < history.size(); i++) {
            DossierHistoryEntry e = history.get(i);
            String handedBy = personName.apply(e.actor());
            switch (e.action()) {
                case ACCEPT -> {
                    LocalDateTime handover = d.paper() ? cal.countingStart(e.at(), cutoff) : e.at();
                    LocalDateTime due = steps.isEmpty() ? null : cal.plusWorkingMinutes(cal.countingStart(e.at(), cutoff), steps.get(0).durationMinutes());
                    rows.add(row(rows, e.fromAgencyId(), e.agencyId(), handover, handedBy, next(history, i, personName), DossierRules.stepResult(handover, due),
                            "Tiếp nhận, chuyển hồ sơ " + (d.paper() ? "giấy" : "điện tử") + " đến cơ quan giải quyết", agencyName));
                }
                case FORWARD, APPROVE, SEND_BACK, TRANSFER -> rows.add(row(rows, e.fromAgencyId(), e.agencyId(), e.at(), handedBy,
                        next(history, i, personName), DossierRules.stepResult(e.at(), e.stepDueAt()), stepNote(e, steps), agencyName));
                case PAUSE -> rows.add(row(rows, e.fromAgencyId(), e.agencyId(), e.at(), handedBy, "Người nộp hồ sơ (qua bộ phận một cửa)",
                        DossierRules.stepResult(e.at(), e.stepDueAt()), "Yêu cầu bổ sung, hoàn thiện hồ sơ", agencyName));
                case RESUME -> rows.add(row(rows, e.fromAgencyId(), e.agencyId(), e.at(), handedBy, next(history, i, personName),
                        StepResult.ON_TIME, "Chuyển hồ sơ đã bổ sung; thời hạn tính lại", agencyName));
                case RETURN_RESULT -> rows.add(new Row(rows.size() + 1, agencyName.apply(e.agencyId()), "Người nộp: " + d.applicant().name(), e.at(),
                        handedBy, d.applicant().name(), DossierRules.stepResult(e.at(), d.dueAt()), "Trả kết quả (" + (d.delivery() == null ? "" : d.delivery().label()) + ")"));
                case STOP -> rows.add(new Row(rows.size() + 1, agencyName.apply(e.agencyId()), "Người nộp: " + d.applicant().name(), e.at(), handedBy,
                        d.applicant().name(), d.dueAt() == null ? null : DossierRules.stepResult(e.at(), d.dueAt()), "Thông báo dừng giải quyết"));
                default -> {
                }
            }
        }
        return rows;
    }

    private static Row row(List<Row> rows, Long from, Long to, LocalDateTime at, String handedBy, String receivedBy, StepResult result,
                           String note, Function<Long, String> agencyName) {
        return new Row(rows.size() + 1, from == null ? "" : agencyName.apply(from), to == null ? "" : agencyName.apply(to), at, handedBy,
                receivedBy, result, note);
    }

    /** Who acted next: the person who received the dossier at this hand-over. */
    private static String next(List<DossierHistoryEntry> history, int i, Function<String, String> personName) {
        for (int j = i + 1; j < history.size(); j++) {
            DossierHistoryEntry n = history.get(j);
            if (n.action() != DossierAction.WARN && n.action() != DossierAction.LATE && n.action() != DossierAction.ASSIGN) {
                return personName.apply(n.actor());
            }
        }
        return "";
    }

    private static String stepNote(DossierHistoryEntry e, List<ProcessStep> steps) {
        return switch (e.action()) {
            case SEND_BACK -> "Trả lại bước trước: " + (e.note() == null ? "" : e.note());
            case TRANSFER -> "Liên thông";
            default -> e.step() != null && e.step() >= 2 && e.step() - 2 < steps.size()
                    ? "Hoàn thành: " + steps.get(e.step() - 2).name() : "";
        };
    }
}
