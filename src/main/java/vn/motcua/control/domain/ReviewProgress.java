package vn.motcua.control.domain;

import vn.motcua.shared.Problems;

import java.time.LocalDate;

/**
 * The progress of one item of a review plan: planned, in progress (a share done), done (100 % with its result). An
 * item not done by its due day is overdue; one due within {@code warnDays} days is due soon.
 */
public record ReviewProgress(Status status, int progress, String result, LocalDate finishedOn) {

    public enum Status implements Labelled {
        PLANNED("Chưa thực hiện", "Planned"),
        IN_PROGRESS("Đang thực hiện", "In progress"),
        DONE("Hoàn thành", "Done");

        private final String label;
        private final String labelEn;

        Status(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    public static ReviewProgress planned() {
        return new ReviewProgress(Status.PLANNED, 0, null, null);
    }

    /** A new report of progress: 0–100 %; 100 % needs the result of the review (what it found and proposes). */
    public ReviewProgress report(Integer percent, String text, LocalDate today) {
        Problems p = new Problems();
        p.require(percent != null && percent >= 0 && percent <= 100, "progress", "Tiến độ là số phần trăm từ 0 đến 100.");
        p.require(percent == null || percent < 100 || (text != null && !text.isBlank()), "result",
                "Đã hoàn thành thì phải ghi kết quả rà soát (phát hiện, kiến nghị).");
        p.require(text == null || text.length() <= 4000, "result", "Kết quả dài quá 4000 ký tự.");
        p.throwIfAny();
        String r = text == null || text.isBlank() ? null : text.trim();
        if (percent == 100) {
            return new ReviewProgress(Status.DONE, 100, r, finishedOn != null ? finishedOn : today);
        }
        return new ReviewProgress(percent == 0 && r == null ? Status.PLANNED : Status.IN_PROGRESS, percent, r, null);
    }

    public boolean overdue(LocalDate due, LocalDate today) {
        return status != Status.DONE && today.isAfter(due);
    }

    public boolean dueSoon(LocalDate due, LocalDate today, int warnDays) {
        return status != Status.DONE && !today.isAfter(due) && !today.plusDays(warnDays).isBefore(due);
    }
}
