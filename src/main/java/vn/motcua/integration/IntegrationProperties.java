package vn.motcua.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Addresses and keys of the national systems and how the outbox retries. Addresses may contain {@code {port}} (this
 * application's port: the simulators answer there in the demo and the tests).
 *
 * @param portal      the national public-service portal: its API address, this province's client id and shared HMAC key
 * @param population  the population database through the provincial data-sharing platform (LGSP)
 * @param post        the public post's order API
 * @param publicBaseUrl   the address citizens reach this system at (links sent to the portal: results to verify)
 * @param callbackBaseUrl the address partners call back ({@code /api/v1/partners/…} is appended)
 * @param outbox      retries: first after {@code retryBase}, doubling to {@code retryMax}; after {@code maxAttempts} failures a
 *                    message waits for an administrator; each call may take {@code timeout}; {@code interval} between runs;
 *                    {@code parallelism} dossiers are sent to at the same time (one message of a dossier at a time)
 */
@ConfigurationProperties("motcua.integration")
public record IntegrationProperties(Partner portal, Partner population, Partner post, Outbox outbox, String publicBaseUrl,
                                    String callbackBaseUrl) {

    /** A partner's address, this province's client id there and the key both sides sign with. */
    public record Partner(String url, String clientId, String secret) {
    }

    public record Outbox(Duration retryBase, Duration retryMax, Integer maxAttempts, Duration timeout, Duration interval, Integer batch,
                         Integer parallelism) {
        public Outbox {
            parallelism = parallelism == null ? 4 : parallelism;
            retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
            retryMax = retryMax == null ? Duration.ofMinutes(30) : retryMax;
            maxAttempts = maxAttempts == null ? 12 : maxAttempts;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            batch = batch == null ? 200 : batch;
        }
    }

    public IntegrationProperties {
        portal = portal == null ? new Partner("http://127.0.0.1:{port}/sim/dvcqg/api", "000.00.00.H01", "demo-khoa-dvcqg") : portal;
        population = population == null ? new Partner("http://127.0.0.1:{port}/sim/csdldc/api", "000.00.00.H01", "demo-khoa-lgsp") : population;
        post = post == null ? new Partner("http://127.0.0.1:{port}/sim/vnpost/api", "UBND-AG", "demo-khoa-vnpost") : post;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null, null) : outbox;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl;
        callbackBaseUrl = callbackBaseUrl == null ? "http://127.0.0.1:{port}" : callbackBaseUrl;
    }
}
