package vn.motcua.dossier;

import vn.motcua.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.FlakyListener;
import vn.motcua.IntegrationTest;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.AccountService;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.events.EventPublications;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.dossier.DossierTestSupport.allComponents;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

/** Every dossier change is stored with its event; a listener that fails gets the event again until it succeeds. */
@IntegrationTest
class EventDeliveryTest {
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired FlakyListener listener;
    @Autowired EventPublications publications;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void healthyAgain() {
        listener.fail(false);
    }

    long pendingFor(long dossierId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%FlakyListener%' "
                + "and serialized_event like :id").param("id", "%\"dossierId\":" + dossierId + ",%").query(Long.class).single();
    }

    @Test
    void aFailingListenerIsRetriedAndNothingIsLost() throws Exception {
        listener.fail(true);
        Dossier d = receive("Phan Văn Sự Kiện", "0911000111");
        // the change committed although the listener failed; its event waits in the registry
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempted(d.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(d.id()) == 1);
        assertThat(dossiers.get(d.id()).status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(listener.handled(d.id())).isFalse();
        // the administrator sees it waiting
        mvc.perform(get("/quan-tri/su-kien").with(TestLogins.admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("DossierEvents.Received"))).andExpect(content().string(containsString("FlakyListener")));
        // a retry while the partner is still down changes nothing and loses nothing
        publications.retryAll();
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> pendingFor(d.id()) == 1);
        // the partner is back: the retry delivers it once
        listener.fail(false);
        mvc.perform(post("/quan-tri/su-kien/gui-lai").with(TestLogins.admin()).with(csrf())).andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled(d.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(d.id()) == 0);
    }

    /** The payloads of one type published while the action runs (in this thread or by it). */
    <T> java.util.List<T> heard(Class<T> type, Runnable action) {
        java.util.List<T> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // a lambda's type arguments are not seen by the event multicaster: it hears every payload, hence the filter
        org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<?>> spy = e -> {
            if (type.isInstance(e.getPayload())) {
                seen.add(type.cast(e.getPayload()));
            }
        };
        context.addApplicationListener(spy);
        try {
            action.run();
        } finally {
            context.removeApplicationListener(spy);
        }
        return seen;
    }

    Dossier receive(String name, String phone) {
        return dossiers.receive(new IntakeRequest("1.001078", unit(agencies, "AG.TTPVHCC"), Channel.COUNTER,
                new Applicant(name, null, phone, null, null), allComponents(catalog, "1.001078"), IntakeDecision.ACCEPT, null),
                user(accounts, "tiepnhan"));
    }

    @Test
    void everyTransitionPublishesAPastTenseEvent() {
        var seen = heard(DossierEvents.Event.class, () -> {
            Dossier d = receive("Phan Văn Sự Kiện", "0911000111");
            d = dossiers.forward(d.id(), d.rowVersion(), null, null, null, user(accounts, "chuyenvien.stp"));
            dossiers.forward(d.id(), d.rowVersion(), null, Outcome.GRANTED, "Phiếu số 1", user(accounts, "lanhdao.stp"));
        });
        assertThat(seen).extracting(o -> o.getClass().getSimpleName()).containsSubsequence("Submitted", "Received", "StepCompleted",
                "StepCompleted", "ResultApproved");
        assertThat(seen).allSatisfy(e -> assertThat(e.code()).isEqualTo(dossiers.get(e.dossierId()).code()));
    }

    @Test
    void eachTransactionSumsUpItsEventsOfADossierOnce() {
        long[] id = new long[1];
        var seen = heard(DossierEvents.Changed.class, () -> {
            Dossier d = receive("Phan Văn Tổng Hợp", "0911000222");
            id[0] = dossiers.forward(d.id(), d.rowVersion(), null, null, null, user(accounts, "chuyenvien.stp")).id();
        });
        Dossier d = dossiers.get(id[0]);
        var mine = seen.stream().filter(c -> c.dossierId() == d.id()).toList();
        // the intake (submitted and received in one transaction), then the step handed on
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).kinds()).contains("Submitted", "Received");
        assertThat(mine.get(1).kinds()).containsExactly("StepCompleted");
        assertThat(mine).allSatisfy(c -> assertThat(c.code()).isEqualTo(d.code()));
        // the portal's sync ran once per transaction and caught up with both
        long last = d.history().get(d.history().size() - 1).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select last_history_id from portal_sync_state where dossier_id = ?")
                .param(d.id()).query(Long.class).optional().orElse(0L) == last);
    }

    @Autowired org.springframework.context.support.AbstractApplicationContext context;
}
