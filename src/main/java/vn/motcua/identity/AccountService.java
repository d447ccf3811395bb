package vn.motcua.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.internal.AccountStore;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;

import java.util.List;
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

    public AccountService(AccountStore store, PasswordEncoder encoder, AgencyService agencies) {
        this.store = store;
        this.encoder = encoder;
        this.agencies = agencies;
    }

    @Transactional
    public Account create(NewAccount a) {
        Problems p = new Problems();
        p.require(a.username() != null && USERNAME.matcher(a.username().trim()).matches(), "username",
                "Tên đăng nhập gồm 3–80 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang, @.");
        p.require(a.password() != null && a.password().length() >= 8, "password", "Mật khẩu phải có ít nhất 8 ký tự.");
        p.requireText(a.fullName(), "fullName", "Họ và tên");
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
        if (a.username() != null && USERNAME.matcher(a.username().trim()).matches() && store.usernameExists(a.username())) {
            p.add("username", "Tên đăng nhập \"" + a.username().trim() + "\" đã được sử dụng.");
        }
        p.throwIfAny();
        long id = store.insert(a.username(), encoder.encode(a.password()), a.fullName(), a.type(), trim(a.email()),
                trim(a.phone()), trim(a.idNumber()), trim(a.taxCode()));
        for (RoleGrant g : roles) {
            store.grant(id, g.role(), g.role().scoped() ? g.agencyId() : null);
        }
        return get(id);
    }

    /** Self-registration of a citizen or business on the public portal. */
    @Transactional
    public Account register(NewAccount a) {
        AccountType type = a.type() == AccountType.BUSINESS ? AccountType.BUSINESS : AccountType.CITIZEN;
        return create(new NewAccount(a.username(), a.password(), a.fullName(), type, a.email(), a.phone(), a.idNumber(),
                a.taxCode(), List.of(new RoleGrant(Role.CITIZEN, null))));
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
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        if (store.setEnabled(userId, enabled) != 1) {
            throw new NotFoundException("Không tìm thấy tài khoản.");
        }
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
