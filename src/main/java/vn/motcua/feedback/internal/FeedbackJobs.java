package vn.motcua.feedback.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackEvents;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Role;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.events.Readiness;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Feedback deadlines: every few minutes, missed deadlines are marked late (for good) and near ones noted; the
 * officers of the agency holding the feedback (its TTHC-control officers and leaders) are e-mailed — by listeners of the
 * events, after commit and retried until sent — when a feedback arrives or is transferred to them, before a deadline
 * and when one is missed.
 */
@Component
class FeedbackJobs {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private final FeedbackService feedback;
    private final AccountService accounts;
    private final AgencyService agencies;
    private final Readiness readiness;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    FeedbackJobs(FeedbackService feedback, AccountService accounts, AgencyService agencies, Readiness readiness, ObjectProvider<JavaMailSender> mail,
                 @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.feedback = feedback;
        this.accounts = accounts;
        this.agencies = agencies;
        this.readiness = readiness;
        this.mail = mail;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${motcua.feedback.deadline-interval:PT10M}", initialDelayString = "PT2M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "feedback-deadlines", lockAtMostFor = "PT2M", lockAtLeastFor = "PT30S")
    void deadlines() {
        if (readiness.ready()) {
            feedback.applyDeadlines();
        }
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackDueSoon e) {
        if (old(e)) {
            return;
        }
        Feedback f = feedback.get(e.feedbackId());
        send(e.agencyId(), "[MotCua] Phản ánh " + f.code() + " sắp đến hạn", "Phản ánh, kiến nghị " + f.code() + " (" + f.title()
                + ") phải được xử lý trước " + VN.format(e.dueAt()) + ".");
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackReceived e) {
        if (old(e)) {
            return;
        }
        Feedback f = feedback.get(e.feedbackId());
        send(e.agencyId(), "[MotCua] Phản ánh mới " + f.code(), "Đơn vị nhận được phản ánh, kiến nghị " + f.code() + " (" + f.category().label()
                + "): " + f.title() + ".\nHạn phân loại (từ chối, chuyển hoặc thụ lý): " + VN.format(f.classifyDueAt())
                + ". Hạn có kết quả: " + VN.format(f.handleDueAt()) + ".");
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackTransferred e) {
        if (old(e)) {
            return;
        }
        Feedback f = feedback.get(e.feedbackId());
        send(e.toAgencyId(), "[MotCua] Phản ánh " + f.code() + " được chuyển đến", "Phản ánh, kiến nghị " + f.code() + " (" + f.title()
                + ") được chuyển đến đơn vị. Hạn phân loại: " + VN.format(f.classifyDueAt()) + ". Hạn có kết quả: " + VN.format(f.handleDueAt()) + ".");
    }

    @ApplicationModuleListener
    void on(FeedbackEvents.FeedbackBecameLate e) {
        if (old(e)) {
            return;
        }
        Feedback f = feedback.get(e.feedbackId());
        send(e.agencyId(), "[MotCua] Phản ánh " + f.code() + " đã quá hạn", "Phản ánh, kiến nghị " + f.code() + " (" + f.title()
                + ") đã quá hạn (" + VN.format(e.dueAt()) + ") và được tính là xử lý trễ hạn.");
    }

    /** Events of the demo's replayed history are not mailed. */
    private boolean old(FeedbackEvents.Event e) {
        return e.at().isBefore(feedback.now().minusDays(1));
    }

    private void send(long agencyId, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        long agency = agencies.owningAgency(agencyId);
        List<String> to = accounts.list().stream().filter(Account::enabled)
                .filter(a -> a.roles().stream().anyMatch(g -> (g.role() == Role.TTHC_CONTROL || g.role() == Role.LEADER)
                        && g.agencyId() != null && agencies.owningAgency(g.agencyId()) == agency))
                .map(Account::email).filter(Objects::nonNull).distinct().toList();
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        m.setSubject(subject);
        m.setText(text);
        sender.send(m);
    }
}
