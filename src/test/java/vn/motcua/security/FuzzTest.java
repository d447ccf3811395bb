package vn.motcua.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.identity.internal.LoginThrottle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at every endpoint — API and page forms alike: empty, very long (100 KB), control characters, wrong types,
 * huge numbers, path tricks and markup, in every parameter the handler reads, in the path variables and (for the
 * API) in JSON bodies built from the field names of the OpenAPI document. No answer may be a server error, and none
 * of it may leave anything saved.
 */
@IntegrationTest
class FuzzTest {
    static final List<String> BAD = List.of("", " ", "x".repeat(100_000), "a\u0000b", "\u0007\u001b[2J", "-1", "2147483647",
            "99999999999999999999999", "1e309", "abc", "2026-02-30", "../../etc/passwd", "<script>alert(1)</script>", "' or 1=1 --", "\uD800");
    /** Path variables: fewer values (a path is parsed before any handler runs). */
    static final List<String> BAD_PATH = List.of(" ", "x".repeat(300), "-1", "99999999999999999999999", "abc", "..%2F..", "<b>");
    static final List<String> BAD_JSON = List.of("", "[", "{\"a\":", "\"x\"", "null", "[1,2]", "{\"rowVersion\":\"x\"}",
            "{\"rowVersion\":99999999999999999999999}", "{\"x\":\"" + "y".repeat(100_000) + "\"}", "{\"note\":\"a\\u0000b\"}");
    static final List<String> TABLES = List.of("dossier", "dossier_history", "dossier_file", "dossier_supplement", "procedure_version", "agency", "user_account",
            "user_role", "calendar_adjustment", "legal_rule_set", "publication_decision", "stored_file", "control_income", "review_plan", "review_item",
            "cost_assessment", "simplification_proposal", "internal_procedure_version", "decentralisation_review", "publication_watch", "regulation_draft",
            "regulation_draft_file", "inspection", "inspection_finding", "quality_indicator", "quality_band", "quality_report", "quality_recipient", "quality_assignment", "quality_review", "quality_task", "quality_portal_score");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired JdbcClient jdbc;
    @Autowired LoginThrottle throttle;
    @Autowired DossierQueries queries;
    @Autowired vn.motcua.identity.internal.AccountUserDetailsService users;

    @AfterEach
    void liftLimits() {
        throttle.clear();
        queries.clearTrackingLimits();
    }

    @Test
    void noBadInputCausesAServerErrorOrSavesAnything() throws Exception {
        Map<String, Long> before = counts();
        Map<String, String> matrix = AuthorizationMatrixTest.expected();
        List<String> failures = new ArrayList<>();
        Map<String, RequestPostProcessor> roles = AuthorizationMatrixTest.roles(users);
        int requests = 0;
        for (Map.Entry<String, HandlerMethod> e : Endpoints.of(mapping).entrySet()) {
            String endpoint = e.getKey();
            if (endpoint.equals("POST /dang-xuat")) {
                continue;
            }
            RequestPostProcessor who = allowedRole(matrix.get(endpoint), roles);
            List<String> params = params(e.getValue());
            for (String bad : BAD) {
                // every parameter at once, then the path variables
                MockHttpServletRequestBuilder b = AuthorizationMatrixTest.request(endpoint).with(who);
                params.forEach(p -> b.param(p, bad));
                requests += check(b, endpoint + " params=" + abbreviate(bad), failures);
                if (endpoint.contains("{") && BAD_PATH.contains(bad.length() > 300 ? bad.substring(0, 300) : bad)) {
                    String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", java.net.URLEncoder.encode(
                            bad.length() > 300 ? bad.substring(0, 300) : bad, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                    if (!path.contains("//") && !path.endsWith("/")) {
                        MockHttpServletRequestBuilder p = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .request(HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' '))), java.net.URI.create(path))
                                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).with(who);
                        requests += check(p, endpoint + " path=" + abbreviate(bad), failures);
                    }
                }
            }
            if (endpoint.contains("/api/") && !endpoint.startsWith("GET")) {
                for (String body : BAD_JSON) {
                    MockHttpServletRequestBuilder b = AuthorizationMatrixTest.request(endpoint).with(who).contentType("application/json").content(body);
                    requests += check(b, endpoint + " body=" + abbreviate(body), failures);
                }
            }
        }
        assertThat(failures).as("server errors among " + requests + " requests").isEmpty();
        assertThat(counts()).as("nothing saved").isEqualTo(before);
    }

    private int check(MockHttpServletRequestBuilder b, String what, List<String> failures) throws Exception {
        MockHttpServletResponse r;
        try {
            r = mvc.perform(b).andReturn().getResponse();
        } catch (Exception ex) {
            failures.add(what + " → exception " + ex);
            return 1;
        }
        if (r.getStatus() >= 500) {
            failures.add(what + " → HTTP " + r.getStatus() + " " + abbreviate(r.getContentAsString()));
        }
        return 1;
    }

    /** The first role the matrix lets through (so the handler itself is reached), else anonymous. */
    private static RequestPostProcessor allowedRole(String row, Map<String, RequestPostProcessor> all) {
        List<RequestPostProcessor> roles = new ArrayList<>(all.values());
        if (row != null) {
            // officers before the administrator and the citizen: they reach the most handlers
            for (int i : new int[]{2, 3, 4, 5, 7, 6, 1, 0}) {
                if (row.charAt(i) == 'A') {
                    return roles.get(i);
                }
            }
        }
        return roles.get(0);
    }

    /** The request parameters the handler reads (by name), plus a few every form has. */
    private static List<String> params(HandlerMethod h) {
        List<String> names = new ArrayList<>(List.of("rowVersion", "page", "size", "lang"));
        for (MethodParameter p : h.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                if (name != null && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.remove("lang"); // the locale resolver answers an unknown language itself
        return names;
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…(" + s.length() + ")" : one;
    }
}
