package vn.motcua.identity;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import vn.motcua.identity.domain.PasswordPolicy;
import vn.motcua.identity.domain.Totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rule and TOTP, in plain Java. */
class PasswordAndTotpTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void refusesShortCommonAndObviousPasswords() {
        assertThat(policy.problem("12345678", "an")).get().asString().contains("ít nhất 10");
        assertThat(policy.problem("1234567890", "an")).isPresent();
        assertThat(policy.problem("Password123!", "an")).get().asString().contains("phổ biến");
        assertThat(policy.problem("matkhau@2026", "an")).get().asString().contains("phổ biến");
        assertThat(policy.problem("nguyenvanan2026", "nguyenvanan")).get().asString().contains("tên đăng nhập");
        assertThat(policy.problem("aaaaaaaaaaaaa", "x1")).isPresent();
        assertThat(policy.problem("abcdefghijk", "x1")).isPresent();
        assertThat(policy.problem("a".repeat(129), "x1")).isPresent();
        assertThat(policy.problem("hoa sen nở giữa đầm", "an")).isEmpty();
        assertThat(policy.problem("MotCua@2026", "quantri")).isEmpty();
    }

    @Test
    void totpMatchesTheRfc6238TestVectors() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits there; the last 6 digits here
        String secret = new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedWithinOneStepAndNeverTwice() {
        String secret = Totp.newSecret();
        Instant t = Instant.ofEpochSecond(1_800_000_000L);
        String code = Totp.code(secret, t);
        long step = Totp.accept(secret, code, t, null).orElseThrow();
        assertThat(Totp.accept(secret, code, t.plusSeconds(30), null)).as("30 s later (clock drift)").isPresent();
        assertThat(Totp.accept(secret, code, t.plusSeconds(90), null)).as("90 s later").isEmpty();
        assertThat(Totp.accept(secret, code, t, step)).as("the same code again").isEmpty();
        assertThat(Totp.accept(secret, "12345", t, null)).isEmpty();
        assertThat(Totp.uri("MotCua", "quan tri", secret)).startsWith("otpauth://totp/MotCua%3Aquan%20tri?secret=" + secret);
    }
}
