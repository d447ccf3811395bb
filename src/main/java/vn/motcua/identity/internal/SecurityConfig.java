package vn.motcua.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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
import vn.motcua.shared.web.ApiProblemHandler;
import vn.motcua.shared.web.PublicApi;

import java.io.IOException;
import java.util.List;

/**
 * Who may open what. Pages use form login with a session and CSRF tokens; API clients may use
 * HTTP Basic (then no CSRF token is needed, as no browser cookie is involved). An OpenID Connect
 * provider (VNeID-style) can be added later as another login method mapped onto user_account
 * (columns external_issuer, external_subject).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {
    private static final String REALM = "MotCua API";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ObjectMapper json) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher apiWithCredentials = request -> api.matches(request) && request.getHeader("Authorization") != null;
        // API clients get problem+json for "who are you?" (401, with the Basic challenge) and "not allowed" (403)
        AuthenticationEntryPoint apiUnauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            writeProblem(json, response, ApiProblemHandler.problem(HttpStatus.UNAUTHORIZED, "Chưa đăng nhập",
                    "Cần đăng nhập (HTTP Basic bằng tài khoản cán bộ) để dùng chức năng này.", "unauthorized", List.of()));
        };
        AccessDeniedHandler apiForbidden = (request, response, e) -> writeProblem(json, response, ApiProblemHandler.problem(
                HttpStatus.FORBIDDEN, "Không có quyền", "Tài khoản của bạn không có quyền dùng chức năng này.", "forbidden", List.of()));
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/thu-tuc/**", "/thong-ke/**", "/tra-cuu", "/dang-nhap", "/dang-ky", "/error",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.GET, PublicApi.GET_PATHS).permitAll()
                        .requestMatchers("/can-bo/**").hasAnyRole("RECEIVING_OFFICER", "PROCESSING_OFFICER", "LEADER", "AUDITOR", "ADMIN")
                        .requestMatchers("/nop-ho-so/**", "/ho-so-cua-toi", "/ho-so-cua-toi/**").hasRole("CITIZEN")
                        .requestMatchers("/quan-tri/thu-tuc/**", "/quan-tri/quyet-dinh/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/quan-tri/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/dang-nhap").defaultSuccessUrl("/", false).failureUrl("/dang-nhap?loi").permitAll())
                .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/?da-dang-xuat"))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(apiUnauthorized))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiUnauthorized, api)
                        .defaultAccessDeniedHandlerFor(apiForbidden, api))
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithCredentials))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'")));
        return http.build();
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
