/**
 * Connections to the national systems: the outbox every outbound call goes through (stored in the transaction that
 * caused it, delivered after commit with retries, exponential backoff and an idempotency key, in order per dossier);
 * the national public-service portal (catalog pull with a code mapping and draft proposals, dossiers and supplements
 * handed over by the portal, every dossier and status change pushed, the monthly vote summary, reconciliation of
 * counts); the population database checked at intake; public post (pick-up and delivery orders with tracking
 * callbacks); the inbound API of the ministries' sectoral systems; the import of dossiers from the replaced system.
 * It listens to the events of the dossier and feedback modules and implements the dossier's ports
 * ({@link vn.motcua.dossier.PopulationRegistry}). Public API: {@link vn.motcua.integration.OutboxService},
 * {@link vn.motcua.integration.PortalService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "National systems and outbox")
package vn.motcua.integration;
