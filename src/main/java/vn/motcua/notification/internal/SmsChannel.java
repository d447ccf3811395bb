package vn.motcua.notification.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.notification.MessageChannel;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationProperties;
import vn.motcua.shared.LocalAddress;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * An SMS brandname gateway over HTTP: {@code POST {url}} with a bearer key and
 * {@code {brandname, phone, message, requestId}}; answer {@code {code: "00", messageId}} when accepted. The request id
 * is the message's idempotency key, so a retried request is not delivered twice by the gateway.
 */
@Component
class SmsChannel implements MessageChannel {
    private final NotificationProperties props;
    private final Environment env;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmsChannel(NotificationProperties props, Environment env, ObjectMapper json) {
        this.props = props;
        this.env = env;
        this.json = json;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public String send(Outgoing m) {
        ObjectNode body = json.createObjectNode();
        body.put("brandname", props.sms().brandname());
        body.put("phone", m.recipient());
        body.put("message", m.body());
        body.put("requestId", m.idempotencyKey());
        JsonNode answer = Http.post(http, json, URI.create(LocalAddress.resolve(props.sms().url(), env)), body,
                "Authorization", "Bearer " + props.sms().apiKey());
        if (!"00".equals(answer.path("code").asText())) {
            throw new Failed("Tổng đài SMS từ chối: " + answer.path("code").asText() + " " + answer.path("message").asText(), null);
        }
        return answer.path("messageId").asText();
    }
}
