package vn.motcua.control;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of TTHC control ({@code motcua.control.*}); deadlines in working days, warnings in calendar days.
 *
 * @param decideBefore    a province signs a publication decision at least this many working days before the legal basis
 *                        takes effect (Decision 766 indicator 1.1: 5; ministries 20)
 * @param publishWithin   and makes the procedures public within this many working days of the decision (1.2: 5; ministries 10)
 * @param opinionDays     the provincial office's opinion on a draft regulation's procedures, from registration (verify)
 * @param appraisalDays   the Department of Justice's appraisal, from the office's opinion deadline (verify)
 * @param warnDays        control officers are warned this many days before a deadline
 * @param maxFileBytes    size of one document attached to a draft regulation
 */
@ConfigurationProperties("motcua.control")
public record ControlProperties(Integer decideBefore, Integer publishWithin, Integer opinionDays, Integer appraisalDays, Integer warnDays,
                                Long maxFileBytes) {
    public ControlProperties {
        decideBefore = decideBefore == null ? 5 : decideBefore;
        publishWithin = publishWithin == null ? 5 : publishWithin;
        opinionDays = opinionDays == null ? 10 : opinionDays;
        appraisalDays = appraisalDays == null ? 10 : appraisalDays;
        warnDays = warnDays == null ? 7 : warnDays;
        maxFileBytes = maxFileBytes == null ? 10L * 1024 * 1024 : maxFileBytes;
    }
}
