package vn.motcua.organization.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.NewAgency;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** SQL for the agency tables. */
@Repository
public class AgencyStore {
    private final JdbcClient jdbc;

    public AgencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AgencyRecord> all() {
        return jdbc.sql("select * from agency order by id").query((rs, n) -> new AgencyRecord(
                rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                AgencyType.valueOf(rs.getString("agency_type")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), (Long) rs.getObject("successor_id", Long.class),
                rs.getString("end_reason"), rs.getString("address"), rs.getString("phone"), rs.getString("email"),
                rs.getString("identifier_code"))).list();
    }

    public List<ParentLink> links() {
        return jdbc.sql("select * from agency_parent order by id").query((rs, n) -> new ParentLink(
                rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("parent_id"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class))).list();
    }

    /** Sets the contact details and identifier code of a unit; 0 when someone else changed it first. */
    public int updateDetails(long id, long rowVersion, String identifierCode, String address, String phone, String email) {
        return jdbc.sql("""
                update agency set identifier_code = :identifier, address = :address, phone = :phone, email = :email, row_version = row_version + 1
                where id = :id and row_version = :rv""")
                .param("identifier", blankToNull(identifierCode)).param("address", blankToNull(address)).param("phone", blankToNull(phone))
                .param("email", blankToNull(email)).param("id", id).param("rv", rowVersion).update();
    }

    public long rowVersion(long id) {
        return jdbc.sql("select row_version from agency where id = ?").param(id).query(Long.class).single();
    }

    public boolean identifierExists(String identifierCode, long exceptId) {
        return jdbc.sql("select count(*) from agency where identifier_code = ? and id <> ?").params(identifierCode, exceptId).query(Long.class).single() > 0;
    }

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from agency where upper(code) = upper(?)").param(code).query(Long.class).single() > 0;
    }

    public long insert(NewAgency a) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into agency (code, name, short_name, agency_type, address, phone, email, valid_from, identifier_code)
                values (:code, :name, :shortName, :type, :address, :phone, :email, :validFrom, :identifier)""")
                .param("code", a.code().trim()).param("name", a.name().trim()).param("shortName", blankToNull(a.shortName()))
                .param("type", a.type().name()).param("address", blankToNull(a.address()))
                .param("phone", blankToNull(a.phone())).param("email", blankToNull(a.email()))
                .param("validFrom", Date.valueOf(a.validFrom())).param("identifier", blankToNull(a.identifierCode()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void link(long agencyId, long parentId, LocalDate from) {
        jdbc.sql("insert into agency_parent (agency_id, parent_id, valid_from) values (?, ?, ?)")
                .params(agencyId, parentId, Date.valueOf(from)).update();
    }

    /** Ends the parent link in force on the date; returns how many links were ended. */
    public int endLink(long agencyId, LocalDate on) {
        return jdbc.sql("""
                update agency_parent set valid_until = :on
                where agency_id = :id and valid_from < :on and (valid_until is null or valid_until > :on)""")
                .param("on", Date.valueOf(on)).param("id", agencyId).update();
    }

    /** Ends a unit that is still open; 0 when someone else ended it first. */
    public int end(long agencyId, LocalDate on, Long successorId, String reason) {
        return jdbc.sql("""
                update agency set valid_until = :on, successor_id = :successor, end_reason = :reason,
                       row_version = row_version + 1
                where id = :id and valid_until is null and valid_from < :on""")
                .param("on", Date.valueOf(on)).param("successor", successorId).param("reason", reason)
                .param("id", agencyId).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
