package vn.motcua.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the simulators when {@code motcua.simulators.enabled} is true (the default: the demo and the tests).
 * The HTTP ones answer on this application's own port under {@code /sim/…}; the mail server listens on
 * {@code motcua.simulators.smtp-port} (0 = none; the tests start their own in-process server instead).
 */
@Configuration
@ConditionalOnProperty(name = "motcua.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorConfig {
    private static final Logger log = LoggerFactory.getLogger(SimulatorConfig.class);

    @Bean
    PayGovSimulator payGovSimulator(ObjectMapper json, @Value("${motcua.payment.merchant:UBND-AG}") String merchant,
                                    @Value("${motcua.payment.secret}") String secret) {
        return new PayGovSimulator(json, merchant, secret);
    }

    @Bean
    PortalSimulator portalSimulator(ObjectMapper json, vn.motcua.catalog.CatalogService catalog,
                                    @Value("${motcua.integration.portal.client-id:000.00.00.H01}") String client,
                                    @Value("${motcua.integration.portal.secret:demo-khoa-dvcqg}") String secret) {
        return new PortalSimulator(json, catalog, client, secret);
    }

    @Bean
    NationalSimulators nationalSimulators(@Value("${motcua.identity.vneid.client-id:motcua-angiang}") String clientId,
                                          @Value("${motcua.identity.vneid.client-secret:demo-vneid-secret}") String clientSecret,
                                          @Value("${motcua.integration.post.client-id:UBND-AG}") String postClient,
                                          @Value("${motcua.integration.post.secret:demo-khoa-vnpost}") String postSecret,
                                          @Value("${motcua.integration.population.client-id:000.00.00.H01}") String lgspClient,
                                          @Value("${motcua.integration.population.secret:demo-khoa-lgsp}") String lgspSecret) {
        return new NationalSimulators(clientId, clientSecret, postClient, postSecret, lgspClient, lgspSecret);
    }

    @Bean
    Simulators simulators(PayGovSimulator payGov, PortalSimulator portal, NationalSimulators national, ObjectMapper json,
                          org.springframework.core.env.Environment env, @Value("${motcua.simulators.smtp-port:0}") int smtpPort,
                          @Value("${motcua.notification.sms.api-key:demo-sms-key}") String smsKey,
                          @Value("${motcua.notification.zalo.access-token:demo-zalo-token}") String zaloToken) {
        GreenMail mail = null;
        if (smtpPort > 0) {
            try {
                mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
                log.info("Mail simulator listening on 127.0.0.1:{} (inbox at /gia-lap)", smtpPort);
            } catch (RuntimeException e) {
                log.warn("Mail simulator could not listen on port {}: {}", smtpPort, e.getMessage());
                mail = null;
            }
        }
        return new Simulators(payGov, new MessageInbox("SMS"), new MessageInbox("ZNS"), mail, smsKey, zaloToken, portal, national, json, env);
    }
}
