package vn.motcua.dossier.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.dossier.DossierEvents;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Publishes the dossier module's events and, for each dossier a transaction changed, one
 * {@link DossierEvents.Changed} just before that transaction commits (so it is stored in the event publication
 * registry with the change, like every event). Outside a transaction, or once it is committing, each event is followed
 * by its own {@code Changed}. The transaction's pending summary is one of its synchronizations, so a transaction started inside
 * another (REQUIRES_NEW) keeps its own.
 */
public final class DossierEventPublisher {
    private final ApplicationEventPublisher events;

    public DossierEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void publish(DossierEvents.Event e) {
        events.publishEvent(e);
        Pending pending = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                if (s instanceof Pending p && p.owner == this) {
                    pending = p;
                    break;
                }
            }
            if (pending == null) {
                pending = new Pending(this);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
        }
        if (pending == null || pending.published) {
            // no transaction, or one already committing (an event published by another synchronization): its own summary now
            events.publishEvent(new DossierEvents.Changed(e.dossierId(), e.code(), e.at(), Set.of(e.getClass().getSimpleName())));
            return;
        }
        pending.add(e);
    }

    /** What a transaction changed so far: per dossier, its code, the moment of its last event and the kinds of its events. */
    private static final class Pending implements TransactionSynchronization {
        private record Summary(String code, LocalDateTime at, Set<String> kinds) {
        }

        private final DossierEventPublisher owner;
        private final Map<Long, Summary> dossiers = new LinkedHashMap<>();
        private boolean published;

        Pending(DossierEventPublisher owner) {
            this.owner = owner;
        }

        void add(DossierEvents.Event e) {
            Summary s = dossiers.computeIfAbsent(e.dossierId(), id -> new Summary(e.code(), e.at(), new LinkedHashSet<>()));
            s.kinds().add(e.getClass().getSimpleName());
            if (e.at() != null && (s.at() == null || e.at().isAfter(s.at()))) {
                dossiers.put(e.dossierId(), new Summary(s.code(), e.at(), s.kinds()));
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            published = true;
            dossiers.forEach((id, s) -> owner.events.publishEvent(new DossierEvents.Changed(id, s.code(), s.at(), s.kinds())));
        }
    }
}
