package vn.motcua.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the payment module ({@code motcua.payment.*}). In an address, {@code {port}} stands for this
 * application's own port (the simulators answer there in the demo and the tests).
 *
 * @param gatewayUrl      the payment platform's merchant API
 * @param merchant        the merchant code the platform gave the province
 * @param secret          the shared HMAC key of requests and callbacks
 * @param timeout         how long to wait for the platform before saying it is unavailable
 * @param callbackBaseUrl the address the platform calls back (this application as the platform reaches it)
 * @param expireAfter     how long a payment request stays payable
 * @param reconcileCron   when the daily reconciliation runs
 */
@ConfigurationProperties("motcua.payment")
public record PaymentProperties(String gatewayUrl, String merchant, String secret, Duration timeout, String callbackBaseUrl,
                                Duration expireAfter, String reconcileCron) {
    public PaymentProperties {
        gatewayUrl = gatewayUrl == null ? "http://127.0.0.1:{port}/sim/paygov" : gatewayUrl;
        merchant = merchant == null ? "UBND-AG" : merchant;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        callbackBaseUrl = callbackBaseUrl == null ? "http://127.0.0.1:{port}" : callbackBaseUrl;
        expireAfter = expireAfter == null ? Duration.ofHours(24) : expireAfter;
        reconcileCron = reconcileCron == null ? "0 30 1 * * *" : reconcileCron;
    }
}
