package vn.motcua.dossier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.AccountService;
import vn.motcua.organization.AgencyService;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierTestSupport.allComponents;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

/** Officers are warned by real e-mail (an in-process SMTP server) before a dossier falls due. */
@IntegrationTest
class DeadlineWarningTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    @Autowired org.springframework.context.ApplicationContext context;

    /** Only the tests move the deadline job: a library that switched scheduling on would let it change dossiers under other tests. */
    @Test
    void scheduledJobsAreOffInTheTests() {
        org.assertj.core.api.Assertions.assertThat(context.containsBean(
                org.springframework.scheduling.config.TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)).isFalse();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void warnsTheOfficersOfTheCurrentStepOnceBeforeTheDueTime() throws Exception {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0)); // Monday
        Dossier d = dossiers.receive(new IntakeRequest("1.001695", unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER,
                new Applicant("Lê Văn Tư", null, "0911222333", null, null), allComponents(catalog, "1.001695"), IntakeDecision.ACCEPT, null),
                user(accounts, "tiepnhan.longxuyen"));
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2027, 3, 4, 9, 0)); // 3 working days
        clock.set(LocalDateTime.of(2027, 3, 3, 9, 5)); // 7h55 of work left, inside the 8-hour window
        int warned = dossiers.applyDeadlines();
        assertThat(warned).isGreaterThanOrEqualTo(1);
        Dossier after = dossiers.get(d.id());
        assertThat(after.warnedAt()).isNotNull();
        assertThat(after.history()).anyMatch(e -> e.action() == DossierAction.WARN && e.note().contains("Sắp đến hạn"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains(d.code())));
        List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(d.code())).toList();
        assertThat(mine).hasSize(1);
        MimeMessage message = mine.get(0);
        assertThat(subject(message)).contains("sắp đến hạn");
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).contains("chuyenvien.longxuyen@angiang.example.gov.vn");
        dossiers.applyDeadlines();
        assertThat(dossiers.get(d.id()).history()).filteredOn(e -> e.action() == DossierAction.WARN).hasSize(1);
        // once the due time has passed it becomes late, once, and the officers are told
        clock.set(LocalDateTime.of(2027, 3, 4, 9, 30));
        dossiers.applyDeadlines();
        dossiers.applyDeadlines();
        Dossier late = dossiers.get(d.id());
        assertThat(late.late()).isTrue();
        assertThat(late.history()).filteredOn(e -> e.action() == DossierAction.LATE).hasSize(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(d.code())).count() == 2);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(d.code()))).hasSize(2);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
