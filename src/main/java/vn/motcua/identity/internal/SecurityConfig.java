package vn.motcua.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. Pages use form login with a session and CSRF tokens; API clients may use
 * HTTP Basic (then no CSRF token is needed, as no browser cookie is involved). An OpenID Connect
 * provider (VNeID-style) can be added later as another login method mapped onto user_account
 * (columns external_issuer, external_subject).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        RequestMatcher apiWithCredentials = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getHeader("Authorization") != null;
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/thu-tuc/**", "/thong-ke/**", "/tra-cuu", "/dang-nhap", "/dang-ky", "/error",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/procedures/**", "/api/v1/fields/**", "/api/v1/agencies/**",
                                "/api/v1/statistics/**", "/api/v1/calendar/**", "/api/v1/tracking").permitAll()
                        .requestMatchers("/can-bo/**").hasAnyRole("RECEIVING_OFFICER", "PROCESSING_OFFICER", "LEADER", "AUDITOR", "ADMIN")
                        .requestMatchers("/nop-ho-so/**", "/ho-so-cua-toi", "/ho-so-cua-toi/**").hasRole("CITIZEN")
                        .requestMatchers("/quan-tri/thu-tuc/**", "/quan-tri/quyet-dinh/**").hasAnyRole("TTHC_CONTROL", "ADMIN")
                        .requestMatchers("/quan-tri/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/dang-nhap").defaultSuccessUrl("/", false).failureUrl("/dang-nhap?loi").permitAll())
                .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/?da-dang-xuat"))
                .httpBasic(basic -> basic.realmName("MotCua API"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithCredentials))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'")));
        return http.build();
    }
}
