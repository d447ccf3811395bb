package vn.motcua.documents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.documents.internal.DocumentStore;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The document-type catalog: kinds of documents, and which kind each published component of a procedure is (by
 * the component's name, so a new version of the procedure keeps its mapping), which kind its result is, and
 * whether its result is an electronic certified copy. Edited by TTHC-control officers.
 */
@Service
public class DocumentTypes {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private final DocumentStore store;
    private final AuditLog audit;

    public DocumentTypes(DocumentStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public List<DocumentType> types() {
        return store.types();
    }

    public Optional<DocumentType> type(String code) {
        return code == null ? Optional.empty() : store.type(code);
    }

    @Transactional
    public DocumentType create(String code, String name, Integer validityMonths, String description) {
        String c = code == null ? "" : code.trim().toUpperCase();
        Problems p = check(name, validityMonths, description);
        p.require(CODE.matcher(c).matches(), "code", "Mã loại giấy tờ gồm 2–40 chữ in hoa, chữ số hoặc dấu gạch dưới, bắt đầu bằng chữ (ví dụ GIAY_KHAI_SINH).");
        p.throwIfAny();
        p.require(store.type(c).isEmpty(), "code", "Đã có loại giấy tờ mã " + c + ".").throwIfAny();
        store.insertType(c, name.trim(), validityMonths, blankToNull(description));
        DocumentType t = store.type(c).orElseThrow();
        audit.record("document-type.created", "document-type", c, null, t);
        return t;
    }

    @Transactional
    public DocumentType update(String code, long rowVersion, String name, Integer validityMonths, String description) {
        DocumentType before = store.type(code).orElseThrow(() -> new NotFoundException("Không có loại giấy tờ " + code + "."));
        check(name, validityMonths, description).throwIfAny();
        if (!store.updateType(code, rowVersion, name.trim(), validityMonths, blankToNull(description))) {
            throw new ConflictException("Loại giấy tờ " + code + " vừa được người khác sửa; hãy tải lại trang rồi sửa lại.");
        }
        DocumentType after = store.type(code).orElseThrow();
        audit.record("document-type.changed", "document-type", code, before, after);
        return after;
    }

    /** component name → document type code, for the procedure; the result's type is under {@link #RESULT}. */
    public Map<String, String> mappings(String procedureCode) {
        return store.mappings(procedureCode);
    }

    public static final String RESULT = DocumentStore.RESULT_KEY;

    public Optional<String> typeOf(String procedureCode, String componentName) {
        return Optional.ofNullable(store.mappings(procedureCode).get(componentName));
    }

    public Optional<String> resultType(String procedureCode) {
        return typeOf(procedureCode, RESULT);
    }

    public boolean certifiedCopy(String procedureCode) {
        return store.certifiedCopy(procedureCode);
    }

    /**
     * Sets the mapping of a procedure: each component name (and {@link #RESULT}) to a type code, or to nothing
     * (null/blank); and whether its result is an electronic certified copy.
     */
    @Transactional
    public void map(String procedureCode, Map<String, String> componentTypes, boolean certifiedCopy) {
        Problems p = new Problems();
        Map<String, String> before = store.mappings(procedureCode);
        Map<String, String> after = new LinkedHashMap<>();
        componentTypes.forEach((component, type) -> {
            String t = type == null || type.isBlank() ? null : type.trim();
            p.require(t == null || store.type(t).isPresent(), "type", "Không có loại giấy tờ " + t + ".");
            p.require(component != null && !component.isBlank() && component.length() <= 1000, "component", "Tên thành phần hồ sơ không hợp lệ.");
            after.put(component, t);
        });
        p.throwIfAny();
        after.forEach((component, type) -> store.setMapping(procedureCode, component, type));
        boolean was = store.certifiedCopy(procedureCode);
        store.setCertifiedCopy(procedureCode, certifiedCopy);
        audit.record("document-type.mapped", "procedure", procedureCode, Map.of("mapping", before, "certifiedCopy", was),
                Map.of("mapping", store.mappings(procedureCode), "certifiedCopy", certifiedCopy));
    }

    private static Problems check(String name, Integer validityMonths, String description) {
        Problems p = new Problems();
        p.requireText(name, "name", "Tên loại giấy tờ");
        p.require(name == null || name.trim().length() <= 300, "name", "Tên loại giấy tờ dài quá 300 ký tự.");
        p.require(validityMonths == null || (validityMonths >= 1 && validityMonths <= 600), "validityMonths",
                "Thời hạn hiệu lực phải từ 1 đến 600 tháng (để trống nếu giấy tờ không có thời hạn).");
        p.require(description == null || description.length() <= 1000, "description", "Mô tả dài quá 1000 ký tự.");
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
