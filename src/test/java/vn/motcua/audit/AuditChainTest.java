package vn.motcua.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;
import vn.motcua.TestLogins;
import vn.motcua.calendar.Adjustment;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.organization.AgencyService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditChainTest {
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired WorkingCalendarService calendars;
    @Autowired AgencyService agencies;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void changesLoginsAndReadsAreRecordedWithWhoWhereAndWhat() throws Exception {
        calendars.add(new Adjustment(LocalDate.of(2033, 3, 3), DayKind.DAY_OFF, "Quyết định thử nhật ký"), "quantri");
        assertThat(audit.search(null, "calendar.decision-added", "calendar-day", "2033-03-03", 5)).hasSize(1);
        mvc.perform(loginFrom("thanhtra", "sai-mat-khau-nhe", "10.77.0.1"));
        AuditEntry failed = audit.search("thanhtra", "login.failed", null, null, 1).get(0);
        assertThat(failed.address()).isEqualTo("10.77.0.1");
        mvc.perform(formLogin("/dang-nhap").user("thanhtra").password(TestLogins.PASSWORD));
        assertThat(audit.search("thanhtra", "login.succeeded", null, null, 1)).hasSize(1);
        // a rolled-back change leaves no entry
        long before = audit.count();
        try {
            agencies.updateDetails(agencies.findByCode("AG.STP").orElseThrow().id(), -1, null, null, null, null);
        } catch (RuntimeException expected) {
            // stale row version
        }
        assertThat(audit.count()).isEqualTo(before);
    }

    @Test
    void changingOneStoredEntryIsFoundAndNamed() throws Exception {
        audit.record("test.entry", "test", 1, null, java.util.Map.of("value", "a"));
        audit.record("test.entry", "test", 2, null, java.util.Map.of("value", "b"));
        assertThat(audit.verify().intact()).isTrue();
        long seq = audit.search(null, "test.entry", "test", "1", 1).get(0).seq();
        String original = jdbc.sql("select after_state from audit_entry where seq = ?").param(seq).query(String.class).single();
        jdbc.sql("update audit_entry set after_state = ? where seq = ?").params("{\"value\":\"forged\"}", seq).update();
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("số " + seq);
            mvc.perform(post("/kiem-tra/nhat-ky/xac-minh").with(httpBasic("thanhtra", TestLogins.PASSWORD)).with(csrf()))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Chuỗi bị phá vỡ tại mục số "
                            + java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi")).format(seq))));
        } finally {
            jdbc.sql("update audit_entry set after_state = ? where seq = ?").params(original, seq).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void removingTheLastEntriesIsFoundToo() {
        audit.record("test.tail", "test", 3, null, null);
        AuditEntry last = audit.search(null, "test.tail", null, null, 1).get(0);
        jdbc.sql("delete from audit_entry where seq = ?").param(last.seq()).update();
        try {
            assertThat(audit.verify().intact()).isFalse();
        } finally {
            reinsert(last);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void removingAnEntryInsideAChainIsFoundAtTheNextOne() {
        transactions().executeWithoutResult(s -> {
            audit.record("test.middle", "test", "m1", null, null);
            audit.record("test.middle", "test", "m2", null, null);
        });
        AuditEntry first = audit.search(null, "test.middle", "test", "m1", 1).get(0);
        AuditEntry second = audit.search(null, "test.middle", "test", "m2", 1).get(0);
        assertThat(second.chain()).isEqualTo(first.chain()); // one transaction's entries follow one another in one chain
        assertThat(second.previousHash()).isEqualTo(first.hash());
        jdbc.sql("delete from audit_entry where seq = ?").param(first.seq()).update();
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(second.seq());
            assertThat(v.reason()).contains("không nối với mục trước nó trong chuỗi " + second.chain());
        } finally {
            reinsert(first);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void movingAnEntryToAnotherChainIsFound() {
        audit.record("test.moved", "test", 6, null, null);
        AuditEntry e = audit.search(null, "test.moved", "test", "6", 1).get(0);
        int other = e.chain() == 1 ? 2 : 1;
        jdbc.sql("update audit_entry set chain = ? where seq = ?").params(other, e.seq()).update();
        try {
            assertThat(audit.verify().intact()).isFalse();
        } finally {
            jdbc.sql("update audit_entry set chain = ? where seq = ?").params(e.chain(), e.seq()).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * A transaction committing while another holds a chain's head (until its own commit) appends to another chain at
     * once instead of waiting: the log does not make concurrent commits queue.
     */
    @Test
    void aTransactionHoldingAChainDoesNotHoldUpAnother() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> holding = holder.submit(() -> transactions().execute(s -> {
                int chain = jdbc.sql("select id from audit_chain_head order by id limit 1 for update").query(Integer.class).single();
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return chain;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                CompletableFuture.runAsync(() -> audit.recordAs(AuditLog.SYSTEM, "test.side-by-side", "test", "7", null, null))
                        .get(10, TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
            int heldChain = holding.get(10, TimeUnit.SECONDS);
            AuditEntry e = audit.search(null, "test.side-by-side", "test", "7", 1).get(0);
            assertThat(e.chain()).isNotEqualTo(heldChain);
        } finally {
            holder.shutdownNow();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEntryAppendedWithoutMovingItsHeadIsFound() {
        audit.record("test.forged-after", "test", 8, null, null);
        AuditEntry last = audit.search(null, "test.forged-after", "test", "8", 1).get(0);
        long seq = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single() + 1000;
        String hash = AuditChain.hash(last.hash(), seq, last.at(), "ke-gia-mao", null, "test.forged", "test", "9", null, null);
        AuditEntry forged = new AuditEntry(seq, last.chain(), last.at(), "ke-gia-mao", null, "test.forged", "test", "9", null, null,
                last.hash(), hash);
        reinsert(forged);
        try {
            assertThat(audit.verify().intact()).isFalse();
        } finally {
            jdbc.sql("delete from audit_entry where seq = ?").param(seq).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /** Verifying while entries are appended sees one moment of the log: never an entry counted against an older head. */
    @Test
    void verifyingWhileOthersAppendFindsTheChainsIntact() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int writer = t;
                running.add(writers.submit(() -> {
                    for (int i = 0; !stop.get() && i < 2000; i++) {
                        audit.recordAs(AuditLog.SYSTEM, "test.concurrent", "test", writer + "-" + i, null, null);
                    }
                }));
            }
            for (int i = 0; i < 5; i++) {
                Verification v = audit.verify();
                assertThat(v.intact()).as(v.reason()).isTrue();
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theAuditorPageShowsTheLogAndNoOneElseSeesIt() throws Exception {
        mvc.perform(get("/kiem-tra/nhat-ky").with(httpBasic("thanhtra", TestLogins.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("audit-entries")));
        mvc.perform(get("/kiem-tra/nhat-ky").with(httpBasic("kiemsoat", TestLogins.PASSWORD))).andExpect(status().isForbidden());
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    private void reinsert(AuditEntry e) {
        jdbc.sql("insert into audit_entry (seq, chain, at, actor, address, action, subject_type, subject_id, before_state, after_state,"
                        + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), e.chain(), e.at(), e.actor(), e.address(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(),
                        e.previousHash(), e.hash()).update();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(String user, String password, String address) {
        return post("/dang-nhap").with(csrf()).param("username", user).param("password", password).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
