package vn.motcua.notification.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.motcua.notification.MessageChannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JSON POST to a message provider; any failure to get a 2xx JSON answer is {@link MessageChannel.Failed}. */
final class Http {
    private Http() {
    }

    static JsonNode post(HttpClient http, ObjectMapper json, URI uri, JsonNode body, String header, String value) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header(header, value)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new MessageChannel.Failed("Nhà cung cấp trả lời " + r.statusCode() + ": " + abbreviate(r.body()), null);
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new MessageChannel.Failed("Không kết nối được nhà cung cấp: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageChannel.Failed("Bị ngắt khi chờ nhà cung cấp.", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
