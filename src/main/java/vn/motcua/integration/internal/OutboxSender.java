package vn.motcua.integration.internal;

import vn.motcua.integration.OutboxMessage;

/** Delivers the outbox messages of one system; throws {@link PartnerHttp.Failed} when the partner did not take it. */
interface OutboxSender {
    String system();

    /** Sends the message (with its idempotency key) and returns the partner's reference for it. */
    String send(OutboxMessage m);
}
