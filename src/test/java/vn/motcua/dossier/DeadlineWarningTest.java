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
import vn.motcua.dossier.internal.DeadlineWarnings;
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

    @Autowired DeadlineWarnings warnings;
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void warnsTheOfficersOfTheCurrentStepOnceBeforeTheDueTime() throws Exception {
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0)); // Monday
        Dossier d = dossiers.receive(new IntakeRequest("1.000656", unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER,
                new Applicant("Lê Văn Tư", null, "0911222333", null, null), allComponents(catalog, "1.000656"), IntakeDecision.ACCEPT, null),
                user(accounts, "tiepnhan.longxuyen"));
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2027, 3, 2, 9, 0)); // 1 working day
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 5)); // 7h55 of work left, inside the 8-hour window
        int warned = warnings.run();
        assertThat(warned).isGreaterThanOrEqualTo(1);
        Dossier after = dossiers.get(d.id());
        assertThat(after.warnedAt()).isNotNull();
        assertThat(after.events()).anyMatch(e -> e.action() == DossierAction.WARN && e.note().contains("Sắp đến hạn"));
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(d.code()) || subject(m).contains(d.code())).toList();
        assertThat(mine).isNotEmpty();
        MimeMessage message = mine.get(0);
        assertThat(subject(message)).contains("sắp đến hạn");
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).contains("chuyenvien.longxuyen@angiang.example.gov.vn");
        int before = smtp.getReceivedMessages().length;
        warnings.run();
        assertThat(dossiers.get(d.id()).events()).filteredOn(e -> e.action() == DossierAction.WARN).hasSize(1);
        assertThat(smtp.getReceivedMessages().length).isEqualTo(before);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
