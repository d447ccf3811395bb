package vn.motcua.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.audit.internal.AuditStore;
import vn.motcua.shared.ApplicationClock;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log every module writes to. An entry records who (the logged-in user, or the account named), when
 * (the real time of Việt Nam), from where (the client address as seen behind trusted proxies), what (an action
 * such as {@code agency.merged}, the subject's type and id) and the state before and after (as JSON).
 * <p>
 * Entries written inside a read-write transaction are chained when that transaction commits (so the chain's lock
 * is held only for the commit, and a rolled-back change leaves no entry); entries written outside one (logins,
 * reads) are chained at once in a transaction of their own. The log is several chains side by side (a row each in
 * {@code audit_chain_head}): a committing transaction appends its entries to a chain no other one holds, so that
 * commits do not queue behind one chain's lock; {@link #verify()} follows every chain.
 */
@Service
public class AuditLog {
    /** The actor of work no person started (deadline jobs, event listeners, start-up). */
    public static final String SYSTEM = "he-thong";
    public static final String ANONYMOUS = "an-danh";
    private static final int MAX_STATE = 8000;

    private final AuditStore store;
    private final ObjectMapper json;
    private final TransactionTemplate own;

    public AuditLog(AuditStore store, ObjectMapper json, PlatformTransactionManager transactions) {
        this.store = store;
        this.json = json;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records a change (or a read) by the user of the current request. {@code before}/{@code after} may be null. */
    public void record(String action, String subjectType, Object subjectId, Object before, Object after) {
        recordAs(currentActor(), action, subjectType, subjectId, before, after);
    }

    /** Records an entry in the name of an account (a login attempt, a background job acting for someone). */
    public void recordAs(String actor, String action, String subjectType, Object subjectId, Object before, Object after) {
        Pending p = new Pending(limit(actor == null ? SYSTEM : actor, 120), limit(currentAddress(), 64), limit(action, 80),
                limit(subjectType, 40), subjectId == null ? null : limit(String.valueOf(subjectId), 80), state(before), state(after));
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.entries.add(p);
        } else {
            own.executeWithoutResult(s -> append(List.of(p)));
        }
    }

    /**
     * Records an entry that must stay even when the work around it is rolled back — a refused attempt (someone else's
     * document asked for by id) ends in an exception that undoes everything else. Written at once, in its own transaction.
     */
    public void recordAttempt(String action, String subjectType, Object subjectId, Object after) {
        Pending p = new Pending(limit(currentActor(), 120), limit(currentAddress(), 64), limit(action, 80), limit(subjectType, 40),
                subjectId == null ? null : limit(String.valueOf(subjectId), 80), null, state(after));
        own.executeWithoutResult(s -> append(List.of(p)));
    }

    /** Checks every chain from its first entry; names the first entry that was changed, removed, inserted or moved. */
    public Verification verify() {
        return own.execute(s -> store.verify());
    }

    /** Entries, newest first, filtered by actor, action (prefix) and subject; at most {@code limit}. */
    public List<AuditEntry> search(String actor, String action, String subjectType, String subjectId, int limit) {
        return store.search(blank(actor), blank(action), blank(subjectType), blank(subjectId), Math.max(1, Math.min(limit, 500)));
    }

    public long count() {
        return store.count();
    }

    /** The user of the current request (or {@link #SYSTEM} outside a request, {@link #ANONYMOUS} when not logged in). */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return auth.getName();
        }
        return RequestContextHolder.getRequestAttributes() == null ? SYSTEM : ANONYMOUS;
    }

    /** The client address of the current request (the proxy's forwarded address when the proxy is trusted). */
    public static String currentAddress() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs instanceof ServletRequestAttributes s) {
            HttpServletRequest r = s.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }

    private void append(List<Pending> entries) {
        LocalDateTime now = LocalDateTime.now(ApplicationClock.VIETNAM).truncatedTo(ChronoUnit.MILLIS);
        AuditStore.Head head = store.lockHead();
        List<Long> numbers = store.numbers(entries.size());
        String previous = head.hash();
        for (int i = 0; i < entries.size(); i++) {
            Pending p = entries.get(i);
            long seq = numbers.get(i);
            String hash = AuditChain.hash(previous, seq, now, p.actor, p.address, p.action, p.subjectType, p.subjectId, p.before, p.after);
            store.insert(new AuditEntry(seq, head.chain(), now, p.actor, p.address, p.action, p.subjectType, p.subjectId, p.before, p.after,
                    previous, hash));
            previous = hash;
        }
        store.moveHead(new AuditStore.Head(head.chain(), head.entries() + entries.size(), previous));
    }

    private String state(Object o) {
        if (o == null) {
            return null;
        }
        String s;
        try {
            s = o instanceof String str ? str : json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            s = String.valueOf(o);
        }
        return limit(s, MAX_STATE);
    }

    private static String limit(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private record Pending(String actor, String address, String action, String subjectType, String subjectId, String before,
                           String after) {
    }

    /** The entries of one transaction, chained just before it commits. */
    private final class Batch implements TransactionSynchronization {
        private final List<Pending> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                append(List.copyOf(entries));
                entries.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }
}
