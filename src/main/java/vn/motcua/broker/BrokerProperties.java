package vn.motcua.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code motcua.broker.*}: whether dossier events go to the message broker, to which exchange, and how long to wait for
 * the broker's confirmation of each one (the broker's address is Spring Boot's {@code spring.rabbitmq.*}).
 */
@ConfigurationProperties("motcua.broker")
public record BrokerProperties(boolean enabled, String exchange, Duration confirmTimeout) {
    public BrokerProperties {
        exchange = exchange == null || exchange.isBlank() ? "motcua.events" : exchange;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
    }
}
