package vn.motcua.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierEvents;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes each dossier event to the broker as JSON, persistent, and waits for the broker's confirmation; an
 * unconfirmed or failed publication throws, so the event stays in the registry and is sent again. The message id is
 * derived from the event itself (the same event sent twice has the same id): subscribers drop repeats by it.
 */
@Component
@ConditionalOnProperty(name = "motcua.broker.enabled", havingValue = "true")
public class EventExternalizer {
    private final RabbitTemplate rabbit;
    private final ObjectMapper json;
    private final BrokerProperties props;

    public EventExternalizer(RabbitTemplate rabbit, ObjectMapper json, BrokerProperties props) {
        this.rabbit = rabbit;
        this.json = json;
        this.props = props;
    }

    @ApplicationModuleListener
    public void on(DossierEvents.Event event) {
        String type = kebab(event.getClass().getSimpleName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.putAll(json.convertValue(event, Map.class));
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = "dossier:" + event.dossierId() + ":" + type + ":" + vn.motcua.shared.Digests.sha256Hex(payload).substring(0, 24);
        var message = MessageBuilder.withBody(payload).setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding(StandardCharsets.UTF_8.name()).setMessageId(id).setType(type)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT).setHeader("dossier-code", event.code()).build();
        rabbit.invoke(ops -> {
            ops.send(props.exchange(), "dossier." + type, message);
            ops.waitForConfirmsOrDie(props.confirmTimeout().toMillis());
            return null;
        });
    }

    /** {@code StepCompleted} → {@code step-completed}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The exchange, declared on the broker when the first connection opens. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "motcua.broker.enabled", havingValue = "true")
    static class Declarations {
        @Bean
        TopicExchange motcuaEvents(BrokerProperties props) {
            return new TopicExchange(props.exchange(), true, false);
        }
    }
}
