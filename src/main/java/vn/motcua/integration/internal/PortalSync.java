package vn.motcua.integration.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierFile;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierService;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.integration.domain.PortalPayloads;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.shared.Digests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a dossier's changes in the outbox for the national portal: first the whole dossier ({@code DongBoHoSoMC}) when
 * anything the portal reads changed, then one {@code DongBoTrangThaiHoSo} per history line not yet queued. It catches
 * up to the dossier's current state, under a lock on the dossier's sync row, so that events handled twice or in
 * parallel queue each change once and in order.
 */
@Component
public class PortalSync {
    private final JdbcClient jdbc;
    private final OutboxStore outbox;
    private final DossierService dossiers;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final PaymentService payments;
    private final ObjectMapper json;
    private final IntegrationProperties props;
    private final Clock clock;
    private final FileLinks fileLinks;

    PortalSync(FileLinks fileLinks, JdbcClient jdbc, OutboxStore outbox, DossierService dossiers, CatalogService catalog, AgencyService agencies,
               PaymentService payments, ObjectMapper json, IntegrationProperties props, Clock clock) {
        this.fileLinks = fileLinks;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.agencies = agencies;
        this.payments = payments;
        this.json = json;
        this.props = props;
        this.clock = clock;
    }

    private record State(long lastHistoryId, String snapshotHash, int snapshots) {
    }

    /** Sends the whole dossier again (reconciliation found the portal lacks it); returns the number of messages added. */
    @Transactional
    public int resync(long dossierId) {
        jdbc.sql("update portal_sync_state set snapshot_hash = null where dossier_id = ?").param(dossierId).update();
        return catchUp(dossierId);
    }

    /** Queues what the portal has not been sent of this dossier; returns the number of messages added. */
    @Transactional
    public int catchUp(long dossierId) {
        LocalDateTime now = LocalDateTime.now(clock);
        // one catch-up per dossier at a time: the dossier's own row is the lock (a failed insert would end a PostgreSQL transaction)
        DossierOrigin origin = dossiers.lockedOrigin(dossierId);
        if (origin.handledElsewhere()) {
            return 0; // the sectoral system that handles it syncs it itself
        }
        State state = jdbc.sql("select last_history_id, snapshot_hash, snapshots from portal_sync_state where dossier_id = ?")
                .param(dossierId).query((rs, n) -> new State(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional().orElse(null);
        Dossier d = dossiers.get(dossierId);
        if (state == null) { // the dossier's first sync (no other can be running: the lock above)
            jdbc.sql("insert into portal_sync_state (dossier_id, dossier_code, updated_at) values (?, ?, ?)").params(dossierId, d.code(), now).update();
            state = new State(0, null, 0);
        }
        int added = 0;
        Map<String, Object> snapshot = PortalPayloads.dossier(d, context(d, origin));
        String body = body("DongBoHoSoMC", snapshot);
        String hash = Digests.sha256Hex(body);
        int snapshots = state.snapshots();
        if (!hash.equals(state.snapshotHash())) {
            snapshots++;
            if (outbox.add("DVCQG:DongBoHoSoMC:" + d.code() + ":" + snapshots, PortalSender.SYSTEM, "DongBoHoSoMC", "dossier:" + d.id(), d.id(),
                    d.code(), "Hồ sơ " + d.code() + ": " + d.status().label(), body, now)) {
                added++;
            }
        }
        long last = state.lastHistoryId();
        Map<Long, Agency> units = agencies.byId();
        LocalDateTime stepStarted = d.submittedAt();
        for (DossierHistoryEntry h : d.history()) {
            if (h.action() == DossierAction.WARN) {
                continue;
            }
            if (h.id() > state.lastHistoryId()) {
                Agency unit = h.agencyId() == null ? null : units.get(h.agencyId());
                Map<String, Object> status = PortalPayloads.status(d, h, title(h), unit == null ? null : unit.name(), stepStarted);
                if (outbox.add("DVCQG:DongBoTrangThaiHoSo:" + d.code() + ":" + h.id(), PortalSender.SYSTEM, "DongBoTrangThaiHoSo", "dossier:" + d.id(),
                        d.id(), d.code(), "Trạng thái " + d.code() + ": " + h.action().label(), body("DongBoTrangThaiHoSo", status), now)) {
                    added++;
                }
                last = Math.max(last, h.id());
            }
            stepStarted = h.at();
        }
        jdbc.sql("update portal_sync_state set last_history_id = ?, snapshot_hash = ?, snapshots = ?, updated_at = ? where dossier_id = ?")
                .params(last, hash, snapshots, now, dossierId).update();
        return added;
    }

    private static String title(DossierHistoryEntry h) {
        return switch (h.action()) {
            case SUBMIT -> "Người nộp hồ sơ";
            case ACCEPT, REFUSE, REQUEST_SUPPLEMENT_AT_INTAKE, SUPPLEMENT_AT_INTAKE, RETURN_RESULT -> "Cán bộ tiếp nhận";
            case APPROVE, DECLINE_SUPPLEMENT, APOLOGISE, STOP -> "Lãnh đạo";
            default -> "Chuyên viên";
        };
    }

    private String body(String service, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        m.put("MaDonVi", props.portal().clientId());
        m.put("data", List.of(data));
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PortalPayloads.Context context(Dossier d, DossierOrigin origin) {
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        String national = jdbc.sql("select national_code from portal_procedure where local_code = ?").param(d.procedureCode())
                .query(String.class).optional().orElse(d.procedureCode());
        List<PortalPayloads.FeeLine> fees = new ArrayList<>();
        for (Payment p : payments.ofDossier(d.id())) {
            if (p.status() != PaymentStatus.PAID && p.status() != PaymentStatus.REFUNDED) {
                continue;
            }
            boolean online = p.method() == PaymentMethod.GATEWAY;
            for (var item : p.items()) {
                fees.add(new PortalPayloads.FeeLine(item.kind().name(), item.name(), item.amount(), item.kind() == vn.motcua.catalog.FeeKind.FEE, online));
            }
        }
        String resultCode = d.files().stream().filter(f -> f.kind() == DossierFile.Kind.RESULT && f.resultCode() != null)
                .map(DossierFile::resultCode).reduce((a, b) -> b).orElse(null);
        String base = props.publicBaseUrl();
        String id = d.applicant().idNumber();
        return new PortalPayloads.Context(national, v.field() == null ? null : v.field().code(), v.field() == null ? null : v.field().name(),
                agencies.get(d.handlingAgencyId()).name(), props.portal().clientId(), fees, resultCode,
                resultCode == null ? null : base + "/xac-thuc/" + resultCode, origin, id != null && id.length() != 12,
                f -> fileLinks.link(d.code(), f.id()));
    }
}
