package vn.motcua.shared.web;

import org.springframework.util.AntPathMatcher;

import java.util.Arrays;

/**
 * The JSON API answers anyone on these GET paths (catalog, agencies, statistics, calendar, document types, result verification) and POST paths (public tracking,
 * verification of a signed file, feedback; the payment platform's callback, which is checked by its HMAC signature instead); every
 * other API call needs an account. The security rules and the OpenAPI document both read this one list.
 */
public final class PublicApi {
    public static final String[] GET_PATHS = {"/api/v1/procedures/**", "/api/v1/fields/**", "/api/v1/agencies/**",
            "/api/v1/statistics/**", "/api/v1/calendar/**", "/api/v1/document-types", "/api/v1/results/**",
            "/api/v1/feedback", "/api/v1/feedback/**"};
    /** Public POSTs: anonymous, without a CSRF token (no cookie is involved), rate-limited by the service. */
    public static final String[] POST_PATHS = {"/api/v1/tracking", "/api/v1/tracking/result", "/api/v1/verifications",
            "/api/v1/payments/callback", "/api/v1/feedback"};

    /**
     * Calls from partner systems (the national portal handing dossiers over, the public post's tracking callbacks,
     * ministries' sectoral systems): no account and no CSRF token; each is checked by its client id and HMAC signature.
     */
    public static final String[] PARTNER_PATHS = {"/api/v1/partners/**"};

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    /** Whether this path is called by a partner system (signed, no account). */
    public static boolean isPartner(String path) {
        return Arrays.stream(PARTNER_PATHS).anyMatch(p -> MATCHER.match(p, path));
    }

    private PublicApi() {
    }

    /** Whether a POST on this path is public. */
    public static boolean isPublicPost(String path) {
        return Arrays.stream(POST_PATHS).anyMatch(p -> MATCHER.match(p, path));
    }

    /** Whether a GET on this path (an OpenAPI path template such as {@code /api/v1/procedures/{code}}) is public. */
    public static boolean isPublicGet(String path) {
        return Arrays.stream(GET_PATHS).anyMatch(p -> MATCHER.match(p, path));
    }
}
