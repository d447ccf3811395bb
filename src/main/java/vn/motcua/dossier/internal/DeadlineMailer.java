package vn.motcua.dossier.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.Account;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E-mails the officers who hold a dossier when it is due soon or became late: each with the role of its current
 * step in the unit holding it (only the assignee when there is one), when SMTP is configured. A listener of the
 * dossier events: it runs after the change committed, and a failure to send leaves the event publication
 * incomplete so that it is sent again.
 */
@Component
class DeadlineMailer {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private final DossierService dossiers;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    DeadlineMailer(DossierService dossiers, ObjectProvider<JavaMailSender> mail,
                   @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.dossiers = dossiers;
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(DossierEvents.DueSoon e) {
        Dossier d = dossiers.get(e.dossierId());
        send(d, "[MotCua] Hồ sơ " + d.code() + " sắp đến hạn trả kết quả", "Hồ sơ " + d.code() + " (" + d.procedureName() + ") của "
                + d.applicant().name() + " phải trả kết quả trước " + VN.format(e.dueAt()) + ".\nHồ sơ đang ở bước " + d.currentStep()
                + ". Vui lòng xử lý kịp thời; nếu không thể trả đúng hạn, lãnh đạo cơ quan phải ký văn bản xin lỗi và hẹn lại ngày trả kết quả.");
    }

    @ApplicationModuleListener
    void on(DossierEvents.BecameLate e) {
        Dossier d = dossiers.get(e.dossierId());
        send(d, "[MotCua] Hồ sơ " + d.code() + " đã quá hạn", "Hồ sơ " + d.code() + " (" + d.procedureName() + ") của " + d.applicant().name()
                + " đã quá hạn trả kết quả (" + VN.format(e.dueAt()) + ") và được tính là trễ hạn. Lãnh đạo cơ quan phải ký văn bản xin lỗi, "
                + "hẹn lại ngày trả kết quả trước khi trả kết quả.");
    }

    private void send(Dossier d, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        // the officers who may take the current step (assignees() is empty for a dossier no longer open)
        boolean assigned = d.assignee() != null && !d.assignee().isBlank();
        List<String> to = dossiers.assignees(d).stream()
                .filter(a -> a.email() != null && (!assigned || d.assignee().equals(a.username())))
                .map(Account::email).toList();
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
