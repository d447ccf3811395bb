package vn.motcua.control.domain;

import vn.motcua.calendar.WorkingCalendar;

import java.time.LocalDate;

/**
 * Publication timeliness of one legal basis that changes procedures (Decision 766, indicators 1.1 and 1.2): a
 * province must sign the publication decision at least {@code decideBefore} working days before the legal basis takes
 * effect (5; 20 for ministries) and make the procedures public within {@code publishWithin} working days of the
 * decision (5; 10 for ministries).
 *
 * @param basisEffectiveOn when the legal basis takes effect
 * @param decisionSignedOn the publication decision's date, null while there is none
 * @param madePublicOn     when the procedures were made public, null while they are not
 */
public record PublicationTimeliness(LocalDate basisEffectiveOn, LocalDate decisionSignedOn, LocalDate madePublicOn,
                                    LocalDate decideBy, LocalDate publishBy) {

    /** Where the publication stands (worst first). */
    public enum State implements Labelled {
        DECISION_LATE("Quyết định công bố trễ hạn", "Decision late"),
        PUBLIC_LATE("Công khai trễ hạn", "Made public late"),
        DECISION_DUE_SOON("Sắp đến hạn ban hành quyết định", "Decision due soon"),
        PUBLIC_DUE_SOON("Sắp đến hạn công khai", "Publication due soon"),
        WAITING_DECISION("Chờ quyết định công bố", "Waiting for the decision"),
        WAITING_PUBLIC("Chờ công khai", "Waiting to be made public"),
        ON_TIME("Đúng hạn", "On time");

        private final String label;
        private final String labelEn;

        State(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }

        public boolean late() {
            return this == DECISION_LATE || this == PUBLIC_LATE;
        }
    }

    public static PublicationTimeliness of(LocalDate basisEffectiveOn, LocalDate decisionSignedOn, LocalDate madePublicOn,
                                           WorkingCalendar cal, int decideBefore, int publishWithin) {
        LocalDate decideBy = cal.minusWorkingDays(basisEffectiveOn, decideBefore);
        LocalDate publishBy = decisionSignedOn == null ? null : cal.plusWorkingDays(decisionSignedOn, publishWithin);
        return new PublicationTimeliness(basisEffectiveOn, decisionSignedOn, madePublicOn, decideBy, publishBy);
    }

    /** 1.1: the decision was signed by the deadline (null while there is no decision and the deadline has not passed). */
    public Boolean decidedOnTime(LocalDate today) {
        if (decisionSignedOn == null) {
            return today.isAfter(decideBy) ? Boolean.FALSE : null;
        }
        return !decisionSignedOn.isAfter(decideBy);
    }

    /** 1.2: made public within the days allowed after the decision (null while that is still open). */
    public Boolean publicOnTime(LocalDate today) {
        if (publishBy == null) {
            return null;
        }
        if (madePublicOn == null) {
            return today.isAfter(publishBy) ? Boolean.FALSE : null;
        }
        return !madePublicOn.isAfter(publishBy);
    }

    /** The state on a day, warning {@code warnDays} calendar days before a deadline. */
    public State state(LocalDate today, int warnDays) {
        if (Boolean.FALSE.equals(decidedOnTime(today))) {
            return State.DECISION_LATE;
        }
        if (Boolean.FALSE.equals(publicOnTime(today))) {
            return State.PUBLIC_LATE;
        }
        if (decisionSignedOn == null) {
            return today.plusDays(warnDays).isBefore(decideBy) ? State.WAITING_DECISION : State.DECISION_DUE_SOON;
        }
        if (madePublicOn == null) {
            return today.plusDays(warnDays).isBefore(publishBy) ? State.WAITING_PUBLIC : State.PUBLIC_DUE_SOON;
        }
        return State.ON_TIME;
    }

    /** The next deadline still open (null when both are met). */
    public LocalDate nextDeadline() {
        if (decisionSignedOn == null) {
            return decideBy;
        }
        return madePublicOn == null ? publishBy : null;
    }
}
