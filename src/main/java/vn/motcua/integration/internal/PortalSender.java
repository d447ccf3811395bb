package vn.motcua.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.integration.OutboxMessage;

/**
 * Sends the national portal's sync operations (the message's payload is the whole request: {@code service} and
 * {@code data}). The portal answers {@code error_code} 0 and a transaction id; any other code is a failure.
 */
@Component
class PortalSender implements OutboxSender {
    static final String SYSTEM = "DVCQG";

    private final PartnerHttp http;
    private final IntegrationProperties props;

    PortalSender(PartnerHttp http, IntegrationProperties props) {
        this.http = http;
        this.props = props;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public String send(OutboxMessage m) {
        JsonNode answer = http.post(props.portal(), "", m.payload(), m.idempotencyKey());
        if (answer.path("error_code").asInt(-1) != 0) {
            throw new PartnerHttp.Failed("Cổng DVCQG từ chối: " + answer.path("message").asText(), false, null);
        }
        return answer.path("MaGiaoDich").asText(null);
    }
}
