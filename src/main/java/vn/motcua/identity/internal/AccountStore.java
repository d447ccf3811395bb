package vn.motcua.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountType;
import vn.motcua.identity.Role;
import vn.motcua.identity.RoleGrant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for user_account and user_role. */
@Repository
public class AccountStore {
    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Credentials(long id, String username, String passwordHash, boolean enabled, String fullName, boolean secondFactor) {
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("select id, username, password_hash, enabled, full_name, totp_enabled_at from user_account where lower(username) = lower(?)")
                .param(username.trim())
                .query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getTimestamp(6) != null))
                .optional();
    }

    /** The second factor of an account: its secret, whether it is on, and the step of the last accepted code. */
    public record SecondFactor(String secret, boolean enabled, Long lastStep) {
    }

    public SecondFactor secondFactor(long userId) {
        return jdbc.sql("select totp_secret, totp_enabled_at, totp_last_step from user_account where id = ?").param(userId)
                .query((rs, n) -> new SecondFactor(rs.getString(1), rs.getTimestamp(2) != null, (Long) rs.getObject(3, Long.class)))
                .single();
    }

    public void enableSecondFactor(long userId, String secret, long step, Instant at) {
        jdbc.sql("update user_account set totp_secret = ?, totp_enabled_at = ?, totp_last_step = ?, row_version = row_version + 1 where id = ?")
                .params(secret, Timestamp.from(at), step, userId).update();
    }

    public void disableSecondFactor(long userId) {
        jdbc.sql("update user_account set totp_secret = null, totp_enabled_at = null, totp_last_step = null, row_version = row_version + 1 where id = ?")
                .param(userId).update();
    }

    /** Records the step of an accepted code, only if it is newer than the last one (so a code is used once). */
    public boolean useStep(long userId, long step) {
        return jdbc.sql("update user_account set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step, userId, step).update() == 1;
    }

    public void setPassword(long userId, String hash, Instant at) {
        jdbc.sql("update user_account set password_hash = ?, password_changed_at = ?, row_version = row_version + 1 where id = ?")
                .params(hash, Timestamp.from(at), userId).update();
    }

    public boolean idNumberExists(String idNumber) {
        return jdbc.sql("select count(*) from user_account where id_number = ?").param(idNumber.trim()).query(Long.class).single() > 0;
    }

    public Optional<Long> byExternal(String issuer, String subject) {
        return jdbc.sql("select id from user_account where external_issuer = ? and external_subject = ?").params(issuer, subject).query(Long.class).optional();
    }

    public Optional<Long> byIdNumber(String idNumber) {
        return jdbc.sql("select id from user_account where id_number = ?").param(idNumber).query(Long.class).optional();
    }

    public void linkExternal(long id, String issuer, String subject, java.time.LocalDate birthDate) {
        jdbc.sql("update user_account set external_issuer = ?, external_subject = ?, birth_date = coalesce(?, birth_date), row_version = row_version + 1 where id = ?")
                .params(issuer, subject, birthDate, id).update();
    }

    public boolean usernameExists(String username) {
        return jdbc.sql("select count(*) from user_account where lower(username) = lower(?)").param(username.trim())
                .query(Long.class).single() > 0;
    }

    public long insert(String username, String hash, String fullName, AccountType type, String email, String phone,
                       String idNumber, String taxCode) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into user_account (username, password_hash, full_name, account_type, email, phone, id_number, tax_code, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username.trim(), hash, fullName.trim(), type.name(), email, phone, idNumber, taxCode,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void grant(long userId, Role role, Long agencyId) {
        jdbc.sql("insert into user_role (user_id, role, agency_id) values (?, ?, ?)").params(userId, role.name(), agencyId).update();
    }

    public int setEnabled(long userId, boolean enabled) {
        return jdbc.sql("update user_account set enabled = ?, row_version = row_version + 1 where id = ?").params(enabled, userId).update();
    }

    public List<RoleGrant> grants(long userId) {
        return jdbc.sql("select role, agency_id from user_role where user_id = ? order by id").param(userId)
                .query((rs, n) -> new RoleGrant(Role.valueOf(rs.getString(1)), rs.getObject(2, Long.class))).list();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select * from user_account where id = ?").param(id).query(this::account).optional();
    }

    public List<Account> list() {
        return jdbc.sql("select * from user_account order by account_type desc, username").query(this::account).list();
    }

    private Account account(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Account(id, rs.getString("username"), rs.getString("full_name"),
                AccountType.valueOf(rs.getString("account_type")), rs.getString("email"), rs.getString("phone"),
                rs.getString("id_number"), rs.getString("tax_code"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), grants(id));
    }
}
