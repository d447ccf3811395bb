package vn.motcua.integration.internal;

import org.springframework.stereotype.Component;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.shared.Hmac;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Addresses from which the national portal downloads a dossier's files: signed with the key shared with the portal and
 * valid for 90 days, so that no account is needed and nobody else can guess one.
 */
@Component
public class FileLinks {
    private static final Duration VALID = Duration.ofDays(90);

    private final IntegrationProperties props;
    private final Clock clock;

    FileLinks(IntegrationProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    public String link(String dossierCode, long fileId) {
        long expires = Instant.now(clock).plus(VALID).getEpochSecond();
        return props.publicBaseUrl() + "/api/v1/partners/files/" + dossierCode + "/" + fileId + "?exp=" + expires + "&sig="
                + Hmac.sha256Hex(props.portal().secret(), text(dossierCode, fileId, expires));
    }

    /** Whether the link's signature is right and it has not expired. */
    public boolean valid(String dossierCode, long fileId, long expires, String signature) {
        return expires >= Instant.now(clock).getEpochSecond() && signature != null
                && Hmac.matches(props.portal().secret(), text(dossierCode, fileId, expires), signature);
    }

    private static String text(String dossierCode, long fileId, long expires) {
        return "file|" + dossierCode + "|" + fileId + "|" + expires;
    }
}
