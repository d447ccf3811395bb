package vn.motcua.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.domain.PasswordPolicy;
import vn.motcua.identity.domain.Totp;
import vn.motcua.identity.internal.AccountStore;
import vn.motcua.identity.internal.LoginThrottle;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Public API of the identity module: creating accounts and granting roles. */
@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,80}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final AgencyService agencies;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final PasswordPolicy passwords = PasswordPolicy.standard();

    public AccountService(AccountStore store, PasswordEncoder encoder, AgencyService agencies, AuditLog audit, LoginThrottle throttle) {
        this.throttle = throttle;
        this.audit = audit;
        this.store = store;
        this.encoder = encoder;
        this.agencies = agencies;
    }

    @Transactional
    public Account create(NewAccount a) {
        return create(a, false);
    }

    private Account create(NewAccount a, boolean selfRegistration) {
        Problems p = new Problems();
        p.require(a.username() != null && USERNAME.matcher(a.username().trim()).matches(), "username",
                "Tên đăng nhập gồm 3–80 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang, @.");
        passwords.problem(a.password(), a.username()).ifPresent(m -> p.add("password", m));
        p.requireText(a.fullName(), "fullName", "Họ và tên");
        p.require(a.fullName() == null || a.fullName().trim().length() <= 200, "fullName", "Họ và tên không được dài quá 200 ký tự.");
        p.require(isBlank(a.taxCode()) || a.taxCode().trim().matches("\\d{10}(-\\d{3})?"), "taxCode", "Mã số doanh nghiệp gồm 10 chữ số (chi nhánh: thêm -3 chữ số).");
        p.require(isBlank(a.email()) || a.email().trim().length() <= 200, "email", "Địa chỉ thư điện tử không được dài quá 200 ký tự.");
        p.require(a.type() != null, "type", "Chưa chọn loại tài khoản.");
        p.require(isBlank(a.email()) || EMAIL.matcher(a.email().trim()).matches(), "email", "Địa chỉ thư điện tử không hợp lệ.");
        p.require(isBlank(a.phone()) || PHONE.matcher(a.phone().trim()).matches(), "phone",
                "Số điện thoại phải gồm 10–11 chữ số, bắt đầu bằng 0.");
        p.require(isBlank(a.idNumber()) || ID_NUMBER.matcher(a.idNumber().trim()).matches(), "idNumber",
                "Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.");
        List<RoleGrant> roles = a.roles() == null ? List.of() : a.roles();
        for (RoleGrant g : roles) {
            if (g.role().scoped()) {
                p.require(g.agencyId() != null && agencies.activeOn(agencies.today()).stream().anyMatch(x -> x.id() == g.agencyId()),
                        "roles", "Vai trò \"" + g.role().label() + "\" phải gắn với một đơn vị đang hoạt động.");
            }
        }
        p.throwIfAny();
        boolean usernameTaken = store.usernameExists(a.username());
        boolean idTaken = !isBlank(a.idNumber()) && store.idNumberExists(a.idNumber());
        if (selfRegistration && (usernameTaken || idTaken)) {
            // one message for both, so that the form does not tell a stranger who has an account
            p.add("username", "Không thể đăng ký với tên đăng nhập và số định danh này. Nếu bạn đã có tài khoản, hãy đăng nhập; "
                    + "nếu quên mật khẩu hoặc số định danh bị người khác dùng, hãy liên hệ bộ phận một cửa.");
        } else {
            p.require(!usernameTaken, "username", "Tên đăng nhập \"" + a.username().trim() + "\" đã được sử dụng.");
            p.require(!idTaken, "idNumber", "Số định danh này đã gắn với một tài khoản khác.");
        }
        p.throwIfAny();
        long id = store.insert(a.username(), encoder.encode(a.password()), a.fullName(), a.type(), trim(a.email()),
                trim(a.phone()), trim(a.idNumber()), trim(a.taxCode()));
        for (RoleGrant g : roles) {
            store.grant(id, g.role(), g.role().scoped() ? g.agencyId() : null);
        }
        Account created = get(id);
        audit.record("account.created", "account", id, null, created);
        return created;
    }

    /** Self-registration of a citizen or business on the public portal. */
    @Transactional
    public Account register(NewAccount a) {
        AccountType type = a.type() == AccountType.BUSINESS ? AccountType.BUSINESS : AccountType.CITIZEN;
        return create(new NewAccount(a.username(), a.password(), a.fullName(), type, a.email(), a.phone(), a.idNumber(),
                a.taxCode(), List.of(new RoleGrant(Role.CITIZEN, null))), true);
    }

    /**
     * The account of a person who logged in with the national identity (level 2): the one already linked to that
     * identity; else the citizen account with the same personal ID number, which is linked now; else a new citizen
     * account (no password: it is entered only through the national identity). Officers' accounts are never linked:
     * officers log in with their own account.
     */
    @Transactional
    public Account loginWithNationalIdentity(String issuer, String subject, String idNumber, String fullName, java.time.LocalDate birthDate,
                                             String phone) {
        Problems p = new Problems();
        p.require(idNumber != null && ID_NUMBER.matcher(idNumber).matches(), "idNumber", "Tài khoản định danh không có số định danh cá nhân hợp lệ.");
        p.requireText(fullName, "fullName", "Họ và tên");
        p.throwIfAny();
        Optional<Long> linked = store.byExternal(issuer, subject);
        if (linked.isPresent()) {
            return get(linked.get());
        }
        Optional<Long> same = store.byIdNumber(idNumber);
        if (same.isPresent()) {
            Account a = get(same.get());
            if (a.type() == AccountType.OFFICER) {
                throw vn.motcua.shared.ValidationException.of("idNumber", "Cán bộ, công chức đăng nhập bằng tài khoản công vụ của mình.");
            }
            store.linkExternal(a.id(), issuer, subject, birthDate);
            audit.recordAs(a.username(), "account.national-identity-linked", "account", a.id(), null, java.util.Map.of("issuer", issuer));
            return get(a.id());
        }
        String username = "vneid." + idNumber;
        long id = store.insert(username, null, fullName.trim(), AccountType.CITIZEN, null,
                phone != null && PHONE.matcher(phone).matches() ? phone : null, idNumber, null);
        store.grant(id, Role.CITIZEN, null);
        store.linkExternal(id, issuer, subject, birthDate);
        Account created = get(id);
        audit.recordAs(username, "account.created-by-national-identity", "account", id, null, created);
        return created;
    }

    @Transactional
    public void grant(long userId, Role role, Long agencyId) {
        get(userId);
        Problems p = new Problems();
        p.require(!role.scoped() || agencyId != null, "agencyId", "Vai trò \"" + role.label() + "\" phải gắn với một đơn vị.");
        p.throwIfAny();
        if (store.grants(userId).contains(new RoleGrant(role, role.scoped() ? agencyId : null))) {
            p.add("role", "Tài khoản đã có vai trò này tại đơn vị đã chọn.").throwIfAny();
        }
        store.grant(userId, role, role.scoped() ? agencyId : null);
        audit.record("account.role-granted", "account", userId, null, new RoleGrant(role, role.scoped() ? agencyId : null));
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        if (store.setEnabled(userId, enabled) != 1) {
            throw new NotFoundException("Không tìm thấy tài khoản.");
        }
        audit.record(enabled ? "account.enabled" : "account.disabled", "account", userId, null, java.util.Map.of("enabled", enabled));
    }

    /** Changes one's own password: the current one must be right and the new one must pass the password rule. */
    @Transactional
    public void changePassword(long userId, String current, String next) {
        Account account = get(userId);
        Problems p = new Problems();
        p.require(passwordMatches(account, current), "current", "Mật khẩu hiện tại không đúng.");
        passwords.problem(next, account.username()).ifPresent(m -> p.add("password", m));
        p.require(next == null || current == null || !next.equals(current), "password", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        p.throwIfAny();
        store.setPassword(userId, encoder.encode(next), Instant.now());
        audit.record("account.password-changed", "account", userId, null, null);
    }

    /** Whether the account signs in with a second factor (TOTP). */
    @Transactional(readOnly = true)
    public boolean secondFactorEnabled(long userId) {
        return store.secondFactor(userId).enabled();
    }

    /** Turns the second factor on with a secret the user's app holds, once a code from the app proves it. */
    @Transactional
    public void enableSecondFactor(long userId, String secret, String code) {
        get(userId);
        OptionalLong step = Totp.accept(secret, code, Instant.now(), null);
        if (step.isEmpty()) {
            throw ValidationException.of("code", "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng.");
        }
        store.enableSecondFactor(userId, secret, step.getAsLong(), Instant.now());
        audit.record("account.second-factor-enabled", "account", userId, null, null);
    }

    /** Turns the second factor off (password and a current code required); administrators must keep it. */
    @Transactional
    public void disableSecondFactor(long userId, String password, String code) {
        Account account = get(userId);
        if (account.roles().stream().anyMatch(g -> g.role() == Role.ADMIN)) {
            throw ValidationException.of("code", "Tài khoản quản trị bắt buộc dùng xác thực hai bước.");
        }
        Problems p = new Problems();
        p.require(passwordMatches(account, password), "current", "Mật khẩu hiện tại không đúng.");
        p.require(acceptSecondFactor(userId, code), "code", "Mã xác thực không đúng hoặc đã dùng.");
        p.throwIfAny();
        store.disableSecondFactor(userId);
        audit.record("account.second-factor-disabled", "account", userId, null, null);
    }

    /**
     * Whether the account's current password is the one typed; wrong ones count against the account and the address
     * like failed logins, so that a stolen session cannot be used to guess the password.
     */
    private boolean passwordMatches(Account account, String raw) {
        String address = AuditLog.currentAddress();
        throttle.blockedFor(account.username(), address).ifPresent(wait -> {
            throw ValidationException.of("current", "Đã nhập sai mật khẩu quá nhiều lần; hãy thử lại sau "
                    + TooManyAttemptsException.describe(wait) + ".");
        });
        String hash = store.credentials(account.username()).map(AccountStore.Credentials::passwordHash).orElse(null);
        boolean matches = raw != null && hash != null && encoder.matches(raw, hash);
        if (!matches) {
            throttle.failed(account.username(), address);
        }
        return matches;
    }

    /** Checks a code of the account's second factor and uses it up (a code is accepted once). */
    @Transactional
    public boolean acceptSecondFactor(long userId, String code) {
        AccountStore.SecondFactor f = store.secondFactor(userId);
        if (!f.enabled()) {
            return false;
        }
        OptionalLong step = Totp.accept(f.secret(), code, Instant.now(), f.lastStep());
        return step.isPresent() && store.useStep(userId, step.getAsLong());
    }

    /** Checks a code of the account's second factor without using it up (API requests signed with HTTP Basic). */
    @Transactional(readOnly = true)
    public boolean checkSecondFactor(long userId, String code) {
        AccountStore.SecondFactor f = store.secondFactor(userId);
        return f.enabled() && Totp.accept(f.secret(), code, Instant.now(), null).isPresent();
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản."));
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        return store.list();
    }

    /** Enabled accounts holding the role, with the units they hold it for. */
    @Transactional(readOnly = true)
    public List<Account> withRole(Role role) {
        return store.list().stream().filter(a -> a.enabled() && a.roles().stream().anyMatch(g -> g.role() == role)).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return store.list().size();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
