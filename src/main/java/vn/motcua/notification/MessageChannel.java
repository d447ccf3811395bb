package vn.motcua.notification;

/**
 * A way to send a message (the port): e-mail over SMTP, an SMS brandname gateway, Zalo's notification service.
 * An adapter sends one message, passing the idempotency key to the provider as its request id, and returns the
 * provider's message id; it throws {@link Failed} when the provider refused it or could not be reached.
 */
public interface MessageChannel {

    record Outgoing(String idempotencyKey, String recipient, String subject, String body, String dossierCode) {
    }

    class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    NotificationChannel channel();

    String send(Outgoing message);
}
