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
 * Zalo's notification service (ZNS) for an official account: {@code POST /message/template} with the OA's
 * {@code access_token} header and {@code {phone: "84…", template_id, template_data, tracking_id}}; {@code error: 0}
 * means accepted. The tracking id is the message's idempotency key.
 */
@Component
class ZaloChannel implements MessageChannel {
    private final NotificationProperties props;
    private final Environment env;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ZaloChannel(NotificationProperties props, Environment env, ObjectMapper json) {
        this.props = props;
        this.env = env;
        this.json = json;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.ZALO;
    }

    @Override
    public String send(Outgoing m) {
        ObjectNode body = json.createObjectNode();
        body.put("phone", m.recipient());
        body.put("template_id", props.zalo().templateId());
        ObjectNode data = body.putObject("template_data");
        data.put("ma_ho_so", m.dossierCode() == null ? "" : m.dossierCode());
        data.put("noi_dung", m.body());
        body.put("tracking_id", m.idempotencyKey());
        JsonNode answer = Http.post(http, json, URI.create(LocalAddress.resolve(props.zalo().url(), env)), body,
                "access_token", props.zalo().accessToken());
        if (answer.path("error").asInt(-1) != 0) {
            throw new Failed("Zalo từ chối: " + answer.path("error").asText() + " " + answer.path("message").asText(), null);
        }
        return answer.path("data").path("msg_id").asText();
    }
}
