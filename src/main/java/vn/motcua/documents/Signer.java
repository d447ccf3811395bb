package vn.motcua.documents;

/**
 * Who signs: a person of an agency (the leader who approves, the officer who certifies a copy); the agency's seal
 * is added after the person's signature.
 */
public record Signer(String username, String fullName, String title, long agencyId, String agencyCode, String agencyName) {
}
