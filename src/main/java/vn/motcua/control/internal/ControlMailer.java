package vn.motcua.control.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.control.ControlEvents;
import vn.motcua.control.OversightService;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.notification.NotificationService;
import vn.motcua.organization.AgencyService;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E-mails a control deadline warning to the TTHC-control officers whose units cover the unit concerned (the unit's own
 * and the province's office), when SMTP is configured. A listener: a failure to send leaves the event publication
 * incomplete so that it is sent again.
 */
@Component
class ControlMailer {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final AccountService accounts;
    private final OversightService oversight;
    private final AgencyService agencies;
    private final NotificationService notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    ControlMailer(AccountService accounts, OversightService oversight, AgencyService agencies, NotificationService notifications, ObjectProvider<JavaMailSender> mail,
                  @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.accounts = accounts;
        this.oversight = oversight;
        this.agencies = agencies;
        this.notifications = notifications;
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(ControlEvents.DeadlineWarned e) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> to = accounts.withRole(Role.TTHC_CONTROL).stream()
                .filter(a -> a.email() != null && !a.email().isBlank() && oversight.covers(CurrentUser.of(a), e.agencyId()))
                .map(Account::email).distinct().toList();
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.toArray(String[]::new));
        m.setSubject((e.overdue() ? "[MotCua] Quá hạn: " : "[MotCua] Sắp đến hạn: ") + e.title());
        m.setText(e.title() + "\nĐơn vị: " + agencies.get(e.agencyId()).name() + "\nHạn: " + VN.format(e.dueOn())
                + (e.overdue() ? " (đã quá hạn)" : "") + "\nXem chi tiết: " + notifications.publicBaseUrl() + e.link());
        sender.send(m);
    }

}
