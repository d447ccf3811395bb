/**
 * Events to a message broker: when {@code motcua.broker.enabled=true}, every dossier event is also published to
 * RabbitMQ (topic exchange {@code motcua.events}, routing key {@code dossier.<event>}) for the systems that subscribe
 * (the province's data warehouse, a sectoral system, the shared integration platform). Delivery goes through Spring
 * Modulith's event publication registry: an event the broker did not confirm stays in the registry and is sent again,
 * with the same message id, until it is confirmed. Depends on {@code dossier} only (its events).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Message broker")
package vn.motcua.broker;
