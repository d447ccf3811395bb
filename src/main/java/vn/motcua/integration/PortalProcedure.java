package vn.motcua.integration;

import java.time.LocalDateTime;

/**
 * A procedure of the national catalog as last pulled, mapped to a local one, with what differs.
 *
 * @param proposal     SAME (nothing to do), CHANGED (the national version differs: a draft can be made), NEW (not published
 *                     here: map it to a local code or publish it), ACCEPTED (a draft was made), DISMISSED, MAPPED
 * @param differences  what differs, one line each
 */
public record PortalProcedure(String nationalCode, String name, String fieldCode, String level, LocalDateTime pulledAt, String localCode,
                              String proposal, String differences, String decidedBy, LocalDateTime decidedAt, Long draftVersionId,
                              long rowVersion) {
    public java.util.List<String> differenceLines() {
        return differences == null ? java.util.List.of() : java.util.List.of(differences.split("\n"));
    }

    public boolean open() {
        return "CHANGED".equals(proposal) || "NEW".equals(proposal);
    }
}
