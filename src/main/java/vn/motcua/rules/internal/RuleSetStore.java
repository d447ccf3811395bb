package vn.motcua.rules.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.rules.FormKind;
import vn.motcua.rules.LegalForm;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetDraft;
import vn.motcua.rules.SupplementClock;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for rule sets and their forms. */
@Repository
public class RuleSetStore {
    private final JdbcClient jdbc;

    public RuleSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LegalRuleSet> all() {
        Map<Long, List<LegalForm>> forms = new LinkedHashMap<>();
        jdbc.sql("select rule_set_id, kind, form_no, title, template from legal_rule_form order by rule_set_id, form_no")
                .query(rs -> {
                    forms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new LegalForm(FormKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return jdbc.sql("select * from legal_rule_set order by effective_from").query((rs, n) -> new LegalRuleSet(
                rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getDate("effective_from").toLocalDate(),
                rs.getString("mechanism_basis"), rs.getString("forms_basis"), rs.getString("code_pattern"),
                rs.getTime("cutoff").toLocalTime(), rs.getInt("specialist_supplement_days"),
                SupplementClock.valueOf(rs.getString("supplement_clock")), rs.getBoolean("second_supplement_approval"),
                rs.getInt("max_extensions"), rs.getBigDecimal("extension_max_days"), rs.getLong("row_version"),
                List.copyOf(forms.getOrDefault(rs.getLong("id"), List.of())))).list();
    }

    public boolean exists(String column, Object value, Long exceptId) {
        return jdbc.sql("select count(*) from legal_rule_set where " + column + " = :v and id <> :id")
                .param("v", value).param("id", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    public long insert(RuleSetDraft d, String user, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into legal_rule_set (code, name, effective_from, mechanism_basis, forms_basis, code_pattern, cutoff,
                  specialist_supplement_days, supplement_clock, second_supplement_approval, max_extensions, extension_max_days, created_by, created_at)
                values (:code, :name, :from, :mechanism, :forms, :pattern, :cutoff, :days, :clock, :approval, :ext, :extDays, :user, :at)""")
                .params(values(d)).param("user", user).param("at", Timestamp.from(at)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertForms(id, d.forms());
        return id;
    }

    public int update(long id, long rowVersion, RuleSetDraft d) {
        int n = jdbc.sql("""
                update legal_rule_set set code = :code, name = :name, effective_from = :from, mechanism_basis = :mechanism, forms_basis = :forms,
                  code_pattern = :pattern, cutoff = :cutoff, specialist_supplement_days = :days, supplement_clock = :clock,
                  second_supplement_approval = :approval, max_extensions = :ext, extension_max_days = :extDays, row_version = row_version + 1
                where id = :id and row_version = :rv""")
                .params(values(d)).param("id", id).param("rv", rowVersion).update();
        if (n == 1) {
            jdbc.sql("delete from legal_rule_form where rule_set_id = ?").param(id).update();
            insertForms(id, d.forms());
        }
        return n;
    }

    private void insertForms(long id, List<LegalForm> forms) {
        for (LegalForm f : forms) {
            jdbc.sql("insert into legal_rule_form (rule_set_id, kind, form_no, title, template) values (?, ?, ?, ?, ?)")
                    .params(id, f.kind().name(), f.number(), f.title(), f.template()).update();
        }
    }

    private static Map<String, Object> values(RuleSetDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code().trim());
        m.put("name", d.name().trim());
        m.put("from", java.sql.Date.valueOf(d.effectiveFrom()));
        m.put("mechanism", d.mechanismBasis().trim());
        m.put("forms", d.formsBasis().trim());
        m.put("pattern", d.codePattern().trim());
        m.put("cutoff", Time.valueOf(d.cutoff()));
        m.put("days", d.specialistSupplementDays());
        m.put("clock", d.supplementClock().name());
        m.put("approval", d.secondSupplementApproval());
        m.put("ext", d.maxExtensions());
        m.put("extDays", d.extensionMaxDays());
        return m;
    }
}
