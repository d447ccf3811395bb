package vn.motcua.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.integration.OutboxMessage;
import vn.motcua.integration.PostService;

/** Sends post orders (TaoDonHang) and records the carrier code and price the post gave. */
@Component
class PostSender implements OutboxSender {
    private final PartnerHttp http;
    private final IntegrationProperties props;
    private final PostService post;

    PostSender(PartnerHttp http, IntegrationProperties props, PostService post) {
        this.http = http;
        this.props = props;
        this.post = post;
    }

    @Override
    public String system() {
        return "VNPOST";
    }

    @Override
    public String send(OutboxMessage m) {
        JsonNode a = http.post(props.post(), "/orders", m.payload(), m.idempotencyKey());
        if (a.path("error_code").asInt(-1) != 0) {
            throw new PartnerHttp.Failed("Bưu chính từ chối: " + a.path("message").asText(), false, null);
        }
        String orderCode = m.aggregateKey().substring("post:".length());
        post.accepted(orderCode, a.path("MaVanDon").asText(), a.path("CuocPhi").asLong());
        return a.path("MaVanDon").asText();
    }
}
