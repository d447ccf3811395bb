package vn.motcua.documents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.documents.internal.DocumentStore;
import vn.motcua.documents.internal.Pdfs;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The applicant's data store (kho dữ liệu): every digitised component, electronic result and certified copy of
 * a person (personal identification number) or organisation (enterprise/tax code), kept as typed documents so
 * that a later dossier — of any procedure — reuses them instead of asking again. A document is only ever offered
 * to, and usable by, its own owner.
 */
@Service
public class ApplicantStore {
    private static final Pattern OWNER = Pattern.compile("\\d{12}|\\d{10}(-\\d{3})?");
    private final DocumentStore store;
    private final DocumentTypes types;
    private final FileStorage files;
    private final AuditLog audit;
    private final Clock clock;

    public ApplicantStore(DocumentStore store, DocumentTypes types, FileStorage files, AuditLog audit, Clock clock) {
        this.store = store;
        this.types = types;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** The store key of an applicant: a 12-digit personal ID number or an enterprise/tax code; null when there is none. */
    public static String ownerKey(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String k = idNumber.trim();
        return OWNER.matcher(k).matches() ? k : null;
    }

    /** Keeps a document (its file already in the file store) in its owner's store. */
    @Transactional
    public StoredDocument keep(NewStoredDocument d) {
        if (ownerKey(d.ownerKey()) == null) {
            throw new IllegalArgumentException("no owner key");
        }
        DocumentDetails details = d.details() == null ? DocumentDetails.NONE : d.details();
        LocalDate expires = details.expiresOn();
        if (expires == null && details.issuedOn() != null && d.typeCode() != null) {
            Integer months = types.type(d.typeCode()).map(DocumentType::validityMonths).orElse(null);
            expires = months == null ? null : details.issuedOn().plusMonths(months);
        }
        NewStoredDocument clean = new NewStoredDocument(d.ownerKey(), d.typeCode(), d.title(), details, d.filename(), d.contentType(),
                d.sizeBytes(), d.storageKey(), d.source(), d.sourceDossierCode(), d.resultCode(), d.createdBy());
        long id = store.insertDocument(clean, d.storageKey(), expires, LocalDateTime.now(clock));
        StoredDocument kept = store.document(id).orElseThrow();
        audit.record("stored-document.kept", "stored-document", id, null,
                Map.of("type", String.valueOf(kept.typeCode()), "source", kept.source().name(), "dossier", String.valueOf(kept.sourceDossierCode())));
        return kept;
    }

    /** A file already in the file store, part of one document. */
    public record Part(String filename, String contentType, String storageKey, long sizeBytes) {
    }

    /**
     * Keeps one document made of the given files: one file as it is; several (pages scanned one by one, a PDF and
     * images) joined into one PDF in their order.
     */
    @Transactional
    public StoredDocument keepParts(String ownerKey, String typeCode, String title, DocumentDetails details, List<Part> parts, DocumentSource source,
                                    String dossierCode, String actor) {
        String key;
        String filename;
        String contentType;
        long size;
        if (parts.size() == 1) {
            Part only = parts.get(0);
            key = only.storageKey();
            filename = only.filename();
            contentType = only.contentType();
            size = only.sizeBytes();
        } else {
            byte[] merged = Pdfs.join(parts.stream().map(x -> files.get(x.storageKey())).toList(), parts.stream().map(Part::contentType).toList());
            key = files.put(merged);
            filename = FileCheck.cleanName(title.length() > 80 ? title.substring(0, 80) : title) + ".pdf";
            contentType = "application/pdf";
            size = merged.length;
        }
        return keep(new NewStoredDocument(ownerKey, typeCode, title, details, filename, contentType, size, key, source, dossierCode, null, actor));
    }

    /** Everything the owner has in the store, newest first. */
    public List<StoredDocument> documentsOf(String ownerKey) {
        return ownerKey(ownerKey) == null ? List.of() : store.documentsOf(ownerKey);
    }

    /**
     * The documents offered for reuse in a new dossier: for each component (by name) whose document type is
     * known, the owner's valid documents of that type, newest first, one per distinct file.
     */
    public Map<String, List<StoredDocument>> offers(String ownerKey, String procedureCode, List<String> componentNames) {
        Map<String, List<StoredDocument>> offers = new LinkedHashMap<>();
        if (ownerKey(ownerKey) == null) {
            return offers;
        }
        Map<String, String> mapping = types.mappings(procedureCode);
        Set<String> wanted = new HashSet<>();
        componentNames.forEach(c -> {
            if (mapping.get(c) != null) {
                wanted.add(mapping.get(c));
            }
        });
        LocalDate today = LocalDate.now(clock);
        List<StoredDocument> owned = store.documentsOfType(ownerKey, wanted).stream().filter(d -> d.validOn(today)).toList();
        for (String c : componentNames) {
            String type = mapping.get(c);
            if (type == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            List<StoredDocument> list = owned.stream().filter(d -> type.equals(d.typeCode()) && seen.add(d.sha256())).toList();
            if (!list.isEmpty()) {
                offers.put(c, list);
            }
        }
        return offers;
    }

    /**
     * Checks that a stored document may stand for a component of a new dossier: it exists, belongs to this very
     * applicant, is of the component's document type and still valid. Refuses clearly otherwise.
     */
    public StoredDocument claim(String ownerKey, long documentId, String procedureCode, String componentName) {
        String field = "reuse";
        StoredDocument d = store.document(documentId).orElse(null);
        if (d == null || ownerKey(ownerKey) == null || !d.ownerKey().equals(ownerKey)) {
            audit.recordAttempt("stored-document.reuse-refused", "stored-document", documentId, Map.of("owner", String.valueOf(ownerKey)));
            throw ValidationException.of(field, "Giấy tờ số " + documentId + " không có trong kho dữ liệu của người nộp hồ sơ này; "
                    + "chỉ dùng lại được giấy tờ của chính người nộp.");
        }
        String type = types.typeOf(procedureCode, componentName).orElse(null);
        if (type == null || !type.equals(d.typeCode())) {
            throw ValidationException.of(field, "Giấy tờ \"" + d.title() + "\" không phải loại giấy tờ của thành phần \"" + componentName + "\".");
        }
        if (!d.validOn(LocalDate.now(clock))) {
            throw ValidationException.of(field, "Giấy tờ \"" + d.title() + "\" đã hết hiệu lực hoặc bị thu hồi; hãy nộp bản mới.");
        }
        return d;
    }

    /** One document of the owner (not found for anyone else's). */
    public StoredDocument documentOf(String ownerKey, long id) {
        return store.document(id).filter(d -> ownerKey != null && d.ownerKey().equals(ownerKey))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy giấy tờ trong kho dữ liệu."));
    }

    /** The file of a stored document (check ownership or the right to see its dossier first). */
    public byte[] content(StoredDocument d) {
        audit.record("stored-document.read", "stored-document", d.id(), null, null);
        return files.get(d.sha256());
    }
}
