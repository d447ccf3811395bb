package vn.motcua.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.shared.LocalAddress;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

/**
 * Login with the national identity (VNeID) through OpenID Connect, by Spring Security's OAuth2 client: the provider's
 * addresses ({@code motcua.identity.vneid.issuer}, which may contain {@code {port}} for the demo's simulator), this
 * system's client id and secret (sent in the token request's body: a Basic header would be read as a login here). A level-2 identity with a personal ID number is required; the first login links the
 * citizen's account with that number or creates one ({@link AccountService#loginWithNationalIdentity}).
 */
@Configuration
@ConditionalOnProperty(name = "motcua.identity.vneid.enabled", havingValue = "true", matchIfMissing = true)
class NationalIdentityConfig {
    static final String REGISTRATION = "vneid";

    @Bean
    ClientRegistrationRepository nationalIdentityRegistrations(Environment env,
                                                               @Value("${motcua.identity.vneid.issuer:http://127.0.0.1:{port}/sim/vneid}") String issuer,
                                                               @Value("${motcua.identity.vneid.client-id:motcua-angiang}") String clientId,
                                                               @Value("${motcua.identity.vneid.client-secret:demo-vneid-secret}") String secret) {
        return new Registrations(env, issuer, clientId, secret);
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> nationalIdentityUsers(AccountService accounts) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            Object level = oidc.getClaims().get("muc_do_dinh_danh");
            if (level == null || Integer.parseInt(level.toString()) < 2) {
                throw refused("identity_level", "Cần tài khoản định danh điện tử mức độ 2 để đăng nhập.");
            }
            LocalDate birth = null;
            try {
                birth = oidc.getBirthdate() == null ? null : LocalDate.parse(oidc.getBirthdate());
            } catch (DateTimeParseException e) {
                // kept without a birth date
            }
            Account a;
            try {
                a = accounts.loginWithNationalIdentity(oidc.getIssuer().toString(), oidc.getSubject(), oidc.getClaimAsString("so_dinh_danh"),
                        oidc.getFullName(), birth, oidc.getPhoneNumber());
            } catch (ValidationException e) {
                throw refused("account", e.allMessages());
            }
            if (!a.enabled()) {
                throw refused("account_disabled", "Tài khoản đã bị khóa; liên hệ bộ phận một cửa.");
            }
            return new NationalIdentityUser(CurrentUser.of(a), oidc.getIdToken(), oidc.getUserInfo());
        };
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }

    /** The provider's registration, made when first asked (the demo's simulator address needs this application's port). */
    static final class Registrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {
        private final Environment env;
        private final String issuer;
        private final String clientId;
        private final String secret;
        private volatile ClientRegistration registration;

        Registrations(Environment env, String issuer, String clientId, String secret) {
            this.env = env;
            this.issuer = issuer;
            this.clientId = clientId;
            this.secret = secret;
        }

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            return REGISTRATION.equals(id) ? registration() : null;
        }

        @Override
        public Iterator<ClientRegistration> iterator() {
            return List.of(registration()).iterator();
        }

        private ClientRegistration registration() {
            ClientRegistration r = registration;
            if (r == null) {
                String iss = LocalAddress.resolve(issuer, env);
                r = ClientRegistration.withRegistrationId(REGISTRATION).clientName("VNeID").clientId(clientId).clientSecret(secret)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile", "so_dinh_danh")
                        .authorizationUri(iss + "/authorize").tokenUri(iss + "/token").jwkSetUri(iss + "/jwks").userInfoUri(iss + "/userinfo")
                        .userNameAttributeName("sub").issuerUri(iss).build();
                registration = r;
            }
            return r;
        }
    }
}
