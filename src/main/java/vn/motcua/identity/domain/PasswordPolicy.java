package vn.motcua.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B style: length and a deny-list, no composition rules): at least
 * {@link #MIN_LENGTH} characters, at most {@link #MAX_LENGTH}; not a common password (the list in
 * {@code security/common-passwords.txt}, compared without case and without trailing digits and symbols); not the
 * username or containing it; not a run of one character or of consecutive keys/digits. Plain Java.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String[] SEQUENCES = {"0123456789012", "9876543210987", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"};
    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the built-in deny-list. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            Set<String> words = new HashSet<>();
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused (a Vietnamese sentence), or empty when it is acceptable. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự (nên dùng một cụm từ dễ nhớ).");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Mật khẩu không được dài quá " + MAX_LENGTH + " ký tự.");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Mật khẩu không được chứa ký tự điều khiển.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (common.contains(lower) || (core.length() >= 4 && common.contains(core))) {
            return Optional.of("Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.");
        }
        if (username != null && username.trim().length() >= 3 && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("Mật khẩu không được chứa tên đăng nhập.");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("Mật khẩu lặp lại quá ít ký tự khác nhau; hãy chọn mật khẩu khác.");
        }
        for (String seq : SEQUENCES) {
            if (seq.contains(lower) || new StringBuilder(seq).reverse().toString().contains(lower)) {
                return Optional.of("Mật khẩu là một dãy ký tự liên tiếp trên bàn phím; hãy chọn mật khẩu khác.");
            }
        }
        return Optional.empty();
    }
}
