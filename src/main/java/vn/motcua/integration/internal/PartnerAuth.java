package vn.motcua.integration.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditLog;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.shared.Hmac;

import java.util.Map;
import java.util.Optional;

/**
 * Who is calling: a partner system names itself ({@code X-Client-Id}) and signs the body with the key it shares with
 * the province ({@code X-Signature}, HMAC-SHA256 hex). The national portal is {@code DVCQG}, the public post
 * {@code VNPOST}; each sectoral system has its code and key in {@code sectoral_system}. A call that fails the check is
 * written to the audit log and refused.
 */
@Component
public class PartnerAuth {
    public static final String PORTAL = "DVCQG";
    public static final String POST = "VNPOST";

    private final IntegrationProperties props;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    PartnerAuth(IntegrationProperties props, JdbcClient jdbc, AuditLog audit) {
        this.props = props;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Writes a refused partner call to the audit log. */
    public void refused(String clientId, String what) {
        audit.recordAttempt("partner.forged-call", "partner", clientId, Map.of("what", what));
    }

    /** The partner that signed this body, if the signature is right for the client id it gave. */
    public Optional<String> verify(String clientId, String body, String signature, String expected) {
        String secret = clientId == null ? null : switch (clientId) {
            case PORTAL -> props.portal().secret();
            case POST -> props.post().secret();
            default -> jdbc.sql("select secret from sectoral_system where code = ? and enabled = true").param(clientId).query(String.class)
                    .optional().orElse(null);
        };
        boolean kindMatches = expected == null ? !PORTAL.equals(clientId) && !POST.equals(clientId) : expected.equals(clientId);
        if (secret == null || !kindMatches || body == null || !Hmac.matches(secret, body, signature)) {
            audit.recordAttempt("partner.forged-call", "partner", clientId == null ? "?" : clientId,
                    Map.of("expected", expected == null ? "sectoral" : expected, "bytes", body == null ? 0 : body.length()));
            return Optional.empty();
        }
        return Optional.of(clientId);
    }
}
