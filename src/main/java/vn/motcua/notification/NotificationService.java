package vn.motcua.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.notification.domain.Backoff;
import vn.motcua.notification.domain.TemplateText;
import vn.motcua.notification.internal.NotificationStore;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.VietnameseText;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Public API of the notification module: templates (edited by administrators, previewed), each applicant's channels,
 * the queue of messages with its delivery log. A message is queued in the transaction of the listener that heard the
 * event (once per event, channel and recipient: the idempotency key), then sent after commit and retried with
 * exponential backoff until it expires; a sender takes a message by a short lease on its row, so that it is tried by
 * one sender at a time and never sent twice once sent.
 */
@Service
public class NotificationService {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final NotificationStore store;
    private final Map<NotificationChannel, MessageChannel> channels = new EnumMap<>(NotificationChannel.class);
    private final DossierService dossiers;
    private final AgencyService agencies;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationProperties props;
    private final TransactionTemplate tx;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();

    public NotificationService(NotificationStore store, List<MessageChannel> channels, DossierService dossiers, AgencyService agencies,
                               AuditLog audit, Clock clock, NotificationProperties props, TransactionTemplate tx) {
        this.store = store;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.dossiers = dossiers;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
        this.tx = tx;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    // ------------------------------------------------------------------ templates

    public List<NotificationTemplate> templates() {
        return store.templates().stream().sorted(Comparator.comparing(NotificationTemplate::event)).toList();
    }

    public NotificationTemplate template(NotificationEvent e) {
        return store.template(e).orElseThrow(() -> new NotFoundException("Không có mẫu thông báo " + e.name() + "."));
    }

    @Transactional
    public NotificationTemplate saveTemplate(NotificationEvent e, long rowVersion, String subject, String body, String shortText, boolean enabled,
                                             CurrentUser by) {
        Problems p = new Problems();
        TemplateText.check(subject, body, shortText, p);
        p.throwIfAny();
        NotificationTemplate before = template(e);
        if (!store.updateTemplate(e, rowVersion, subject.trim(), body.trim(), shortText.trim(), enabled, now(), by.username())) {
            throw new ConflictException("Mẫu thông báo vừa được người khác sửa; vui lòng tải lại trang để xem bản mới.");
        }
        NotificationTemplate after = template(e);
        audit.record("notification.template-saved", "notification-template", e.name(), before, after);
        return after;
    }

    /** What the template would send (e-mail subject and body, SMS, Zalo), filled with an example dossier. */
    public record Preview(String subject, String body, String sms, String zalo) {
    }

    public Preview preview(String subject, String body, String shortText) {
        Map<String, String> v = new HashMap<>();
        v.put("nguoiNop", "Nguyễn Văn An");
        v.put("maHoSo", "000.00.01.H01-261124-0001");
        v.put("tenThuTuc", "Cấp bản sao trích lục hộ tịch");
        v.put("donVi", "UBND phường Long Xuyên");
        v.put("ngayHenTra", "15:00 ngày 26/11/2026");
        v.put("soTien", "8.000 đ");
        v.put("noiDung", "Giải quyết theo đề nghị.");
        v.put("lienKet", props.publicBaseUrl() + "/tra-cuu");
        String s = TemplateText.fill(shortText == null ? "" : shortText, v);
        return new Preview(TemplateText.fill(subject == null ? "" : subject, v), TemplateText.fill(body == null ? "" : body, v),
                VietnameseText.unaccented(s), s);
    }

    // ------------------------------------------------------------------ preferences

    public Preferences preferences(String username) {
        return store.preferences(username).orElse(Preferences.defaults(username));
    }

    @Transactional
    public Preferences savePreferences(String username, long rowVersion, boolean email, boolean sms, boolean zalo) {
        Preferences before = preferences(username);
        Preferences after = new Preferences(username, email, sms, zalo, rowVersion);
        if (before.rowVersion() < 0) {
            store.insertPreferences(after, now());
        } else if (!store.updatePreferences(after, now())) {
            throw new ConflictException("Lựa chọn nhận thông báo vừa được thay đổi ở nơi khác; vui lòng tải lại trang.");
        }
        audit.record("notification.preferences-saved", "account", username, before, after);
        return preferences(username);
    }

    // ------------------------------------------------------------------ queueing

    /**
     * Queues the event's messages to the dossier's applicant on the channels they chose (an account's choice; e-mail
     * and SMS for an applicant without an account), once per {@code eventKey}. Returns how many were queued.
     */
    @Transactional
    public int notify(NotificationEvent event, long dossierId, String eventKey, Map<String, String> extra) {
        NotificationTemplate t = template(event);
        if (!t.enabled()) {
            return 0;
        }
        Dossier d = dossiers.get(dossierId);
        Preferences pref = d.applicantUsername() == null ? Preferences.defaults(null) : preferences(d.applicantUsername());
        return queueAll(t, event, d.id(), d.code(), pref, d.applicant().email(), d.applicant().phone(), values(d, extra), eventKey);
    }

    /** The address applicants reach the portal at (links in messages). */
    public String publicBaseUrl() {
        return props.publicBaseUrl();
    }

    /**
     * Queues the event's messages to someone who is not a dossier's applicant (the sender of a feedback): e-mail and SMS
     * to the contacts they gave, once per {@code eventKey}; {@code code} fills the place of the dossier code ({maHoSo}).
     */
    @Transactional
    public int notifyContact(NotificationEvent event, String code, String name, String email, String phone, String eventKey,
                             Map<String, String> extra) {
        NotificationTemplate t = template(event);
        if (!t.enabled()) {
            return 0;
        }
        Map<String, String> v = new HashMap<>();
        v.put("nguoiNop", name == null ? "" : name);
        v.put("maHoSo", code);
        v.put("tenThuTuc", "");
        v.put("donVi", "");
        v.put("ngayHenTra", "");
        v.put("lienKet", props.publicBaseUrl());
        v.putAll(extra);
        // the channels of someone without an account: e-mail and SMS
        return queueAll(t, event, null, code, Preferences.defaults(null), email, phone, v, eventKey);
    }

    /** The template filled in for each channel the preferences allow and the contacts reach, once per event key and channel. */
    private int queueAll(NotificationTemplate t, NotificationEvent event, Long dossierId, String code, Preferences pref, String email, String phone,
                         Map<String, String> v, String eventKey) {
        LocalDateTime now = now();
        LocalDateTime expires = now.plus(props.expireAfter());
        int queued = 0;
        if (pref.email() && email != null && !email.isBlank()) {
            queued += queue(eventKey, dossierId, code, event, NotificationChannel.EMAIL, email.trim(), TemplateText.fill(t.subject(), v),
                    TemplateText.fill(t.body(), v), now, expires);
        }
        if (pref.sms() && phone != null && phone.matches("0\\d{9,10}")) {
            queued += queue(eventKey, dossierId, code, event, NotificationChannel.SMS, phone, null,
                    VietnameseText.unaccented(TemplateText.fill(t.shortText(), v)), now, expires);
        }
        if (pref.zalo() && phone != null && phone.matches("0\\d{9,10}")) {
            queued += queue(eventKey, dossierId, code, event, NotificationChannel.ZALO, "84" + phone.substring(1), null,
                    TemplateText.fill(t.shortText(), v), now, expires);
        }
        if (queued > 0) {
            kickAfterCommit();
        }
        return queued;
    }

    private int queue(String eventKey, Long dossierId, String code, NotificationEvent event, NotificationChannel channel, String recipient,
                      String subject, String body, LocalDateTime now, LocalDateTime expires) {
        String key = eventKey + ":" + channel.name();
        if (store.exists(key)) {
            return 0;
        }
        store.insert(key, dossierId, code, event, channel, recipient, subject, body.length() > 4000 ? body.substring(0, 4000) : body, now, expires);
        return 1;
    }

    private Map<String, String> values(Dossier d, Map<String, String> extra) {
        Map<String, String> v = new HashMap<>();
        v.put("nguoiNop", d.applicant().name());
        v.put("maHoSo", d.code());
        v.put("tenThuTuc", d.procedureName());
        v.put("donVi", agencies.get(d.handlingAgencyId()).name());
        v.put("ngayHenTra", d.appointment() == null ? "" : VN.format(d.appointment()));
        v.put("lienKet", d.applicantUsername() != null ? props.publicBaseUrl() + "/ho-so-cua-toi/" + d.id() : props.publicBaseUrl() + "/tra-cuu");
        v.putAll(extra);
        return v;
    }

    // ------------------------------------------------------------------ sending

    /** Sends (or retries) every message due now; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        for (int round = 0; round < 20; round++) {
            List<NotificationMessage> due = store.due(now(), 50);
            if (due.isEmpty()) {
                break;
            }
            for (NotificationMessage m : due) {
                if (deliver(m)) {
                    sent++;
                }
            }
            if (due.size() < 50) {
                break;
            }
        }
        return sent;
    }

    /** One attempt at one message, if this sender could take it. */
    private boolean deliver(NotificationMessage m) {
        LocalDateTime now = now();
        if (!store.claim(m, now.plusMinutes(2))) {
            return false;
        }
        MessageChannel channel = channels.get(m.channel());
        try {
            if (channel == null) {
                throw new MessageChannel.Failed("Kênh " + m.channel().label() + " chưa được cấu hình.", null);
            }
            String providerId = channel.send(new MessageChannel.Outgoing(m.idempotencyKey(), m.recipient(), m.subject(), m.body(), m.dossierCode()));
            tx.executeWithoutResult(s -> {
                store.sent(m.id(), now(), providerId);
                store.attempt(m.id(), now(), true, providerId);
            });
            return true;
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Optional<LocalDateTime> next = Backoff.next(now(), m.attempts() + 1, props.retryBase(), props.retryMax(), m.expiresAt());
            tx.executeWithoutResult(s -> {
                store.failed(m.id(), error, next.orElse(null));
                store.attempt(m.id(), now(), false, error);
            });
            if (next.isEmpty()) {
                log.warn("notification {} to {} expired after {} attempts: {}", m.id(), m.channel(), m.attempts() + 1, error);
            }
            return false;
        }
    }

    /** Sends soon after the queueing transaction commits (when configured to; the scheduled sender catches up anyway). */
    private void kickAfterCommit() {
        if (!props.sendImmediately()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kick();
                }
            });
        } else {
            kick();
        }
    }

    private void kick() {
        if (kicked.compareAndSet(false, true)) {
            sender.execute(() -> {
                kicked.set(false);
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    log.warn("sending notifications failed: {}", e.toString());
                }
            });
        }
    }

    // ------------------------------------------------------------------ logs

    /** The messages about a dossier with every attempt (the dossier's delivery log). */
    public List<NotificationMessage> ofDossier(long dossierId) {
        return store.ofDossier(dossierId);
    }

    public List<NotificationMessage> unsent(int limit) {
        return store.unsent(limit);
    }

    public NotificationStore.Counts counts() {
        return store.counts();
    }

    /** Puts an expired message back in the queue (an administrator, after fixing the channel or the address). */
    @Transactional
    public void resend(long messageId, CurrentUser by) {
        NotificationMessage m = store.find(messageId).orElseThrow(() -> new NotFoundException("Không có tin nhắn này."));
        if (!store.requeue(messageId, now(), now().plus(props.expireAfter()))) {
            throw new ConflictException("Chỉ gửi lại tin đã hết hạn; tin này " + ("SENT".equals(m.status()) ? "đã được gửi." : "vẫn đang được gửi."));
        }
        audit.record("notification.resent", "notification-message", messageId, Map.of("status", m.status()), Map.of("status", "QUEUED"));
        kickAfterCommit();
    }

    /** The events of the last {@code expire-after}: older ones are not notified any more (the moment has passed). */
    public boolean fresh(LocalDateTime eventAt) {
        return eventAt != null && !eventAt.isBefore(now().minus(props.expireAfter()));
    }
}
