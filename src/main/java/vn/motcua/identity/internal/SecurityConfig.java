package vn.motcua.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.AccountService;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.web.ApiProblemHandler;
import vn.motcua.shared.web.PublicApi;

import java.io.IOException;
import java.util.List;

/**
 * Who may open what. Pages use form login with a session (kept in the database by Spring Session) and CSRF tokens;
 * API clients may use HTTP Basic (then no CSRF token is needed, as no browser cookie is involved). Logins are
 * throttled and locked per account and address ({@link LoginThrottle}); accounts with a second factor need its code
 * (form field {@code otp}, API header {@code X-OTP}); administrators must have one ({@link SecondFactorRequiredFilter}). Citizens may
 * also log in with the national identity through OpenID Connect ({@link NationalIdentityConfig}), mapped onto user_account
 * (columns external_issuer, external_subject). Partner systems call {@code /api/v1/partners/**} without an account: each
 * call is checked by its signature there.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {
    private static final String REALM = "MotCua API";
    /** The session attribute that carries why a national-identity login was refused to the login page. */
    public static final String NATIONAL_IDENTITY_ERROR = "motcua.vneid.error";

    /**
     * New passwords are hashed with BCrypt at {@code motcua.security.password-strength} (log rounds, 10 by default as in
     * Spring Security; each step doubles the work of a guess and of a login); hashes are stored with their algorithm's id
     * and cost, so a stored hash is checked at the cost it was made with and a changed strength takes effect as passwords
     * are set. The test suite lowers it to BCrypt's minimum, 4: its thousands of logins would otherwise spend a quarter of
     * its time hashing.
     */
    @Bean
    PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${motcua.security.password-strength:10}") int strength) {
        if (strength < 4 || strength > 31) {
            throw new IllegalStateException("motcua.security.password-strength must be between 4 and 31 (BCrypt log rounds), not " + strength);
        }
        // "noop" only reads the unguessable random password given to accounts that log in with the national identity alone
        @SuppressWarnings("deprecation")
        PasswordEncoder noop = org.springframework.security.crypto.password.NoOpPasswordEncoder.getInstance();
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt",
                java.util.Map.of("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(strength), "noop", noop));
    }

    /**
     * No observations of Spring Security's own steps: with an observation registry present (the actuator's), Spring
     * Security would wrap each of its dozen filters, every authentication and every authorization decision in a timed
     * observation of its own — two fifths of the CPU of a cached public page (557 → 335 µs, docs/benchmarks.md), for
     * metrics nobody reads (only health is exposed). The request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The only authentication provider (so no default one could accept a password without the limits and the second factor). */
    @Bean
    MotCuaAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                                        AccountService accounts, AuditLog audit) {
        return new MotCuaAuthenticationProvider(users, encoder, throttle, accounts, audit);
    }

    /** Other origins a form may lead to (the payment platform the payer is redirected to), e.g. " https://paygov.example.vn". */
    @org.springframework.beans.factory.annotation.Value("${motcua.security.form-action-extra:}")
    private String formActionExtra = "";

    @Bean
    SecurityFilterChain security(HttpSecurity http, ObjectMapper json, AccountService accounts,
                                 org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> nationalIdentity,
                                 org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.userinfo.OAuth2UserService<
                                         org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest,
                                         org.springframework.security.oauth2.core.oidc.user.OidcUser>> nationalIdentityUsers) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        // CSRF protects cookies; an API request signed with HTTP Basic carries no cookie a browser would add by itself
        RequestMatcher apiWithBasic = request -> api.matches(request) && request.getHeader("Authorization") != null
                && request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6);
        RequestMatcher publicPost = request -> "POST".equals(request.getMethod())
                && (PublicApi.isPublicPost(request.getRequestURI().substring(request.getContextPath().length()))
                || PublicApi.isPartner(request.getRequestURI().substring(request.getContextPath().length())));
        // API clients get problem+json for "who are you?" (401, with the Basic challenge), "slow down" (429) and "not allowed" (403)
        AuthenticationEntryPoint apiUnauthorized = (request, response, e) -> {
            if (e instanceof LoginRefusedException refused) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
                writeProblem(json, response, ApiProblemHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "Tạm khóa đăng nhập",
                        refused.getMessage(), "too-many-requests", List.of()));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            String detail = e instanceof SecondFactorException ? e.getMessage() + " Gửi mã trong tiêu đề " + LoginDetails.OTP_HEADER + "."
                    : "Cần đăng nhập (HTTP Basic bằng tài khoản cán bộ) để dùng chức năng này.";
            writeProblem(json, response, ApiProblemHandler.problem(HttpStatus.UNAUTHORIZED, "Chưa đăng nhập", detail, "unauthorized", List.of()));
        };
        AuthenticationFailureHandler pageFailure = (request, response, e) -> {
            String target = e instanceof LoginRefusedException refused
                    ? "/dang-nhap?tam-khoa=" + java.net.URLEncoder.encode(TooManyAttemptsException.describe(refused.retryAfter()), java.nio.charset.StandardCharsets.UTF_8)
                    : e instanceof SecondFactorException ? "/dang-nhap?loi-ma" : "/dang-nhap?loi";
            response.sendRedirect(request.getContextPath() + target);
        };
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/");
        AuthenticationSuccessHandler pageSuccess = (request, response, auth) -> {
            vn.motcua.identity.web.AccountSecurityController.remember(request);
            saved.onAuthenticationSuccess(request, response, auth);
        };
        AccessDeniedHandler apiForbidden = (request, response, e) -> writeProblem(json, response, ApiProblemHandler.problem(
                HttpStatus.FORBIDDEN, "Không có quyền", "Tài khoản của bạn không có quyền dùng chức năng này.", "forbidden", List.of()));
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/thu-tuc/**", "/thong-ke/**", "/tra-cuu", "/tra-cuu/ket-qua", "/xac-thuc", "/xac-thuc/**", "/dang-nhap", "/dang-ky", "/error",
                                "/oauth2/authorization/**", "/login/oauth2/code/**",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, PublicApi.GET_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, PublicApi.POST_PATHS).permitAll()
                        // partner systems: checked by their client id and HMAC signature, not by an account
                        .requestMatchers(HttpMethod.POST, PublicApi.PARTNER_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, PublicApi.PARTNER_PATHS).permitAll()
                        // the simulators of the national systems (present only when motcua.simulators.enabled)
                        .requestMatchers("/sim/**", "/gia-lap", "/gia-lap/**").permitAll()
                        // feedback and its published answers, the tracking page's rating, the counter kiosks (checked by their token)
                        .requestMatchers("/phan-anh-kien-nghi", "/phan-anh-kien-nghi/**", "/tra-cuu/danh-gia", "/quay-danh-gia/**").permitAll()
                        .requestMatchers("/xu-ly-phan-anh", "/xu-ly-phan-anh/**", "/danh-gia-tthc", "/danh-gia-tthc/**", "/api/v1/evaluations/**",
                                "/api/v1/rating-summaries", "/api/v1/feedback-cases", "/api/v1/feedback-cases/**").hasAnyRole("TTHC_CONTROL", "LEADER", "ADMIN")
                        .requestMatchers("/ke-toan/doanh-thu", "/ke-toan/doanh-thu.xlsx", "/api/v1/revenue").hasAnyRole("ACCOUNTANT", "LEADER", "ADMIN")
                        .requestMatchers("/ke-toan", "/ke-toan/**", "/api/v1/payment-reconciliations").hasAnyRole("ACCOUNTANT", "ADMIN")
                        .requestMatchers("/quan-tri/thu-phi", "/quan-tri/thu-phi/**", "/quan-tri/mau-thong-bao", "/quan-tri/mau-thong-bao/**",
                                "/api/v1/notification-templates")
                        .hasAnyRole("TTHC_CONTROL", "ADMIN")
                        // the service-quality index: settings by procedure control, the dashboard and drill-downs by every officer
                        .requestMatchers("/chi-so/cau-hinh", "/chi-so/cau-hinh/**", "/chi-so/nguoi-nhan", "/chi-so/nguoi-nhan/**",
                                "/chi-so/cong-quoc-gia", "/chi-so/cong-quoc-gia/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/chi-so/bao-cao", "/chi-so/bao-cao/**", "/api/v1/service-index/reports",
                                "/api/v1/service-index/reports/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/chi-so/bao-cao", "/chi-so/bao-cao/**", "/api/v1/service-index/reports", "/api/v1/service-index/reports/**",
                                "/api/v1/service-index/report-forms")
                        .hasAnyRole("LEADER", "TTHC_CONTROL", "ADMIN", "AUDITOR")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/service-index/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/chi-so", "/chi-so/**", "/api/v1/service-index", "/api/v1/service-index/**")
                        .hasAnyRole("LEADER", "TTHC_CONTROL", "ADMIN", "AUDITOR", "RECEIVING_OFFICER", "PROCESSING_OFFICER")
                        .requestMatchers("/kiem-tra/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/kiem-soat", "/kiem-soat/**", "/api/v1/control/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/tai-khoan/**").authenticated()
                        .requestMatchers("/can-bo/**").hasAnyRole("RECEIVING_OFFICER", "PROCESSING_OFFICER", "LEADER", "AUDITOR")
                        .requestMatchers("/nop-ho-so/**", "/ho-so-cua-toi", "/ho-so-cua-toi/**", "/api/v1/me/**").hasRole("CITIZEN")
                        .requestMatchers("/api/v1/reusable-documents", "/api/v1/population-checks").hasRole("RECEIVING_OFFICER")
                        .requestMatchers("/quan-tri/thu-tuc/**", "/quan-tri/quyet-dinh/**", "/quan-tri/loai-giay-to", "/quan-tri/loai-giay-to/**",
                                "/quan-tri/danh-muc-quoc-gia", "/quan-tri/danh-muc-quoc-gia/**", "/api/v1/integration/portal-procedures",
                                "/api/v1/integration/portal-procedures/**", "/api/v1/integration/catalog-pulls", "/api/v1/integration/catalog-pulls/**")
                        .hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/quan-tri/**", "/api/v1/integration/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/dang-nhap").authenticationDetailsSource(LoginDetails.source())
                        .successHandler(pageSuccess).failureHandler(pageFailure).permitAll())
                .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/?da-dang-xuat"))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(apiUnauthorized)
                        .authenticationDetailsSource(LoginDetails.source()))
                .addFilterBefore(new SecondFactorRequiredFilter(accounts, json), AuthorizationFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiUnauthorized, api)
                        .defaultAccessDeniedHandlerFor(apiForbidden, api))
                // the simulators' own APIs are called server to server, like the partner systems they stand for
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithBasic, publicPost, request -> request.getRequestURI()
                        .startsWith(request.getContextPath() + "/sim/")))
                // HSTS is sent on HTTPS requests, including those a trusted proxy forwards as HTTPS (server.forward-headers-strategy)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'"
                                        + formActionExtra + "; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        var registrations = nationalIdentity.getIfAvailable();
        if (registrations != null) {
            // login with the national identity (VNeID) by OpenID Connect: /oauth2/authorization/vneid, back on /login/oauth2/code/vneid
            http.oauth2Login(o -> o.loginPage("/dang-nhap").clientRegistrationRepository(registrations)
                    .userInfoEndpoint(u -> u.oidcUserService(nationalIdentityUsers.getObject()))
                    .successHandler(pageSuccess)
                    .failureHandler((request, response, e) -> {
                        // the reason (identity level, an officer's number, a locked account) is shown once on the login page
                        request.getSession().setAttribute(NATIONAL_IDENTITY_ERROR, e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException refusal
                                && refusal.getError().getDescription() != null ? refusal.getError().getDescription() : null);
                        response.sendRedirect(request.getContextPath() + "/dang-nhap?loi-vneid");
                    }));
        }
        return http.build();
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
