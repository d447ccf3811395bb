package vn.motcua.documents;

import java.time.LocalDate;

/** What the officer reads off a document when digitising it (all optional): its number, issuer and dates. */
public record DocumentDetails(String number, String issuer, LocalDate issuedOn, LocalDate expiresOn) {
    public static final DocumentDetails NONE = new DocumentDetails(null, null, null, null);
}
