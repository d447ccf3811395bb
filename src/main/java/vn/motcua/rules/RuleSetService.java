package vn.motcua.rules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.rules.internal.RuleSetStore;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ReloadingCache;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Public API: the rule set in force on a date, and administration of rule sets. A rule set that is already
 * in force is never changed (dossiers received under it keep it); a new one is added with a future date.
 */
@Service
public class RuleSetService {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*");
    /** Forms every rule set must have; the notice of stopping exists only since Circular 03/2025. */
    private static final Set<FormKind> REQUIRED = EnumSet.of(FormKind.RECEIPT, FormKind.SUPPLEMENT, FormKind.REFUSAL, FormKind.APOLOGY,
            FormKind.CONTROL_SHEET, FormKind.BOOK);

    private final RuleSetStore store;
    private final Clock clock;
    private final AuditLog audit;
    private final Path formsDir;
    /** Read for every dossier and form; changed a few times in a decade. */
    private final ReloadingCache<String, List<LegalRuleSet>> cache = new ReloadingCache<>(Duration.ofSeconds(30));

    public RuleSetService(RuleSetStore store, Clock clock, @Value("${motcua.forms.dir:./forms}") String formsDir, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.formsDir = Path.of(formsDir);
    }

    public List<LegalRuleSet> all() {
        return cache.get("all", k -> store.all());
    }

    /** The rule set in force on the date (the oldest one for a date before every rule set). */
    public LegalRuleSet inForceOn(LocalDate date) {
        List<LegalRuleSet> list = all();
        LegalRuleSet found = list.get(0);
        for (LegalRuleSet r : list) {
            if (!r.effectiveFrom().isAfter(date)) {
                found = r;
            }
        }
        return found;
    }

    public LegalRuleSet get(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Không tìm thấy bộ quy tắc số " + id + "."));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether a form template exists (in the province's forms folder or among the built-in ones). */
    public boolean templateExists(String template) {
        return template != null && TEMPLATE.matcher(template).matches()
                && (Files.isRegularFile(formsDir.resolve(template + ".html")) || new ClassPathResource("templates/forms/" + template + ".html").exists());
    }

    public Path formsDir() {
        return formsDir;
    }

    @Transactional
    public LegalRuleSet create(RuleSetDraft d, String user) {
        check(d, null);
        cache.invalidate();
        long id = store.insert(d, user, clock.instant());
        audit.record("rules.created", "rule-set", id, null, d);
        return get(id);
    }

    @Transactional
    public LegalRuleSet update(long id, long rowVersion, RuleSetDraft d) {
        LegalRuleSet current = get(id);
        if (!current.effectiveFrom().isAfter(today())) {
            throw new ConflictException("Bộ quy tắc " + current.code() + " đã có hiệu lực từ " + VN.format(current.effectiveFrom())
                    + "; không được sửa (hồ sơ đã tiếp nhận theo nó giữ nguyên). Hãy thêm bộ quy tắc mới có hiệu lực từ một ngày sau.");
        }
        check(d, id);
        cache.invalidate();
        if (store.update(id, rowVersion, d) != 1) {
            throw new ConflictException("Bộ quy tắc vừa được người khác sửa. Vui lòng tải lại trang.");
        }
        audit.record("rules.changed", "rule-set", id, current, d);
        return get(id);
    }

    private void check(RuleSetDraft d, Long id) {
        Problems p = new Problems();
        p.requireText(d.code(), "code", "Mã bộ quy tắc");
        p.requireText(d.name(), "name", "Tên bộ quy tắc");
        p.requireText(d.mechanismBasis(), "mechanismBasis", "Căn cứ (nghị định về cơ chế một cửa)");
        p.requireText(d.formsBasis(), "formsBasis", "Căn cứ (thông tư quy định biểu mẫu)");
        p.require(d.effectiveFrom() != null && d.effectiveFrom().isAfter(today()), "effectiveFrom",
                "Ngày hiệu lực phải sau hôm nay: không áp quy tắc mới cho hồ sơ đã tiếp nhận.");
        p.require(d.cutoff() != null && d.cutoff().isAfter(LocalTime.of(6, 0)) && d.cutoff().isBefore(LocalTime.of(20, 0)), "cutoff",
                "Giờ chốt nhận hồ sơ phải trong ngày làm việc (ví dụ 15:00).");
        p.require(d.specialistSupplementDays() != null && d.specialistSupplementDays() >= 0 && d.specialistSupplementDays() <= 30,
                "specialistSupplementDays", "Số ngày làm việc cơ quan giải quyết được yêu cầu bổ sung phải từ 0 đến 30.");
        p.require(d.supplementClock() != null, "supplementClock", "Chưa chọn cách tính thời hạn sau khi bổ sung.");
        p.require(d.maxExtensions() != null && d.maxExtensions() >= 0 && d.maxExtensions() <= 5, "maxExtensions",
                "Số lần hẹn lại ngày trả kết quả phải từ 0 đến 5.");
        p.require(d.extensionMaxDays() == null || (d.extensionMaxDays().signum() > 0 && d.extensionMaxDays().compareTo(BigDecimal.valueOf(365)) <= 0),
                "extensionMaxDays", "Số ngày gia hạn tối đa phải lớn hơn 0 và không quá 365 (để trống: bằng thời hạn của thủ tục).");
        try {
            DossierCodePattern.parse(d.codePattern());
        } catch (IllegalArgumentException e) {
            p.add("codePattern", e.getMessage());
        }
        List<LegalForm> forms = d.forms() == null ? List.of() : d.forms();
        for (FormKind k : REQUIRED) {
            p.require(forms.stream().anyMatch(f -> f.kind() == k), "forms", "Thiếu biểu mẫu: " + k.label() + ".");
        }
        for (LegalForm f : forms) {
            p.require(f.number() != null && f.number().matches("[0-9A-Za-z./-]{1,10}"), "forms", f.kind().label() + ": số hiệu mẫu không hợp lệ.");
            p.requireText(f.title(), "forms", f.kind().label() + ": tên mẫu");
            p.require(templateExists(f.template()), "forms", f.kind().label() + ": không tìm thấy mẫu in \"" + f.template()
                    + "\" (trong thư mục " + formsDir + " hoặc các mẫu có sẵn).");
        }
        p.throwIfAny();
        if (store.exists("code", d.code().trim(), id)) {
            p.add("code", "Mã bộ quy tắc " + d.code().trim() + " đã có.");
        }
        if (store.exists("effective_from", java.sql.Date.valueOf(d.effectiveFrom()), id)) {
            p.add("effectiveFrom", "Đã có bộ quy tắc hiệu lực từ " + VN.format(d.effectiveFrom()) + ".");
        }
        p.throwIfAny();
    }
}
