package vn.motcua.dossier.internal;

import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Apology;
import vn.motcua.dossier.BookRow;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierHistoryEntry;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.SupplementRequest;
import vn.motcua.dossier.domain.ControlSheet;
import vn.motcua.identity.Account;
import vn.motcua.identity.AccountService;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.rules.FormKind;
import vn.motcua.rules.LegalForm;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.QrCodes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills the forms of the dossier's own rule set (Circular 01/2018 for dossiers received before 1 July 2025,
 * Circular 03/2025 after) with what the law asks each to show, and renders them to PDF.
 */
@Component
public class DossierForms {
    private final FormRenderer renderer;
    private final RuleSetService ruleSets;
    private final AgencyService agencies;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final WorkingCalendarService calendars;
    private final DossierService dossiers;
    private final DossierStore store;

    public DossierForms(FormRenderer renderer, RuleSetService ruleSets, AgencyService agencies, AccountService accounts, CatalogService catalog,
                        WorkingCalendarService calendars, DossierService dossiers, DossierStore store) {
        this.store = store;
        this.dossiers = dossiers;
        this.renderer = renderer;
        this.ruleSets = ruleSets;
        this.agencies = agencies;
        this.accounts = accounts;
        this.catalog = catalog;
        this.calendars = calendars;
    }

    /** Who issues a form: the unit, the body it belongs to, and the place name written before the date. */
    public record Issuer(String parentName, String unitName, String place) {
    }

    /** Whether the dossier has this form now ({@code seq} picks a supplement request or apology; null = the latest). */
    public boolean available(Dossier d, FormKind kind) {
        LegalRuleSet rules = ruleSets.get(d.ruleSetId());
        if (rules.form(kind).isEmpty()) {
            return false;
        }
        return switch (kind) {
            case RECEIPT -> d.receivedAt() != null;
            case SUPPLEMENT -> !d.supplements().isEmpty();
            case REFUSAL -> d.status() == DossierStatus.REFUSED;
            case APOLOGY -> !d.apologies().isEmpty();
            case STOP -> d.status() == DossierStatus.STOPPED;
            case CONTROL_SHEET -> d.receivedAt() != null;
            case BOOK -> false;
        };
    }

    /** The form as PDF; throws {@link NotFoundException} when the dossier has no such form. */
    public byte[] pdf(Dossier d, FormKind kind, Integer seq, String trackingUrl) {
        return renderer.pdf(template(d, kind), model(d, kind, seq, trackingUrl));
    }

    /** The same form as HTML (what the PDF is made of; tests and previews read it). */
    public String html(Dossier d, FormKind kind, Integer seq, String trackingUrl) {
        return renderer.html(template(d, kind), model(d, kind, seq, trackingUrl));
    }

    private String template(Dossier d, FormKind kind) {
        if (!available(d, kind)) {
            throw new NotFoundException("Hồ sơ " + d.code() + " không có " + kind.label().toLowerCase() + " (theo "
                    + ruleSets.get(d.ruleSetId()).formsBasis() + ").");
        }
        return ruleSets.get(d.ruleSetId()).form(kind).orElseThrow().template();
    }

