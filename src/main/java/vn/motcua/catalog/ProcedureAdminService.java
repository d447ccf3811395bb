package vn.motcua.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.domain.ProcedureRules;
import vn.motcua.catalog.domain.VersionTimeline;
import vn.motcua.catalog.internal.CatalogStore;
import vn.motcua.catalog.internal.DecisionRow;
import vn.motcua.catalog.internal.ProcedureRow;
import vn.motcua.catalog.internal.VersionRow;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;
import vn.motcua.shared.FieldProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Public API for changing the catalog: drafts, publication by decision (new, amended, replaced),
 * abolition. Every change is all-or-nothing; concurrent edits are detected by row versions.
 */
@Service
public class ProcedureAdminService {
    private static final Pattern DECISION_NUMBER = Pattern.compile("\\d{1,6}/(QĐ|QD)-[\\p{Lu}0-9.]+(-[\\p{Lu}0-9.]+)*");
    private static final Set<String> FORM_EXTENSIONS = Set.of("pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "rtf");
    private static final long MAX_FORM_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CatalogStore store;
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final ProcedureRules rules;
    private final Clock clock;
    private final AuditLog audit;

    public ProcedureAdminService(CatalogStore store, CatalogService catalog, AgencyService agencies,
                                 CatalogProperties properties, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.catalog = catalog;
        this.agencies = agencies;
        this.rules = new ProcedureRules(properties.onlineCutPercent());
        this.clock = clock;
    }

    /** What a draft still lacks before it can be published: shown on every save, not only when publishing fails. */
    public List<String> missingForPublication(ProcedureDraft d) {
        Problems p = new Problems();
        rules.checkPublishable(d, p);
        return p.list().stream().map(vn.motcua.shared.FieldProblem::message).distinct().toList();
    }

    /** The longest online time limit the province allows for this legal time limit (the limit itself when no cut is required). */
    public java.math.BigDecimal maxOnlineDays(java.math.BigDecimal timeLimitDays) {
        return rules.onlineCutPercent() > 0 ? rules.maxOnlineDays(timeLimitDays) : timeLimitDays;
    }

    public ProcedureRules rules() {
        return rules;
    }

    /** The newest version of every procedure the user may manage. */
    @Transactional(readOnly = true)
    public List<AdminProcedureRow> list(ActingUser user, String text) {
        Map<Long, Agency> names = agencies.byId();
        List<String> terms = VietnameseText.terms(text);
        List<AdminProcedureRow> rows = new ArrayList<>();
        for (VersionRow latest : store.allLatest()) {
            if (!mayManage(user, latest.agencyId()) || !terms.stream().allMatch(t ->
                    VietnameseText.searchKey(latest.code(), latest.name()).contains(" " + t))) {
                continue;
            }
            ProcedureRow p = store.procedure(latest.procedureId()).orElseThrow();
            Optional<VersionRow> published = store.versionsOf(p.id()).stream().filter(v -> v.status() == VersionStatus.PUBLISHED)
                    .max(Comparator.comparing(VersionRow::versionNo));
            rows.add(new AdminProcedureRow(latest.code(), latest.name(),
                    names.containsKey(latest.agencyId()) ? names.get(latest.agencyId()).name() : "", latest.versionNo(),
                    latest.status(), published.map(VersionRow::versionNo).orElse(null),
                    published.map(VersionRow::validFrom).orElse(null), p.abolishedOn(),
                    latest.status() == VersionStatus.DRAFT ? latest.id() : null));
        }
        return rows;
    }

    @Transactional
    public ProcedureField createField(String code, String name) {
        Problems p = new Problems();
        p.requireText(code, "code", "Mã lĩnh vực");
        p.requireText(name, "name", "Tên lĩnh vực");
        p.throwIfAny();
        if (store.fields().stream().anyMatch(f -> f.code().equalsIgnoreCase(code.trim()))) {
            p.add("code", "Mã lĩnh vực " + code + " đã tồn tại.").throwIfAny();
        }
        catalog.published();
        long id = store.insertField(code.trim(), name.trim());
        ProcedureField field = new ProcedureField(id, code.trim(), name.trim());
        audit.record("catalog.field-created", "field", id, null, field);
        return field;
    }

    /** A new procedure, as a draft (version 1). Returns the draft version id. */
    @Transactional
    public long createProcedure(ProcedureDraft d, List<UploadedForm> forms, ActingUser user) {
        Problems p = new Problems();
        rules.checkConsistency(d, p);
        checkReferences(d, user, p);
        if (d.code() != null && store.procedureByCode(d.code()).isPresent()) {
            p.add("code", "Mã thủ tục " + d.code().trim() + " đã có trong danh mục; hãy sửa đổi thủ tục đó thay vì tạo mới.");
        }
        List<Component> components = withForms(d.components(), forms, p);
        p.throwIfAny();
        Instant now = clock.instant();
        long procedureId = store.insertProcedure(d.code(), now);
        long versionId = store.insertVersion(procedureId, 1, d, fieldName(d.fieldId()), user.username(), now);
        audit.record("catalog.procedure-created", "procedure-version", versionId, null, d);
        store.replaceChildren(versionId, components, list(d.fees()), list(d.process()));
        return versionId;
    }

    /** A draft to amend a published procedure: a copy of its latest published version. Reuses an open draft. */
    @Transactional
    public long startAmendment(String code, ActingUser user) {
        ProcedureRow p = store.procedureByCode(code).orElseThrow(() -> new NotFoundException("Không tìm thấy thủ tục " + code + "."));
        List<VersionRow> versions = store.versionsOf(p.id());
        Optional<VersionRow> draft = versions.stream().filter(v -> v.status() == VersionStatus.DRAFT).findFirst();
        if (draft.isPresent()) {
            requireScope(user, draft.get().agencyId());
            return draft.get().id();
        }
        if (p.abolishedOn() != null) {
            throw ValidationException.of("code", "Thủ tục đã bị bãi bỏ hoặc thay thế từ ngày " + VN.format(p.abolishedOn()) + ".");
        }
        VersionRow latest = versions.stream().max(Comparator.comparing(VersionRow::versionNo)).orElseThrow();
        requireScope(user, latest.agencyId());
        ProcedureVersion source = catalog.full(latest);
        ProcedureDraft d = toDraft(source);
        Instant now = clock.instant();
        long id = store.insertVersion(p.id(), latest.versionNo() + 1, d, source.field().name(), user.username(), now);
        audit.record("catalog.amendment-started", "procedure-version", id, java.util.Map.of("from", latest.id()), d);
        store.replaceChildren(id, d.components(), d.fees(), d.process());
        return id;
    }

    /** Saves a draft if nobody else saved it meanwhile. */
    @Transactional
    public ProcedureVersion saveDraft(long versionId, long expectedRowVersion, ProcedureDraft d, List<UploadedForm> forms, ActingUser user) {
        VersionRow v = draftRow(versionId);
        requireScope(user, v.agencyId());
        ProcedureDraft fixed = withCode(d, v.code());
        Problems p = new Problems();
        rules.checkConsistency(fixed, p);
        checkReferences(fixed, user, p);
        List<Component> components = withForms(fixed.components(), forms, p);
        p.throwIfAny();
        if (store.updateDraft(versionId, expectedRowVersion, fixed, fieldName(fixed.fieldId()), clock.instant()) != 1) {
            throw new ConflictException("Dự thảo đã được người khác lưu trong lúc bạn chỉnh sửa. Vui lòng tải lại để xem bản mới nhất.");
        }
        store.replaceChildren(versionId, components, list(fixed.fees()), list(fixed.process()));
        ProcedureVersion saved = catalog.version(versionId);
        audit.record("catalog.draft-saved", "procedure-version", versionId, null, fixed);
        return saved;
    }

    @Transactional
    public void deleteDraft(long versionId, long expectedRowVersion, ActingUser user) {
        VersionRow v = draftRow(versionId);
        requireScope(user, v.agencyId());
        audit.record("catalog.draft-deleted", "procedure-version", versionId, null, null);
        if (store.deleteDraft(versionId, expectedRowVersion) != 1) {
            throw new ConflictException("Dự thảo đã được người khác thay đổi. Vui lòng tải lại.");
        }
        if (store.versionsOf(v.procedureId()).isEmpty()) {
            // a brand-new procedure that was never published leaves no trace
            store.deleteProcedure(v.procedureId());
        }
    }

    /** Publishes a draft by a decision; the previous version ends the day the new one starts. */
    @Transactional
    public ProcedureVersion publish(PublishRequest r, ActingUser user) {
        VersionRow v = draftRow(r.versionId());
        requireScope(user, v.agencyId());
        ProcedureRow proc = store.procedure(v.procedureId()).orElseThrow();
        ProcedureVersion full = catalog.full(v);
        Problems p = new Problems();
        rules.checkPublishable(toDraft(full), p);
        checkDecision(r.decision(), p);
        LocalDate on = r.decision() == null ? null : r.decision().effectiveOn();
        Optional<VersionRow> latest = latestPublished(proc.id());
        PublicationAction action = r.action();
        ProcedureRow replaced = null;
        VersionRow replacedVersion = null;
        if (action == null || action == PublicationAction.ABOLISHED) {
            p.add("action", "Chọn hình thức công bố: công bố mới, sửa đổi bổ sung, hoặc thay thế.");
        } else if (latest.isEmpty() && action == PublicationAction.AMENDED) {
            p.add("action", "Thủ tục chưa từng được công bố nên không thể \"sửa đổi, bổ sung\"; hãy chọn \"Công bố mới\" hoặc \"Thay thế\".");
        } else if (latest.isPresent() && action != PublicationAction.AMENDED) {
            p.add("action", "Thủ tục đã được công bố; phiên bản mới phải là \"Sửa đổi, bổ sung\".");
        } else if (action == PublicationAction.REPLACED) {
            if (r.replacesCode() == null || r.replacesCode().isBlank()) {
                p.add("replacesCode", "Chưa nhập mã thủ tục bị thay thế.");
            } else if (r.replacesCode().trim().equals(v.code())) {
                p.add("replacesCode", "Thủ tục không thể thay thế chính nó.");
            } else {
                replaced = store.procedureByCode(r.replacesCode()).orElse(null);
                if (replaced == null) {
                    p.add("replacesCode", "Không tìm thấy thủ tục bị thay thế có mã " + r.replacesCode().trim() + ".");
                } else {
                    replacedVersion = latestPublished(replaced.id()).orElse(null);
                    VersionTimeline.checkEnd(replacedVersion == null ? null : replacedVersion.validFrom(), replaced.abolishedOn(), on, p);
                    if (replacedVersion != null) {
                        requireScope(user, replacedVersion.agencyId());
                    }
                }
            }
        }
        VersionTimeline.checkNext(latest.map(VersionRow::validFrom).orElse(null), proc.abolishedOn(), on, p);
        p.throwIfAny();
        long decisionId = decisionId(r.decision(), user);
        Instant now = clock.instant();
        if (store.touchProcedure(proc.id(), proc.rowVersion()) != 1) {
            throw concurrent();
        }
        latest.ifPresent(l -> store.endVersion(l.id(), on));
        if (store.publish(v.id(), r.expectedRowVersion(), on, decisionId, action, replaced == null ? null : replaced.id(), now) != 1) {
            throw concurrent();
        }
        if (replaced != null) {
            store.endVersion(replacedVersion.id(), on);
            if (store.endProcedure(replaced.id(), replaced.rowVersion(), on, proc.id()) != 1) {
                throw concurrent();
            }
        }
        store.insertDecisionItem(decisionId, proc.id(), v.id(), action, v.agencyId(), on);
        catalog.published();
        audit.record("catalog.published", "procedure-version", v.id(), java.util.Map.of("status", "DRAFT"), r);
        return catalog.version(v.id());
    }

    /** Abolishes a procedure by a decision: its version in force ends on the effective date. */
    @Transactional
    public void abolish(String code, DecisionInfo decision, ActingUser user) {
        ProcedureRow proc = store.procedureByCode(code == null ? "" : code)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy thủ tục " + code + "."));
        Optional<VersionRow> latest = latestPublished(proc.id());
        latest.ifPresent(l -> requireScope(user, l.agencyId()));
        Problems p = new Problems();
        checkDecision(decision, p);
        LocalDate on = decision == null ? null : decision.effectiveOn();
        VersionTimeline.checkEnd(latest.map(VersionRow::validFrom).orElse(null), proc.abolishedOn(), on, p);
        p.throwIfAny();
        long decisionId = decisionId(decision, user);
        store.endVersion(latest.orElseThrow().id(), on);
        if (store.endProcedure(proc.id(), proc.rowVersion(), on, null) != 1) {
            throw concurrent();
        }
        store.insertDecisionItem(decisionId, proc.id(), latest.get().id(), PublicationAction.ABOLISHED, latest.get().agencyId(), on);
        catalog.published();
        audit.record("catalog.abolished", "procedure", code, null, decision);
    }

    /** The open draft of a procedure, if any. */
    @Transactional(readOnly = true)
    public Optional<ProcedureVersion> draftOf(String code) {
        return store.procedureByCode(code).flatMap(p -> store.versionsOf(p.id()).stream()
                .filter(v -> v.status() == VersionStatus.DRAFT).findFirst()).map(catalog::full);
    }

    /** A draft version for editing, checked against the user's scope. */
    @Transactional(readOnly = true)
    public ProcedureVersion draftForEdit(long versionId, ActingUser user) {
        VersionRow v = draftRow(versionId);
        requireScope(user, v.agencyId());
        return catalog.full(v);
    }

    public boolean mayManage(ActingUser user, long agencyId) {
        return user.scopeUnits() == null || user.scopeUnits().stream().anyMatch(u -> agencies.isWithin(agencyId, u));
    }

    /** The editable content of a version. */
    public static ProcedureDraft toDraft(ProcedureVersion v) {
        return new ProcedureDraft(v.code(), v.name(), v.field().id(), v.level(), v.agencyId(), v.implementingAgency(), v.steps(),
                v.methodDetails(), v.byCounter(), v.byOnline(), v.byPost(), v.onlineLevel(), v.timeLimitDays(), v.onlineTimeLimitDays(),
                v.timeLimitNote(), v.subjects(), v.resultType(), v.feesNote(), v.requirements(), v.legalBasis(), v.components(),
                v.fees(), v.process());
    }

    // ---- helpers

    private Optional<VersionRow> latestPublished(long procedureId) {
        return store.versionsOf(procedureId).stream().filter(x -> x.status() == VersionStatus.PUBLISHED)
                .max(Comparator.comparing(VersionRow::versionNo));
    }

    private VersionRow draftRow(long versionId) {
        VersionRow v = store.version(versionId).orElseThrow(() -> new NotFoundException("Không tìm thấy dự thảo thủ tục."));
        if (v.status() != VersionStatus.DRAFT) {
            throw new ConflictException("Phiên bản " + v.versionNo() + " của thủ tục " + v.code()
                    + " đã được công bố; không thể sửa. Hãy tạo dự thảo sửa đổi, bổ sung.");
        }
        return v;
    }

    private void requireScope(ActingUser user, long agencyId) {
        if (!mayManage(user, agencyId)) {
            throw new ValidationException(List.of(new FieldProblem("agencyId",
                    "Bạn không được phân quyền quản lý thủ tục của cơ quan này.")));
        }
    }

    private void checkReferences(ProcedureDraft d, ActingUser user, Problems p) {
        if (d.fieldId() != null && store.fields().stream().noneMatch(f -> f.id() == d.fieldId())) {
            p.add("fieldId", "Lĩnh vực đã chọn không tồn tại.");
        }
        if (d.agencyId() != null) {
            boolean active = agencies.activeOn(agencies.today()).stream().anyMatch(a -> a.id() == d.agencyId());
            if (!active) {
                p.add("agencyId", "Cơ quan chủ trì đã chọn không còn hoạt động.");
            } else if (!mayManage(user, d.agencyId())) {
                p.add("agencyId", "Bạn không được phân quyền quản lý thủ tục của cơ quan này.");
            }
        }
    }

    private void checkDecision(DecisionInfo d, Problems p) {
        if (d == null) {
            p.add("decision", "Chưa nhập quyết định công bố.");
            return;
        }
        p.require(d.number() != null && DECISION_NUMBER.matcher(d.number().trim()).matches(), "number",
                "Số quyết định phải có dạng 1234/QĐ-UBND.");
        p.requireText(d.title(), "title", "Trích yếu quyết định");
        p.require(d.issuerAgencyId() != null, "issuerAgencyId", "Chưa chọn cơ quan ban hành quyết định.");
        VersionTimeline.checkDecision(d.signedOn(), d.effectiveOn(), p);
        if (d.number() != null && !d.number().isBlank()) {
            store.decision(d.number()).ifPresent(existing -> {
                if (!existing.signedOn().equals(d.signedOn()) || !existing.effectiveOn().equals(d.effectiveOn())) {
                    p.add("number", "Quyết định số " + existing.number() + " đã được ghi nhận với ngày ký " + VN.format(existing.signedOn())
                            + " và ngày hiệu lực " + VN.format(existing.effectiveOn()) + "; ngày nhập vào không khớp.");
                }
            });
        }
    }

    private long decisionId(DecisionInfo d, ActingUser user) {
        return store.decision(d.number()).map(DecisionRow::id)
                .orElseGet(() -> store.insertDecision(d, user.username(), clock.instant()));
    }

    private List<Component> withForms(List<Component> components, List<UploadedForm> forms, Problems p) {
        List<Component> result = new ArrayList<>(list(components));
        for (UploadedForm f : list(forms)) {
            String ext = f.filename() == null || !f.filename().contains(".") ? ""
                    : f.filename().substring(f.filename().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!FORM_EXTENSIONS.contains(ext)) {
                p.add("components", "Tệp mẫu \"" + f.filename() + "\" không hợp lệ: chỉ nhận PDF, Word, Excel, OpenDocument.");
                continue;
            }
            if (f.content().length == 0 || f.content().length > MAX_FORM_BYTES) {
                p.add("components", "Tệp mẫu \"" + f.filename() + "\" rỗng hoặc lớn hơn 10 MB.");
                continue;
            }
            int index = f.position() - 1;
            if (index < 0 || index >= result.size()) {
                p.add("components", "Tệp mẫu \"" + f.filename() + "\" không gắn với thành phần hồ sơ nào.");
                continue;
            }
            long fileId = store.storeFile(f.filename(), f.contentType() == null ? "application/octet-stream" : f.contentType(),
                    f.content(), clock.instant());
            Component c = result.get(index);
            String formName = c.formName() == null || c.formName().isBlank() ? f.filename() : c.formName();
            result.set(index, new Component(c.id(), c.position(), c.name(), c.originals(), c.copies(), c.required(), c.note(),
                    formName, fileId));
        }
        return result;
    }

    private String fieldName(Long fieldId) {
        return store.fields().stream().filter(f -> f.id() == fieldId).map(ProcedureField::name).findFirst().orElse("");
    }

    private static ProcedureDraft withCode(ProcedureDraft d, String code) {
        return new ProcedureDraft(code, d.name(), d.fieldId(), d.level(), d.agencyId(), d.implementingAgency(), d.steps(),
                d.methodDetails(), d.byCounter(), d.byOnline(), d.byPost(), d.onlineLevel(), d.timeLimitDays(),
                d.onlineTimeLimitDays(), d.timeLimitNote(), d.subjects(), d.resultType(), d.feesNote(), d.requirements(),
                d.legalBasis(), d.components(), d.fees(), d.process());
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static ConflictException concurrent() {
        return new ConflictException("Thủ tục vừa được người khác thay đổi. Vui lòng tải lại và thử lại.");
    }
}
