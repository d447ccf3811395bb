package vn.motcua.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.StepResult;

import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The externalizer against this machine's RabbitMQ (skipped where none answers on 127.0.0.1:5672): an event arrives on
 * its routing key as JSON with its type and fields; the same event sent again has the same message id; a broker that
 * cannot be reached makes the delivery fail (so the event stays in the registry and is retried).
 */
class EventExternalizerTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void anEventGoesToItsRoutingKeyOnceConfirmedWithAnIdOfItsOwn() throws Exception {
        Assumptions.assumeTrue(listening(5672), "RabbitMQ on 127.0.0.1:5672");
        CachingConnectionFactory cf = factory(5672);
        String queueName = null;
        RabbitAdmin admin = new RabbitAdmin(cf);
        try {
            String exchange = "motcua.events.test." + ProcessHandle.current().pid();
            admin.declareExchange(new org.springframework.amqp.core.TopicExchange(exchange, false, true));
            org.springframework.amqp.core.Queue queue = new org.springframework.amqp.core.Queue("motcua.externalizer-test." + ProcessHandle.current().pid(),
                    false, false, false);
            admin.declareQueue(queue);
            queueName = queue.getName();
            admin.declareBinding(new org.springframework.amqp.core.Binding(queue.getName(), org.springframework.amqp.core.Binding.DestinationType.QUEUE,
                    exchange, "dossier.step-completed", null));
            RabbitTemplate rabbit = new RabbitTemplate(cf);
            EventExternalizer externalizer = new EventExternalizer(rabbit, json, new BrokerProperties(true, exchange, Duration.ofSeconds(5)));
            var event = new DossierEvents.StepCompleted(42, "000.00.02.H01-261206-0042", LocalDateTime.of(2026, 12, 6, 9, 30), 2, 3, StepResult.ON_TIME);
            externalizer.on(event);
            externalizer.on(event);
            externalizer.on(new DossierEvents.Refused(43, "000.00.02.H01-261206-0043", LocalDateTime.of(2026, 12, 6, 9, 31)));

            Message first = rabbit.receive(queue.getName(), 5000);
            Message again = rabbit.receive(queue.getName(), 5000);
            assertThat(rabbit.receive(queue.getName(), 500)).as("the refusal went to dossier.refused, not bound here").isNull();
            assertThat(first).isNotNull();
            assertThat(again).isNotNull();
            JsonNode body = json.readTree(first.getBody());
            assertThat(body.path("type").asText()).isEqualTo("step-completed");
            assertThat(body.path("dossierId").asLong()).isEqualTo(42);
            assertThat(body.path("code").asText()).isEqualTo("000.00.02.H01-261206-0042");
            assertThat(body.path("toStep").asInt()).isEqualTo(3);
            assertThat(first.getMessageProperties().getContentType()).isEqualTo("application/json");
            assertThat(first.getMessageProperties().getMessageId()).startsWith("dossier:42:step-completed:")
                    .isEqualTo(again.getMessageProperties().getMessageId());
        } finally {
            if (queueName != null) {
                admin.deleteQueue(queueName);
            }
            cf.destroy();
        }
    }

    @Test
    void aBrokerOutOfReachFailsTheDeliverySoTheEventIsKept() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CachingConnectionFactory cf = factory(closed);
        try {
            EventExternalizer externalizer = new EventExternalizer(new RabbitTemplate(cf), json,
                    new BrokerProperties(true, "motcua.events", Duration.ofSeconds(1)));
            assertThatThrownBy(() -> externalizer.on(new DossierEvents.Refused(1, "X", LocalDateTime.now())))
                    .isInstanceOf(org.springframework.amqp.AmqpException.class);
        } finally {
            cf.destroy();
        }
    }

    @Test
    void eventNamesBecomeRoutingKeys() {
        assertThat(EventExternalizer.kebab("StepCompleted")).isEqualTo("step-completed");
        assertThat(EventExternalizer.kebab("Received")).isEqualTo("received");
        assertThat(EventExternalizer.kebab("SupplementRequested")).isEqualTo("supplement-requested");
    }

    private static CachingConnectionFactory factory(int port) {
        CachingConnectionFactory cf = new CachingConnectionFactory("127.0.0.1", port);
        cf.setUsername("guest");
        cf.setPassword("guest");
        cf.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        cf.setConnectionTimeout(2000);
        return cf;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
