package vn.motcua.quality;

/** Who receives the reports and the Monday digest of a unit (0: the whole province) by e-mail. */
public record Recipient(long id, long unitId, String email, String name, boolean reports, boolean weekly) {
}
