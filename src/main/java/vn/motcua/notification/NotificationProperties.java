package vn.motcua.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the notification module ({@code motcua.notification.*}); in an address {@code {port}} stands for this
 * application's own port (the simulators).
 */
@ConfigurationProperties("motcua.notification")
public record NotificationProperties(Sms sms, Zalo zalo, Duration retryBase, Duration retryMax, Duration expireAfter, Duration sendInterval,
                                     String publicBaseUrl, Boolean sendImmediately) {

    public record Sms(String url, String apiKey, String brandname) {
    }

    public record Zalo(String url, String accessToken, String templateId) {
    }

    public NotificationProperties {
        sms = sms == null ? new Sms("http://127.0.0.1:{port}/sim/sms/api/send", "demo-sms-key", "UBND AN GIANG") : sms;
        zalo = zalo == null ? new Zalo("http://127.0.0.1:{port}/sim/zalo/message/template", "demo-zalo-token", "motcua-thong-bao") : zalo;
        retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(30) : retryMax;
        expireAfter = expireAfter == null ? Duration.ofHours(48) : expireAfter;
        sendInterval = sendInterval == null ? Duration.ofSeconds(15) : sendInterval;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl;
        sendImmediately = sendImmediately == null ? Boolean.TRUE : sendImmediately;
    }
}
