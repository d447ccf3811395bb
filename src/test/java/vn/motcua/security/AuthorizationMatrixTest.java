package vn.motcua.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierQueries;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import vn.motcua.identity.internal.AccountUserDetailsService;
import vn.motcua.identity.internal.LoginThrottle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Every endpoint of the application × every role (and anonymous) against the expected answer written in
 * {@code src/test/resources/security/authorization-matrix.tsv}: A = let through (whatever the page or service then
 * says: 200, 302, 404, 422 …), D = refused (401, 403, or sent to the login page). An endpoint added without a row
 * fails the build; the answers seen are written to {@code target/authorization-matrix.actual.tsv} for review.
 */
@IntegrationTest
class AuthorizationMatrixTest {
    static final Path MATRIX = Path.of("src/test/resources/security/authorization-matrix.tsv");
    /** Column order of the matrix: the role and the demo account that holds it. */
    static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("anonymous", null);
        ACCOUNTS.put("CITIZEN", "congdan");
        ACCOUNTS.put("RECEIVING_OFFICER", "tiepnhan");
        ACCOUNTS.put("PROCESSING_OFFICER", "chuyenvien.stp");
        ACCOUNTS.put("LEADER", "lanhdao.stp");
        ACCOUNTS.put("TTHC_CONTROL", "kiemsoat");
        ACCOUNTS.put("ADMIN", "quantri");
        ACCOUNTS.put("AUDITOR", "thanhtra");
        ACCOUNTS.put("ACCOUNTANT", "ketoan");
    }

    /**
     * The users of the columns, logged in once (as after the login page, so that thousands of requests do not each pay
     * for a password hash; HTTP Basic and the login form themselves are tested in SecurityIntegrationTest).
     */
    static Map<String, RequestPostProcessor> roles(AccountUserDetailsService users) {
        Map<String, RequestPostProcessor> roles = new LinkedHashMap<>();
        ACCOUNTS.forEach((role, username) -> {
            if (username == null) {
                roles.put(role, r -> r);
            } else {
                var principal = users.loadUserByUsername(username);
                roles.put(role, authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())));
            }
        });
        return roles;
    }

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired LoginThrottle throttle;
    @Autowired DossierQueries queries;
    @Autowired AccountUserDetailsService users;

    @AfterEach
    void liftLimits() {
        throttle.clear();
        queries.clearTrackingLimits();
    }

    static Map<String, String> expected() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            rows.put(parts[0], parts[1]);
        }
        return rows;
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws Exception {
        Set<String> endpoints = Endpoints.of(mapping).keySet();
        Map<String, String> rows = expected();
        List<String> missing = endpoints.stream().filter(e -> !rows.containsKey(e)).toList();
        List<String> stale = rows.keySet().stream().filter(r -> !endpoints.contains(r)).toList();
        assertThat(missing).as("endpoints without a row in " + MATRIX + " (add one: who may call it?)").isEmpty();
        assertThat(stale).as("rows in " + MATRIX + " for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsTheExpectedAnswerOnEveryEndpoint() throws Exception {
        Map<String, String> rows = expected();
        List<String> wrong = new ArrayList<>();
        Map<String, RequestPostProcessor> roles = roles(users);
        StringBuilder actual = new StringBuilder("# endpoint\t" + String.join(" ", roles.keySet()) + "\n");
        for (String endpoint : Endpoints.of(mapping).keySet()) {
            StringBuilder seen = new StringBuilder();
            int i = 0;
            for (Map.Entry<String, RequestPostProcessor> role : roles.entrySet()) {
                MockHttpServletResponse r;
                try {
                    r = mvc.perform(request(endpoint).with(role.getValue())).andReturn().getResponse();
                } catch (Exception e) {
                    wrong.add(endpoint + " as " + role.getKey() + ": server error " + e);
                    seen.append('!');
                    i++;
                    continue;
                }
                char got = refused(r) ? 'D' : 'A';
                seen.append(got);
                String want = rows.get(endpoint);
                if (want != null && want.length() == roles.size() && want.charAt(i) != got) {
                    wrong.add(endpoint + " as " + role.getKey() + ": expected " + want.charAt(i) + ", got " + got + " (HTTP " + r.getStatus()
                            + (r.getRedirectedUrl() != null ? " → " + r.getRedirectedUrl() : "") + ")");
                }
                i++;
            }
            actual.append(endpoint).append('\t').append(seen).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.actual.tsv"), actual.toString());
        assertThat(wrong).as("answers that differ from " + MATRIX + " (see target/authorization-matrix.actual.tsv)").isEmpty();
    }

    static boolean refused(MockHttpServletResponse r) {
        String to = r.getRedirectedUrl();
        return r.getStatus() == 401 || r.getStatus() == 403 || (to != null && (to.contains("/dang-nhap") && !to.contains("?")));
    }

    /** A request to the endpoint with sample path values (ids that do not exist, so nothing is changed). */
    static MockHttpServletRequestBuilder request(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replaceAll("\\{[^}]*(id|Id|No|seq|year)[^}]*}", "987654321")
                .replaceAll("\\{kind}", "tiep-nhan")
                .replaceAll("\\{action}", "chuyen")
                .replaceAll("\\{[^}]+}", "KHONG-CO");
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path).with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.250.0.1");
                    return r;
                });
        if (endpoint.contains("/api/") && !method.equals("GET")) {
            b.contentType("application/json").content("{}");
        }
        return b;
    }
}
