package vn.motcua.integration;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ExternalDossier;
import vn.motcua.shared.Problems;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ministries' sectoral systems (land, business registration, police …) that handle some of the province's dossiers in
 * their own systems report each dossier and each change of its state; the dossier then appears here (lists, tracking,
 * statistics, the service-quality index) and stays read-only. A report id makes each report idempotent.
 */
@Service
public class SectoralService {
    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    SectoralService(JdbcClient jdbc, DossierService dossiers, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** A sectoral system that may report, with its key. */
    public record SectoralSystem(String code, String name, boolean enabled) {
    }

    public List<SectoralSystem> systems() {
        return jdbc.sql("select code, name, enabled from sectoral_system order by code")
                .query((rs, n) -> new SectoralSystem(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** Applies a signed report of the system: creates or updates its dossier (a report id seen before changes nothing). */
    public PartnerCall report(String system, JsonNode r) {
        Problems p = new Problems();
        String reportId = r.path("reportId").asText("").trim();
        p.require(!reportId.isBlank() && reportId.length() <= 200, "reportId", "Thiếu mã báo cáo (reportId), tối đa 200 ký tự.");
        p.throwIfAny();
        Optional<String> earlier = jdbc.sql("select outcome from sectoral_report where system_code = ? and report_key = ?").params(system, reportId)
                .query(String.class).optional();
        if (earlier.isPresent()) {
            return new PartnerCall("DUPLICATE", earlier.get(), "Báo cáo này đã được nhận trước đó.");
        }
        JsonNode a = r.path("applicant");
        DossierStatus status = null;
        try {
            status = DossierStatus.valueOf(r.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            p.add("status", "Trạng thái không hợp lệ; dùng SUBMITTED, PROCESSING, PAUSED, RETURNED, REFUSED, STOPPED hoặc WITHDRAWN.");
        }
        Channel channel = null;
        try {
            channel = Channel.valueOf(r.path("channel").asText("COUNTER"));
        } catch (IllegalArgumentException e) {
            p.add("channel", "Kênh không hợp lệ; dùng COUNTER, ONLINE hoặc POST.");
        }
        ExternalDossier x = new ExternalDossier(system, r.path("externalCode").asText(null), r.path("procedureCode").asText(null),
                r.path("receivingUnitCode").asText(null), r.path("handlingUnitCode").asText(null),
                new Applicant(a.path("name").asText(null), a.path("idNumber").asText(null), a.path("phone").asText(null), a.path("email").asText(null),
                        a.path("address").asText(null)), channel, time(r, "submittedAt", p), time(r, "receivedAt", p), time(r, "dueAt", p), status,
                time(r, "processedAt", p), time(r, "finishedAt", p), r.path("late").isBoolean() ? r.path("late").asBoolean() : null,
                r.path("resultText").asText(null), Optional.ofNullable(time(r, "at", p)).orElse(LocalDateTime.now(clock)), r.path("note").asText(null));
        p.throwIfAny();
        Optional<Dossier> before = dossiers.external(system, x.externalCode());
        return tx.execute(s -> {
            Dossier d = dossiers.recordExternal(x, system);
            String outcome = before.isEmpty() ? "CREATED" : before.get().rowVersion() == d.rowVersion() ? "DUPLICATE" : "UPDATED";
            jdbc.sql("insert into sectoral_report (system_code, report_key, dossier_id, kind, received_at, outcome) values (?, ?, ?, ?, ?, ?)")
                    .params(system, reportId, d.id(), outcome, LocalDateTime.now(clock), d.code()).update();
            audit.recordAs(system, "sectoral.reported", "dossier", d.id(), null, Map.of("reportId", reportId, "status", d.status().name()));
            return new PartnerCall(outcome, d.code(), d.status().label());
        });
    }

    private static LocalDateTime time(JsonNode r, String field, Problems p) {
        String s = r.path(field).asText(null);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            p.add(field, "Thời điểm " + field + " phải theo dạng yyyy-MM-ddTHH:mm:ss.");
            return null;
        }
    }

    /** Registers (or replaces the key of) a sectoral system; the key is shown once to the administrator. */
    public void register(String code, String name, String secret) {
        Problems p = new Problems();
        p.require(code != null && code.matches("[A-Z0-9_.\\-]{2,30}") && !code.equals("DVCQG") && !code.equals("VNPOST") && !code.equals("LEGACY"),
                "code", "Mã hệ thống gồm 2–30 chữ in hoa, số, . _ - (không dùng DVCQG, VNPOST, LEGACY).");
        p.require(name != null && !name.isBlank() && name.length() <= 200, "name", "Nhập tên hệ thống.");
        p.require(secret != null && secret.length() >= 16 && secret.length() <= 200, "secret", "Khóa chung dài 16–200 ký tự.");
        p.throwIfAny();
        if (jdbc.sql("update sectoral_system set name = ?, secret = ?, enabled = true where code = ?").params(name.trim(), secret, code).update() == 0) {
            jdbc.sql("insert into sectoral_system (code, name, secret) values (?, ?, ?)").params(code, name.trim(), secret).update();
        }
        audit.record("sectoral.system-registered", "sectoral_system", code, null, Map.of("name", name.trim()));
    }
}
