package vn.motcua.documents.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.documents.DocumentSource;
import vn.motcua.documents.DocumentType;
import vn.motcua.documents.NewStoredDocument;
import vn.motcua.documents.RegisteredResult;
import vn.motcua.documents.StoredDocument;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the documents module (JdbcClient). */
@Repository
public class DocumentStore {
    public static final String RESULT_KEY = "#KET_QUA";
    private static final String DOC_COLUMNS = """
            s.id, s.owner_key, s.type_code, t.name, s.title, s.doc_number, s.issuer, s.issued_on, s.expires_on, s.filename, s.content_type,
            s.size_bytes, s.sha256, s.source, s.source_dossier_code, s.result_code, s.created_at, s.revoked_at""";
    private static final RowMapper<StoredDocument> DOC = (rs, n) -> new StoredDocument(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
            rs.getString(10), rs.getString(11), rs.getLong(12), rs.getString(13), DocumentSource.valueOf(rs.getString(14)), rs.getString(15),
            rs.getString(16), rs.getObject(17, LocalDateTime.class), rs.getObject(18, LocalDateTime.class));
    private static final RowMapper<RegisteredResult> RESULT = (rs, n) -> new RegisteredResult(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getObject(8, LocalDateTime.class), rs.getString(9),
            rs.getString(10), rs.getString(11));
    private static final String RESULT_COLUMNS = "code, kind, dossier_code, title, filename, sha256, size_bytes, signed_at, signer_name, signer_title, agency_name";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------ document types and mappings

    public List<DocumentType> types() {
        return jdbc.sql("select code, name, validity_months, description, row_version from document_type order by name")
                .query((rs, n) -> new DocumentType(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4), rs.getLong(5)))
                .list();
    }

    public Optional<DocumentType> type(String code) {
        return jdbc.sql("select code, name, validity_months, description, row_version from document_type where code = ?").param(code)
                .query((rs, n) -> new DocumentType(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4), rs.getLong(5)))
                .optional();
    }

    public void insertType(String code, String name, Integer validityMonths, String description) {
        jdbc.sql("insert into document_type (code, name, validity_months, description) values (?, ?, ?, ?)")
                .params(code, name, validityMonths, description).update();
    }

    public boolean updateType(String code, long rowVersion, String name, Integer validityMonths, String description) {
        return jdbc.sql("""
                update document_type set name = ?, validity_months = ?, description = ?, row_version = row_version + 1
                where code = ? and row_version = ?""").params(name, validityMonths, description, code, rowVersion).update() == 1;
    }

    /** component name (or {@link #RESULT_KEY}) → document type code, for one procedure. */
    public Map<String, String> mappings(String procedureCode) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select component_name, type_code from document_type_mapping where procedure_code = ?").param(procedureCode)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
    }

    public void setMapping(String procedureCode, String componentName, String typeCode) {
        jdbc.sql("delete from document_type_mapping where procedure_code = ? and component_name = ?").params(procedureCode, componentName).update();
        if (typeCode != null) {
            jdbc.sql("insert into document_type_mapping (procedure_code, component_name, type_code) values (?, ?, ?)")
                    .params(procedureCode, componentName, typeCode).update();
        }
    }

    public boolean certifiedCopy(String procedureCode) {
        return jdbc.sql("select count(*) from certified_copy_procedure where procedure_code = ?").param(procedureCode).query(Long.class).single() > 0;
    }

    public void setCertifiedCopy(String procedureCode, boolean on) {
        jdbc.sql("delete from certified_copy_procedure where procedure_code = ?").param(procedureCode).update();
        if (on) {
            jdbc.sql("insert into certified_copy_procedure (procedure_code) values (?)").param(procedureCode).update();
        }
    }

    // ------------------------------------------------------------ the applicant's data store

    public long insertDocument(NewStoredDocument d, String sha256, LocalDate expiresOn, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stored_document (owner_key, type_code, title, doc_number, issuer, issued_on, expires_on, filename, content_type, size_bytes,
                    sha256, source, source_dossier_code, result_code, created_at, created_by)
                values (:owner, :type, :title, :number, :issuer, :issued, :expires, :filename, :ctype, :size, :sha, :source, :dossier, :result, :at, :by)""")
                .param("owner", d.ownerKey()).param("type", d.typeCode()).param("title", d.title())
                .param("number", d.details().number()).param("issuer", d.details().issuer()).param("issued", d.details().issuedOn())
                .param("expires", expiresOn).param("filename", d.filename()).param("ctype", d.contentType()).param("size", d.sizeBytes())
                .param("sha", sha256).param("source", d.source().name()).param("dossier", d.sourceDossierCode()).param("result", d.resultCode())
                .param("at", now).param("by", d.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<StoredDocument> documentsOf(String ownerKey) {
        return jdbc.sql("select " + DOC_COLUMNS + " from stored_document s left join document_type t on t.code = s.type_code "
                + "where s.owner_key = ? order by s.created_at desc, s.id desc").param(ownerKey).query(DOC).list();
    }

    public List<StoredDocument> documentsOfType(String ownerKey, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + DOC_COLUMNS + " from stored_document s left join document_type t on t.code = s.type_code "
                        + "where s.owner_key = :owner and s.type_code in (:types) and s.revoked_at is null order by s.created_at desc, s.id desc")
                .param("owner", ownerKey).param("types", types).query(DOC).list();
    }

    public Optional<StoredDocument> document(long id) {
        return jdbc.sql("select " + DOC_COLUMNS + " from stored_document s left join document_type t on t.code = s.type_code where s.id = ?")
                .param(id).query(DOC).optional();
    }

    // ------------------------------------------------------------ electronic results

    public void insertResult(RegisteredResult r) {
        jdbc.sql("insert into electronic_result (" + RESULT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.code(), r.kind(), r.dossierCode(), r.title(), r.filename(), r.sha256(), r.sizeBytes(), r.signedAt(), r.signerName(),
                        r.signerTitle(), r.agencyName()).update();
    }

    public Optional<RegisteredResult> result(String code) {
        return jdbc.sql("select " + RESULT_COLUMNS + " from electronic_result where code = ?").param(code).query(RESULT).optional();
    }

    public Optional<RegisteredResult> resultBySha(String sha256) {
        return jdbc.sql("select " + RESULT_COLUMNS + " from electronic_result where sha256 = ?").param(sha256).query(RESULT).optional();
    }

    public boolean resultCodeExists(String code) {
        return jdbc.sql("select count(*) from electronic_result where code = ?").param(code).query(Long.class).single() > 0;
    }
}
