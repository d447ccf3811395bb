package vn.motcua.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.shared.Hmac;
import vn.motcua.shared.LocalAddress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A JSON POST to a national system: signed with the key shared with it ({@code X-Client-Id}, {@code X-Signature} =
 * HMAC-SHA256 of the body), with the idempotency key of the change, and a time limit. Any answer but a 2xx JSON one is
 * a {@link Failed} (the outbox tries again later).
 */
@Component
public class PartnerHttp {
    /** The call did not succeed; {@code permanent} when trying again cannot help (the partner refused the content). */
    public static class Failed extends RuntimeException {
        private final boolean permanent;

        public Failed(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final Environment env;
    private final IntegrationProperties props;

    PartnerHttp(ObjectMapper json, Environment env, IntegrationProperties props) {
        this.json = json;
        this.env = env;
        this.props = props;
    }

    public JsonNode post(IntegrationProperties.Partner partner, String path, String body, String idempotencyKey) {
        return post(partner, path, body, idempotencyKey, props.outbox().timeout());
    }

    public JsonNode post(IntegrationProperties.Partner partner, String path, String body, String idempotencyKey, Duration timeout) {
        URI uri = URI.create(LocalAddress.resolve(partner.url(), env) + path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Client-Id", partner.clientId())
                    .header("X-Signature", Hmac.sha256Hex(partner.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                boolean permanent = r.statusCode() == 400 || r.statusCode() == 422;
                throw new Failed("Hệ thống đối tác trả lời " + r.statusCode() + ": " + OutboxStore.cut(r.body(), 300), permanent, null);
            }
            return json.readTree(r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Failed("Hệ thống đối tác không trả lời trong " + timeout.toMillis() + " ms.", false, e);
        } catch (IOException e) {
            throw new Failed("Không kết nối được hệ thống đối tác: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Bị ngắt khi chờ hệ thống đối tác.", false, e);
        }
    }
}
