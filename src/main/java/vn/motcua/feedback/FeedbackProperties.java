package vn.motcua.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the feedback module ({@code motcua.feedback.*}); the deadlines are in working days.
 *
 * @param classifyDays    to accept, refuse or transfer a feedback after it arrives (refusal ≤ 2)
 * @param infoDays        to ask the sender for more information (≤ 5)
 * @param handleDays      to have the answer ready (≤ 15; from the information's arrival when it was asked for)
 * @param publishDays     to publish the answer once it is ready (≤ 2)
 * @param warnDays        officers are warned this many working days before a deadline
 * @param kioskWindow     how long after a return at the counter the officer's kiosk offers that dossier for rating
 * @param submissionsPerHour anonymous feedback accepted per client address and hour
 * @param maxAttachments  files per feedback
 * @param maxAttachmentBytes size of one file
 * @param bands           the rating bands of the 9-criterion evaluation, highest first: a total at or above
 *                        {@code min} gets the label (not official: configurable)
 */
@ConfigurationProperties("motcua.feedback")
public record FeedbackProperties(Integer classifyDays, Integer infoDays, Integer handleDays, Integer publishDays, Integer warnDays,
                                 Duration kioskWindow, Integer submissionsPerHour, Integer maxAttachments, Long maxAttachmentBytes,
                                 List<Band> bands) {

    public record Band(BigDecimal min, String label, String labelEn) {
    }

    public FeedbackProperties {
        classifyDays = classifyDays == null ? 2 : classifyDays;
        infoDays = infoDays == null ? 5 : infoDays;
        handleDays = handleDays == null ? 15 : handleDays;
        publishDays = publishDays == null ? 2 : publishDays;
        warnDays = warnDays == null ? 1 : warnDays;
        kioskWindow = kioskWindow == null ? Duration.ofMinutes(30) : kioskWindow;
        submissionsPerHour = submissionsPerHour == null ? 5 : submissionsPerHour;
        maxAttachments = maxAttachments == null ? 3 : maxAttachments;
        maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
        bands = bands == null || bands.isEmpty() ? List.of(
                new Band(new BigDecimal("15.01"), "Xuất sắc", "Excellent"),
                new Band(new BigDecimal("12"), "Tốt", "Good"),
                new Band(new BigDecimal("9"), "Khá", "Fair"),
                new Band(new BigDecimal("6"), "Trung bình", "Average"),
                new Band(BigDecimal.ZERO, "Yếu", "Weak")) : List.copyOf(bands);
    }
}
