package vn.motcua.feedback.domain;

import vn.motcua.catalog.OnlineLevel;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.FinishedDossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The nine criteria of the evaluation of TTHC handling (Decree 61/2018 Arts. 30–35, kept by Decree 118/2025), 2 points
 * each, scored per dossier (one evaluation slip) on the slip's scale 2 / 1 / 0, then averaged per criterion over the
 * agency's slips of the period. Criteria 1–5 and 9 come from the dossier, 6 from the catalog, 7 from the applicant's
 * rating, 8 from the feedback about the dossier; a criterion without data for a slip leaves that slip out of its average.
 */
public final class EvaluationCriteria {
    public static final int COUNT = 9;
    public static final BigDecimal MAX = BigDecimal.valueOf(2);

    /** What the catalog says of the dossier's procedure version. */
    public record Publication(boolean published, boolean allPartsPresent, OnlineLevel onlineLevel) {
    }

    /** The state of the feedback about one dossier (null when there is none). */
    public enum FeedbackState { NONE, SATISFACTORY, ANSWERED_LATE_OR_DISLIKED, UNANSWERED_OVERDUE }

    /** One slip's inputs. */
    public record Slip(FinishedDossier dossier, boolean receivedAtOneStop, Publication publication, Integer attitude, FeedbackState feedback) {
    }

    private EvaluationCriteria() {
    }

    /** The slip's points per criterion (index 0 = criterion 1); null = no data for that criterion. */
    public static Integer[] points(Slip s) {
        FinishedDossier d = s.dossier();
        Integer[] p = new Integer[COUNT];
        p[0] = totalTime(d);
        p[1] = d.lateUnits() == 0 ? 2 : d.lateUnits() == 1 ? 1 : 0;
        p[2] = d.supplementCount() == 0 ? 2 : d.supplementCount() == 1 ? 1 : 0;
        // the applicant deals with the one-stop point only (intake and return); a dossier also taken to another agency counts it
        p[3] = d.channel() == Channel.COUNTER && d.receivingAgencyId() != d.handlingAgencyId() && !s.receivedAtOneStop() ? 1 : 2;
        boolean returnedThroughOneStop = d.delivery() != null;
        p[4] = (s.receivedAtOneStop() || d.channel() != Channel.COUNTER) ? (returnedThroughOneStop ? 2 : 1) : (returnedThroughOneStop ? 1 : 0);
        p[5] = s.publication() == null ? null : !s.publication().published() ? 0 : s.publication().allPartsPresent() ? 2 : 1;
        p[6] = s.attitude();
        p[7] = switch (s.feedback() == null ? FeedbackState.NONE : s.feedback()) {
            case NONE, SATISFACTORY -> 2;
            case ANSWERED_LATE_OR_DISLIKED -> 1;
            case UNANSWERED_OVERDUE -> 0;
        };
        p[8] = s.publication() == null ? null : switch (s.publication().onlineLevel()) {
            case FULL -> 2;
            case PARTIAL -> 1;
            case NONE -> 0;
        };
        return p;
    }

    /** Criterion 1: processed before the day promised 2, on that day 1, after it (or counted late) 0. */
    static int totalTime(FinishedDossier d) {
        if (d.late() || d.supplementLate()) {
            return 0;
        }
        if (d.appointment() == null) {
            return 1;
        }
        java.time.LocalDateTime end = d.processedAt() != null ? d.processedAt() : d.finishedAt();
        if (end.isAfter(d.appointment())) {
            return 0;
        }
        return end.toLocalDate().isBefore(d.appointment().toLocalDate()) ? 2 : 1;
    }

    /** The average of each criterion over the slips that have data for it, 2 decimals; null when none has. */
    public record Score(int slips, BigDecimal[] average, int[] counted) {
        public BigDecimal total() {
            BigDecimal t = BigDecimal.ZERO;
            for (BigDecimal a : average) {
                t = t.add(a == null ? BigDecimal.ZERO : a);
            }
            return t.setScale(2, RoundingMode.HALF_UP);
        }
    }

    public static Score score(List<Integer[]> slips) {
        BigDecimal[] avg = new BigDecimal[COUNT];
        int[] counted = new int[COUNT];
        for (int c = 0; c < COUNT; c++) {
            long sum = 0;
            int n = 0;
            for (Integer[] s : slips) {
                if (s[c] != null) {
                    sum += s[c];
                    n++;
                }
            }
            counted[c] = n;
            avg[c] = n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        }
        return new Score(slips.size(), avg, counted);
    }

    /** Share of the standard points reached: points / 2 as a percentage, 2 decimals. */
    public static BigDecimal satisfiedPercent(BigDecimal points) {
        return points == null ? null : points.multiply(BigDecimal.valueOf(50)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The band of a total: the first whose minimum it reaches (bands highest first). */
    public static <B> B band(BigDecimal total, List<B> bands, java.util.function.Function<B, BigDecimal> min) {
        for (B b : bands) {
            if (total.compareTo(min.apply(b)) >= 0) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** The Vietnamese names of the nine criteria. */
    public static final List<String> NAMES = List.of(
            "Tổng thời gian giải quyết TTHC so với thời gian quy định",
            "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)",
            "Số lần cá nhân, tổ chức phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ (kể cả trực tuyến)",
            "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ",
            "Việc tiếp nhận, giải quyết, trả kết quả được thực hiện tại Bộ phận Một cửa",
            "Việc công khai thủ tục hành chính",
            "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ",
            "Việc tiếp thu, giải trình đối với ý kiến, phản ánh, kiến nghị",
            "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến");

    public static final List<String> NAMES_EN = List.of(
            "Total handling time compared with the legal limit",
            "Time taken by each agency or unit involved (co-ordinating units included)",
            "Times the applicant had to contact the receiving point to complete the dossier (online included)",
            "Agencies or units the applicant had to contact to complete the dossier",
            "Intake, handling and return of results at the one-stop unit",
            "Publication of the procedure",
            "Attitude of officials when guiding, receiving and handling",
            "Acceptance of and explanation in response to feedback",
            "Progress and quality of the online public service");
}
