package vn.motcua.simulators;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulated message provider (SMS gateway, Zalo ZNS) accepted, newest first, deduplicated on the sender's
 * request id as the real providers do: a request sent again returns the first answer and delivers nothing new.
 */
public final class MessageInbox {
    public record Message(String providerId, String requestId, String to, String text, LocalDateTime at) {
    }

    private final String prefix;
    private final Map<String, Message> byRequest = new LinkedHashMap<>();
    private final List<Message> all = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private int duplicates;
    final Knobs knobs = new Knobs();

    MessageInbox(String prefix) {
        this.prefix = prefix;
    }

    /** Accepts a message; the same request id again gives the first message back and is counted as a duplicate. */
    synchronized Message accept(String requestId, String to, String text) {
        Message first = requestId == null ? null : byRequest.get(requestId);
        if (first != null) {
            duplicates++;
            return first;
        }
        Message m = new Message(prefix + seq.incrementAndGet(), requestId, to, text, LocalDateTime.now(PayGovSimulator.VIETNAM));
        if (requestId != null) {
            byRequest.put(requestId, m);
        }
        all.add(m);
        return m;
    }

    public synchronized List<Message> latest(int n) {
        List<Message> copy = new ArrayList<>(all);
        Collections.reverse(copy);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    /** Every message accepted for this recipient, oldest first. */
    public synchronized List<Message> to(String recipient) {
        return all.stream().filter(m -> m.to().equals(recipient)).toList();
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    synchronized void clear() {
        byRequest.clear();
        all.clear();
        duplicates = 0;
        knobs.reset();
    }
}
