package vn.motcua.quality.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.notification.NotificationService;
import vn.motcua.quality.QualityEvents;
import vn.motcua.quality.PeriodicReport;
import vn.motcua.quality.ReportService;

import java.util.Arrays;

/**
 * E-mails a frozen report, with its Excel and PDF, to the recipients it was sent to (when SMTP is configured). A
 * listener: a failure leaves the event publication incomplete, so that the e-mail is sent again.
 */
@Component
class QualityMailer {
    private final ReportService reports;
    private final vn.motcua.quality.WeeklyReviewService reviews;
    private final vn.motcua.quality.QualityService quality;
    private final NotificationService notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    QualityMailer(ReportService reports, vn.motcua.quality.WeeklyReviewService reviews, vn.motcua.quality.QualityService quality,
                  NotificationService notifications, ObjectProvider<JavaMailSender> mail, @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.quality = quality;
        this.reports = reports;
        this.reviews = reviews;
        this.notifications = notifications;
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(QualityEvents.ReportSent e) throws MessagingException {
        if (nobodyToTell(e.recipients())) {
            return;
        }
        PeriodicReport r = reports.get(e.reportId());
        String name = ReportService.fileBase(r);
        String number = r.number().isBlank() ? "" : r.number() + " ";
        send(e.recipients(), "[MotCua] " + r.form().shortName() + " — " + r.unitName() + " — " + r.periodLabel(),
                "Kính gửi Quý cơ quan,\n\nHệ thống thông tin giải quyết TTHC gửi " + number + "(" + r.form().title().toLowerCase(java.util.Locale.ROOT) + ") của "
                        + r.unitName() + ", " + r.periodLabel() + ", số liệu đã chốt.\n\nDòng tổng cộng (đơn vị tính: " + r.form().measure() + "):\n"
                        + r.totalLines() + "\nXem trên hệ thống: " + notifications.publicBaseUrl() + "/chi-so/bao-cao/" + r.id() + "\n",
                h -> {
                    h.addAttachment(name + ".xlsx", new ByteArrayResource(reports.excel(r)),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                    h.addAttachment(name + ".pdf", new ByteArrayResource(reports.pdf(r)), "application/pdf");
                });
    }

    @ApplicationModuleListener
    void on(QualityEvents.DigestDue e) throws MessagingException {
        if (nobodyToTell(e.recipients())) {
            return;
        }
        vn.motcua.quality.WeeklyReview r = reviews.review(e.unitId(), e.weekStart());
        send(e.recipients(), "[MotCua] Chỉ số 766 tuần " + java.time.format.DateTimeFormatter.ofPattern("dd/MM").format(r.weekStart()) + " — "
                + r.unitName() + ": " + r.week().score() + "/100", reviews.digest(r, notifications.publicBaseUrl()), null);
    }

    @ApplicationModuleListener
    void on(QualityEvents.MonthlyDue e) throws MessagingException {
        if (nobodyToTell(e.recipients())) {
            return;
        }
        vn.motcua.quality.Period month = vn.motcua.quality.Period.parse(e.month()).orElseThrow();
        vn.motcua.quality.IndexCard card = quality.card(e.unitId(), month);
        send(e.recipients(), "[MotCua] Chỉ số 766 " + month.label().toLowerCase(java.util.Locale.ROOT) + " — " + card.unitName() + ": " + card.score()
                + "/100", reviews.monthly(card, quality.ranking(month), notifications.publicBaseUrl()), null);
    }

    private interface Attachments {
        void add(MimeMessageHelper h) throws MessagingException;
    }

    private static String[] addresses(String recipients) {
        return Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** No SMTP configured, or no address: nothing to build or send. */
    private boolean nobodyToTell(String recipients) {
        return mail.getIfAvailable() == null || addresses(recipients).length == 0;
    }

    private void send(String recipients, String subject, String text, Attachments attachments) throws MessagingException {
        JavaMailSender sender = mail.getObject();
        MimeMessage m = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(m, attachments != null, "UTF-8");
        h.setFrom(from);
        h.setTo(addresses(recipients));
        h.setSubject(subject);
        h.setText(text);
        if (attachments != null) {
            attachments.add(h);
        }
        sender.send(m);
    }
}
