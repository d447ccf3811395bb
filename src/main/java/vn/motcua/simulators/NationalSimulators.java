package vn.motcua.simulators;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The other national systems: the national identity's OpenID Connect provider (VNeID, level-2 accounts), the population
 * database behind the provincial data-sharing platform, and the public post's order service. They share one register of
 * citizens, so that the same person logs in, is verified at intake and receives the result by post.
 */
public class NationalSimulators {
    public final Knobs identity = new Knobs();
    public final Knobs population = new Knobs();
    public final Knobs post = new Knobs();
    public final Knobs postCallback = new Knobs();

    /** A citizen of the register. */
    public record Citizen(String idNumber, String name, LocalDate birthDate, String gender, String permanentAddress, String currentAddress,
                          String phone) {
    }

    private final Map<String, Citizen> register = new ConcurrentHashMap<>();
    private final RSAKey signingKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Citizen> accessTokens = new ConcurrentHashMap<>();
    final String clientId;
    final String clientSecret;
    final String postClient;
    final String postSecret;
    final String lgspClient;
    final String lgspSecret;

    record Grant(Citizen citizen, String clientId, String redirectUri, String nonce, Instant expires) {
    }

    NationalSimulators(String clientId, String clientSecret, String postClient, String postSecret, String lgspClient, String lgspSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.postClient = postClient;
        this.postSecret = postSecret;
        this.lgspClient = lgspClient;
        this.lgspSecret = lgspSecret;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("vneid-sim-" + Long.toHexString(random.nextLong())).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        for (Citizen c : List.of(
                new Citizen("089090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 12), "Nam", "phường Long Xuyên, An Giang", "phường Long Xuyên, An Giang", "0912345678"),
                new Citizen("089190001111", "Nguyễn Thị Hoa", LocalDate.of(1990, 7, 2), "Nữ", "phường Long Xuyên, An Giang", "phường Long Xuyên, An Giang", "0903123456"),
                new Citizen("089201005566", "Trần Văn Bình", LocalDate.of(2001, 11, 20), "Nam", "xã An Châu, An Giang", "xã An Châu, An Giang", "0987001122"),
                new Citizen("089185002233", "Lê Minh Cường", LocalDate.of(1985, 5, 5), "Nam", "phường Rạch Giá, An Giang", "phường Rạch Giá, An Giang", "0916778899"),
                new Citizen("089190101001", "Trần Thị Bích", LocalDate.of(1990, 1, 10), "Nữ", "phường Long Xuyên, An Giang", "phường Long Xuyên, An Giang", "0903111001"),
                new Citizen("089085101002", "Lê Văn Cảnh", LocalDate.of(1985, 2, 14), "Nam", "xã An Châu, An Giang", "xã An Châu, An Giang", "0903111002"),
                new Citizen("089195101003", "Phạm Thị Diệu", LocalDate.of(1995, 9, 30), "Nữ", "phường Rạch Giá, An Giang", "phường Rạch Giá, An Giang", "0903111003"),
                new Citizen("089088101004", "Huỳnh Văn Em", LocalDate.of(1988, 12, 1), "Nam", "phường Long Xuyên, An Giang", "phường Long Xuyên, An Giang", "0903111004"),
                new Citizen("089199101005", "Võ Thị Giang", LocalDate.of(1999, 4, 18), "Nữ", "xã An Châu, An Giang", "xã An Châu, An Giang", "0903111005"),
                new Citizen("089196004455", "Đặng Thị Lan", LocalDate.of(1996, 6, 6), "Nữ", "phường Châu Đốc, An Giang", "phường Long Xuyên, An Giang", "0935004455"))) {
            register.put(c.idNumber(), c);
        }
    }

    public List<Citizen> citizens() {
        return register.values().stream().sorted(java.util.Comparator.comparing(Citizen::name)).toList();
    }

    public Optional<Citizen> citizen(String idNumber) {
        return Optional.ofNullable(idNumber == null ? null : register.get(idNumber));
    }

    /** Adds someone to the register (tests). */
    public void register(Citizen c) {
        register.put(c.idNumber(), c);
    }

    // ---------------------------------------------------------------- identity provider

    String issue(Citizen c, String client, String redirectUri, String nonce) {
        String code = token();
        codes.put(code, new Grant(c, client, redirectUri, nonce, Instant.now().plusSeconds(120)));
        return code;
    }

    /** Redeems a code once: the grant, when the code is known, fresh, and was issued to this client and address. */
    Optional<Grant> redeem(String code, String client, String redirectUri) {
        Grant g = code == null ? null : codes.remove(code);
        if (g == null || g.expires().isBefore(Instant.now()) || !g.clientId().equals(client) || !g.redirectUri().equals(redirectUri)) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    String accessToken(Citizen c) {
        String t = token();
        accessTokens.put(t, c);
        return t;
    }

    Optional<Citizen> byAccessToken(String token) {
        return Optional.ofNullable(token == null ? null : accessTokens.get(token));
    }

    String idToken(Grant g, String issuer) {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject(g.citizen())).audience(g.clientId())
                .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).claim("auth_time", now.getTime() / 1000);
        if (g.nonce() != null) {
            claims.claim("nonce", g.nonce());
        }
        claims(g.citizen()).forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The level-2 identity claims: name, birth date, the personal ID number and the identification level. */
    Map<String, Object> claims(Citizen c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("birthdate", c.birthDate().toString());
        m.put("gender", c.gender());
        m.put("phone_number", c.phone());
        m.put("so_dinh_danh", c.idNumber());
        m.put("muc_do_dinh_danh", 2);
        m.put("acr", "LOA2");
        return m;
    }

    static String subject(Citizen c) {
        return "VNEID-" + vn.motcua.shared.Digests.sha256Hex("sub|" + c.idNumber()).substring(0, 24);
    }

    Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---------------------------------------------------------------- public post

    /** An order the post took: its carrier code, price and status history. */
    public static final class Order {
        public final String carrierCode;
        public final String orderCode;
        public final String kind;
        public final String callbackUrl;
        public final long price;
        public final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        public final LocalDateTime createdAt = LocalDateTime.now();

        Order(String carrierCode, String orderCode, String kind, String callbackUrl, long price) {
            this.carrierCode = carrierCode;
            this.orderCode = orderCode;
            this.kind = kind;
            this.callbackUrl = callbackUrl;
            this.price = price;
        }

        public String status() {
            return statuses.isEmpty() ? "ACCEPTED" : statuses.get(statuses.size() - 1);
        }
    }

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Order> ordersByKey = new ConcurrentHashMap<>();
    private final AtomicLong orderSeq = new AtomicLong(100_000);

    /** Takes an order once per idempotency key (the same key again returns the same order). */
    synchronized Order order(String key, String orderCode, String kind, String callbackUrl, long weightGrams) {
        Order known = ordersByKey.get(key);
        if (known != null) {
            return known;
        }
        long price = 22_000 + Math.max(0, weightGrams - 500) / 500 * 5_000 + ("PICKUP".equals(kind) ? 5_000 : 0);
        Order o = new Order("EB" + orderSeq.incrementAndGet() + "VN", orderCode, kind, callbackUrl, price);
        o.statuses.add("ACCEPTED");
        orders.put(o.carrierCode, o);
        ordersByKey.put(key, o);
        return o;
    }

    public Optional<Order> orderByCarrierCode(String carrierCode) {
        return Optional.ofNullable(orders.get(carrierCode));
    }

    public Optional<Order> orderByOrderCode(String orderCode) {
        return orders.values().stream().filter(o -> o.orderCode.equals(orderCode)).findFirst();
    }

    public List<Order> orders() {
        return orders.values().stream().sorted(java.util.Comparator.comparing((Order o) -> o.createdAt).reversed()).toList();
    }

    /** The status after the current one: accepted → picked up → in transit → delivered. */
    static String next(String status) {
        return switch (status) {
            case "ACCEPTED" -> "PICKED_UP";
            case "PICKED_UP" -> "IN_TRANSIT";
            case "IN_TRANSIT" -> "DELIVERED";
            default -> null;
        };
    }
}
