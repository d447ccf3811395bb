package vn.motcua.catalog;

/** A fee or charge; {@code amountVnd} 0 means free of charge. */
public record Fee(FeeKind kind, String description, long amountVnd) {
}
