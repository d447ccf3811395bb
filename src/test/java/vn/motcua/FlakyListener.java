package vn.motcua;

import org.springframework.modulith.events.ApplicationModuleListener;
import vn.motcua.dossier.DossierEvents;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens to dossier receipts like any module would (asynchronously, after commit, through the event publication
 * registry); while {@link #failing} is set it throws, as a listener whose partner system is down would.
 */
public class FlakyListener {
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Set<Long> attempted = ConcurrentHashMap.newKeySet();
    private final Set<Long> handled = ConcurrentHashMap.newKeySet();

    public void fail(boolean fail) {
        failing.set(fail);
    }

    public boolean attempted(long dossierId) {
        return attempted.contains(dossierId);
    }

    public boolean handled(long dossierId) {
        return handled.contains(dossierId);
    }

    @ApplicationModuleListener
    public void on(DossierEvents.Received event) {
        attempted.add(event.dossierId());
        if (failing.get()) {
            throw new IllegalStateException("the partner is down (test)");
        }
        handled.add(event.dossierId());
    }
}
