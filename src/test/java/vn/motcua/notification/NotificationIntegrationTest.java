package vn.motcua.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.TestSupport;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;
import vn.motcua.simulators.Knobs;
import vn.motcua.simulators.MessageInbox;
import vn.motcua.simulators.Simulators;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages to applicants through real channels: e-mail to an in-process SMTP server, SMS and Zalo to their
 * simulators over HTTP. A channel that fails three times is tried again with backoff and the message is delivered
 * once; events of a dossier become messages on the channels the applicant chose; templates are checked.
 */
@IntegrationTest
class NotificationIntegrationTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired NotificationService notifications;
    @Autowired DossierService dossiers;
    @Autowired PaymentService payments;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired Simulators sims;
    @Autowired MutableClock clock;

    @AfterEach
    void reset() {
        sims.clear();
        clock.reset();
    }

    CurrentUser as(String username) {
        return TestSupport.user(accounts, username);
    }

    static String phone() {
        return String.format("09%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    Dossier submitted(String phone, String email, String username) {
        List<UploadedDocument> files = catalog.current("1.001022").components().stream().filter(c -> !c.showOnly())
                .map(c -> new UploadedDocument(c.id(), "giay-to.pdf", "application/pdf", "%PDF-1.4".getBytes())).toList();
        Applicant a = new Applicant("Trần Thị Thông Báo", String.format("0891%08d", ThreadLocalRandom.current().nextInt(100_000_000)), phone, email,
                "An Giang");
        return dossiers.submitOnline(new OnlineSubmission("1.001022", agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id(), a, null, null, files,
                Map.of()), as(username));
    }

    NotificationMessage message(long dossierId, String key) {
        return notifications.ofDossier(dossierId).stream().filter(m -> m.idempotencyKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anSmsWhoseGatewayFailsThreeTimesIsSentOnceWithBackoffAndTheEmailGoesOutOverSmtp() throws Exception {
        String phone = phone();
        Dossier d = submitted(phone, "nguoinop@example.vn", "congdan01");
        // the submission's own messages (payment requested) go first, so that the failures below meet this test's message
        TestSupport.eventually(() -> Optional.of(notifications.ofDossier(d.id())).filter(l -> !l.isEmpty()));
        notifications.deliverDue();
        LocalDateTime t = LocalDateTime.now(clock).withNano(0);
        clock.set(t);
        String key = "TEST:" + UUID.randomUUID();
        sims.knobs("sms").orElseThrow().set(new Knobs.Settings(0, 3, 0, false, false));
        assertThat(notifications.notify(NotificationEvent.RECEIVED, d.id(), key, Map.of())).isEqualTo(2);
        assertThat(notifications.notify(NotificationEvent.RECEIVED, d.id(), key, Map.of())).as("the same event queues nothing twice").isZero();

        notifications.deliverDue();
        NotificationMessage sms = message(d.id(), key + ":SMS");
        assertThat(sms.status()).isEqualTo("QUEUED");
        assertThat(sms.attempts()).isEqualTo(1);
        assertThat(sms.nextAttemptAt()).isEqualTo(t.plusSeconds(30));
        assertThat(message(d.id(), key + ":EMAIL").status()).isEqualTo("SENT");

        clock.set(t.plusSeconds(10));
        notifications.deliverDue();
        assertThat(message(d.id(), key + ":SMS").attempts()).as("not before its backoff").isEqualTo(1);
        clock.set(t.plusSeconds(30));
        notifications.deliverDue();
        clock.set(t.plusSeconds(90));
        notifications.deliverDue();
        assertThat(message(d.id(), key + ":SMS").attempts()).isEqualTo(3);
        assertThat(sims.sms().to(phone)).noneMatch(m -> m.requestId().startsWith(key));
        clock.set(t.plusSeconds(210));
        notifications.deliverDue();
        clock.set(t.plusSeconds(3600));
        notifications.deliverDue();

        NotificationMessage sent = message(d.id(), key + ":SMS");
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(4);
        assertThat(sent.attemptLog()).extracting(NotificationMessage.Attempt::ok).containsExactly(false, false, false, true);
        List<MessageInbox.Message> received = sims.sms().to(phone).stream().filter(m -> m.requestId().startsWith(key)).toList();
        assertThat(received).as("delivered once").hasSize(1);
        assertThat(received.get(0).text()).contains(d.code()).doesNotContain("ồ").contains("Ho so");
        assertThat(sent.providerId()).isEqualTo(received.get(0).providerId());

        MimeMessage mail = TestSupport.eventually(() -> java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Hồ sơ " + d.code() + " đã được tiếp nhận");
            } catch (Exception e) {
                return false;
            }
        }).findFirst());
        assertThat(mail.getSubject()).isEqualTo("Hồ sơ " + d.code() + " đã được tiếp nhận");
        assertThat((String) mail.getContent()).contains("Kính gửi Trần Thị Thông Báo").contains("Cấp bản sao trích lục").doesNotContain("{");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("nguoinop@example.vn");
    }

    @Test
    void aMessageThatCannotBeSentBeforeItExpiresIsGivenUpAndCanBeResent() {
        String phone = phone();
        Dossier d = submitted(phone, null, "congdan02");
        LocalDateTime t = LocalDateTime.now(clock).withNano(0);
        clock.set(t);
        String key = "TEST:" + UUID.randomUUID();
        sims.knobs("sms").orElseThrow().set(new Knobs.Settings(0, 1000, 0, false, false));
        notifications.notify(NotificationEvent.SUPPLEMENT_REQUESTED, d.id(), key, Map.of("noiDung", "Tờ khai chưa ký"));
        for (int minutes = 0; minutes <= 49 * 60; minutes += 30) {
            clock.set(t.plusMinutes(minutes));
            notifications.deliverDue();
        }
        NotificationMessage expired = message(d.id(), key + ":SMS");
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.lastError()).contains("503");
        sims.knobs("sms").orElseThrow().reset();
        notifications.resend(expired.id(), as("quantri"));
        notifications.deliverDue();
        assertThat(message(d.id(), key + ":SMS").status()).isEqualTo("SENT");
        assertThat(sims.sms().to(phone)).filteredOn(m -> m.requestId().startsWith(key)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("To khai chua ky"));
        assertThatThrownBy(() -> notifications.resend(expired.id(), as("quantri"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void dossierAndPaymentEventsReachTheChannelsTheApplicantChose() {
        Preferences before = notifications.preferences("congdan03");
        notifications.savePreferences("congdan03", before.rowVersion(), false, false, true);
        String phone = phone();
        Dossier d = submitted(phone, "khongnhan@example.vn", "congdan03");
        Payment p = TestSupport.eventually(() -> payments.active(d.id(), PaymentTiming.AT_SUBMISSION));
        payments.recordCash(p.id(), p.rowVersion(), as("tiepnhan.longxuyen"));
        List<NotificationMessage> messages = TestSupport.eventually(() -> Optional.of(notifications.ofDossier(d.id()))
                .filter(l -> l.stream().map(NotificationMessage::event).toList().containsAll(List.of(NotificationEvent.PAYMENT_REQUESTED,
                        NotificationEvent.PAID))));
        assertThat(messages).allMatch(m -> m.channel() == NotificationChannel.ZALO).allMatch(m -> m.recipient().equals("84" + phone.substring(1)));
        notifications.deliverDue();
        List<MessageInbox.Message> zalo = sims.zalo().to("84" + phone.substring(1));
        assertThat(zalo).hasSizeGreaterThanOrEqualTo(2);
        assertThat(zalo).anySatisfy(m -> assertThat(m.text()).contains("ma_ho_so: " + d.code()).contains("8.000 đ"));
        notifications.savePreferences("congdan03", notifications.preferences("congdan03").rowVersion(), true, true, false);
    }

    @Test
    void templatesAreCheckedAndConcurrentEditsDetected() {
        NotificationTemplate t = notifications.template(NotificationEvent.RETURNED);
        assertThatThrownBy(() -> notifications.saveTemplate(NotificationEvent.RETURNED, t.rowVersion(), "Hồ sơ {maHoSO}", t.body(), t.shortText(),
                true, as("quantri"))).isInstanceOf(ValidationException.class).hasMessageContaining("{maHoSO}");
        NotificationTemplate saved = notifications.saveTemplate(NotificationEvent.RETURNED, t.rowVersion(), "Đã trả kết quả hồ sơ {maHoSo}",
                t.body(), t.shortText(), true, as("quantri"));
        assertThat(saved.subject()).isEqualTo("Đã trả kết quả hồ sơ {maHoSo}");
        assertThatThrownBy(() -> notifications.saveTemplate(NotificationEvent.RETURNED, t.rowVersion(), t.subject(), t.body(), t.shortText(),
                true, as("kiemsoat"))).as("an edit from the old version").isInstanceOf(ConflictException.class);
        NotificationService.Preview preview = notifications.preview("{maHoSo}: {soTien}", "Kính gửi {nguoiNop}", "Hồ sơ {maHoSo} đã xong");
        assertThat(preview.subject()).isEqualTo("000.00.01.H01-261124-0001: 8.000 đ");
        assertThat(preview.sms()).isEqualTo("Ho so 000.00.01.H01-261124-0001 da xong");
        notifications.saveTemplate(NotificationEvent.RETURNED, saved.rowVersion(), t.subject(), t.body(), t.shortText(), true, as("quantri"));
    }
}