    private Map<String, Object> model(Dossier d, FormKind kind, Integer seq, String trackingUrl) {
        LegalRuleSet rules = ruleSets.get(d.ruleSetId());
        LegalForm form = rules.form(kind).orElseThrow();
        Map<Long, Agency> all = agencies.byId();
        Map<String, Account> people = accounts.list().stream().collect(Collectors.toMap(Account::username, Function.identity()));
        Function<String, String> name = u -> people.containsKey(u) ? people.get(u).fullName() : u;
        ProcedureVersion v = catalog.version(d.procedureVersionId());
        Map<String, Object> m = new HashMap<>();
        m.put("d", d);
        m.put("form", form);
        m.put("rules", rules);
        m.put("procedure", v);
        m.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(trackingUrl, 240)));
        m.put("trackingUrl", trackingUrl);
        // the control sheet and the book stay inside the agency; every paper the applicant gets carries the secret
        m.put("trackingSecret", kind == FormKind.CONTROL_SHEET || kind == FormKind.BOOK ? null
                : vn.motcua.dossier.domain.TrackingSecret.display(store.trackingSecret(d.id())));
        m.put("receiving", all.get(d.receivingAgencyId()));
        m.put("handling", all.get(d.handlingAgencyId()));
        m.put("resultPlace", d.resultPlace().label());
        Issuer counter = issuer(d.receivingAgencyId(), all);
        switch (kind) {
            case RECEIPT -> {
                m.put("issuer", counter);
                m.put("at", d.receivedAt());
                m.put("officer", latest(d, DossierAction.ACCEPT).map(e -> name.apply(e.actor())).orElse(""));
                m.put("documents", d.documents().stream().filter(x -> x.present()).toList());
            }
            case SUPPLEMENT -> {
                SupplementRequest s = seq == null ? d.supplements().get(d.supplements().size() - 1)
                        : d.supplement(seq).orElseThrow(() -> new NotFoundException("Không có phiếu yêu cầu bổ sung số " + seq + "."));
                m.put("s", s);
                m.put("issuer", issuer(s.agencyId(), all));
                m.put("at", s.requestedAt());
                m.put("via", s.agencyId() == d.receivingAgencyId() ? null : all.get(d.receivingAgencyId()).name());
            }
            case REFUSAL -> {
                m.put("issuer", counter);
                m.put("at", d.finishedAt());
                DossierHistoryEntry e = last(d, DossierAction.REFUSE);
                m.put("reason", e.note());
                m.put("officer", name.apply(e.actor()));
            }
            case APOLOGY -> {
                Apology a = seq == null ? d.latestApology().orElseThrow()
                        : d.apologies().stream().filter(x -> x.seq() == seq).findFirst()
                        .orElseThrow(() -> new NotFoundException("Không có văn bản xin lỗi số " + seq + "."));
                m.put("a", a);
                m.put("issuer", issuer(a.agencyId(), all));
                m.put("at", a.issuedAt());
            }
            case STOP -> {
                DossierHistoryEntry e = last(d, DossierAction.STOP);
                m.put("issuer", issuer(e.agencyId() == null ? d.handlingAgencyId() : e.agencyId(), all));
                m.put("at", d.finishedAt());
                m.put("signer", name.apply(e.actor()));
            }
            case CONTROL_SHEET -> {
                m.put("issuer", counter);
                m.put("at", calendars.now());
                m.put("rows", ControlSheet.rows(d, dossiers.steps(d), calendars.calendar(), rules.cutoff(), id -> all.get(id).name(), name));
                m.put("coordinating", d.history().stream().filter(e -> e.action() == DossierAction.TRANSFER)
                        .map(e -> all.get(e.agencyId()).name()).distinct().toList());
            }
            case BOOK -> throw new IllegalArgumentException("the book is rendered with book()");
        }
        return m;
    }

    /** The dossier book of a one-stop unit for a period, under the rule set in force at its end. */
    public byte[] book(long unitId, LocalDate from, LocalDate to, List<BookRow> rows) {
        LegalRuleSet rules = ruleSets.inForceOn(to);
        Map<Long, Agency> all = agencies.byId();
        Map<String, Object> m = new HashMap<>();
        m.put("form", rules.form(FormKind.BOOK).orElseThrow());
        m.put("rules", rules);
        m.put("issuer", issuer(unitId, all));
        m.put("from", from);
        m.put("to", to);
        m.put("rows", rows);
        m.put("entries", rows.stream().filter(r -> !r.unused()).count());
        m.put("at", calendars.now());
        return renderer.pdf(rules.form(FormKind.BOOK).orElseThrow().template(), m);
    }

    /** The unit, the body above it, and the place: the commune's name for commune units, else the province's. */
    public static Issuer issuer(long unitId, Map<Long, Agency> all) {
        Agency unit = all.get(unitId);
        Agency parent = unit.parentId() == null ? unit : all.get(unit.parentId());
        Agency commune = unit.type() == AgencyType.COMMUNE_COMMITTEE ? unit : parent.type() == AgencyType.COMMUNE_COMMITTEE ? parent : null;
        String place;
        if (commune != null) {
            place = commune.name().replaceFirst("^Ủy ban nhân dân (phường|xã|thị trấn|đặc khu) ", "");
        } else {
            Agency root = unit;
            while (root.parentId() != null) {
                root = all.get(root.parentId());
            }
            place = root.name().replaceFirst("^Ủy ban nhân dân (tỉnh|thành phố) ", "");
        }
        return new Issuer(parent == unit ? "" : parent.name(), unit.name(), place);
    }

    private static DossierHistoryEntry last(Dossier d, DossierAction action) {
        return latest(d, action).orElseThrow(() -> new NotFoundException("Hồ sơ không có thao tác " + action.label() + "."));
    }

    private static Optional<DossierHistoryEntry> latest(Dossier d, DossierAction action) {
        return d.history().stream().filter(e -> e.action() == action).reduce((a, b) -> b);
    }
}
