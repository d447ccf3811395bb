/**
 * Documents: the files of dossiers kept immutably behind a storage port (checked by content, hashed); the
 * applicant's data store (kho dữ liệu) of typed documents — digitised components, electronic results and
 * certified copies — offered for reuse so a document is given to the state once; the document-type catalog that
 * maps procedure components to document types; PAdES signing of electronic results (signer and agency seal) and
 * their public verification. Public API: {@link vn.motcua.documents.FileStorage},
 * {@link vn.motcua.documents.ApplicantStore}, {@link vn.motcua.documents.DocumentTypes},
 * {@link vn.motcua.documents.SigningService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents, data store and signatures")
package vn.motcua.documents;
