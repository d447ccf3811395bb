package vn.motcua.dossier.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Role;
import vn.motcua.identity.CurrentUser;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before a dossier falls due, the officers who hold it are warned: an entry in its history and an
 * e-mail to each officer with the role of its current step in the unit holding it (when SMTP is set).
 */
@Component
public class DeadlineWarnings {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWarnings.class);
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final DossierStore store;
    private final DossierService dossiers;
    private final WorkingCalendarService calendars;
    private final AccountService accounts;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final String from;

    public DeadlineWarnings(DossierStore store, DossierService dossiers, WorkingCalendarService calendars, AccountService accounts,
                            ObjectProvider<JavaMailSender> mail, TransactionTemplate tx,
                            @Value("${motcua.mail.from:motcua@localhost}") String from) {
        this.store = store;
        this.dossiers = dossiers;
        this.calendars = calendars;
        this.accounts = accounts;
        this.mail = mail;
        this.tx = tx;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${motcua.dossier.warning-interval:PT15M}", initialDelayString = "${motcua.dossier.warning-interval:PT15M}")
    public void scheduled() {
        run();
    }

    /** Warns about every open dossier due within the warning window that was not warned yet; returns how many. */
    public int run() {
        LocalDateTime now = calendars.now();
        long window = calendars.warnWorkingHoursBefore() * 60L;
        // working hours never outrun calendar time, so a calendar bound of 30 days keeps the scan small
        List<Dossier> candidates = store.list("status = 'PROCESSING' and warned_at is null and due_at is not null and due_at < :limit",
                Map.of("limit", Timestamp.valueOf(now.plusDays(30))), "due_at", 5000);
        int warned = 0;
        for (Dossier d : candidates) {
            if (d.dueAt().isAfter(now) && calendars.calendar().workingMinutesBetween(now, d.dueAt()) > window) {
                continue;
            }
            Boolean done = tx.execute(status -> {
                if (store.update(d.id(), d.rowVersion(), Map.of("warned_at", now)) != 1) {
                    return false;
                }
                String text = d.dueAt().isAfter(now) ? "Sắp đến hạn trả kết quả (" + VN.format(d.dueAt()) + ")"
                        : "Đã quá hạn trả kết quả (" + VN.format(d.dueAt()) + ")";
                store.insertEvent(d.id(), now, "he-thong", DossierAction.WARN, d.status(), d.status(), d.currentStep(), d.handlingAgencyId(), text);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                warned++;
                email(d);
            }
        }
        return warned;
    }

    private void email(Dossier d) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        Role role = dossiers.steps(d).get(d.currentStep() - 1).role();
        List<String> to = new ArrayList<>();
        for (Account a : accounts.withRole(role)) {
            if (dossiers.mayAct(CurrentUser.of(a), d, role) && a.email() != null && (d.assignee() == null || d.assignee().isBlank() || d.assignee().equals(a.username()))) {
                to.add(a.email());
            }
        }
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject("[MotCua] Hồ sơ " + d.code() + " sắp đến hạn trả kết quả");
        message.setText("Hồ sơ " + d.code() + " (" + d.procedureName() + ") của " + d.applicant().name() + " phải trả kết quả trước "
                + VN.format(d.dueAt()) + ".\nHồ sơ đang ở bước " + d.currentStep() + ". Vui lòng xử lý kịp thời; nếu không thể trả đúng hạn, "
                + "phải có văn bản giải trình và Phiếu xin lỗi, hẹn lại ngày trả kết quả.");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Không gửi được thư cảnh báo hồ sơ {}: {}", d.code(), e.getMessage());
        }
    }
}
