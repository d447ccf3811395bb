package vn.motcua.catalog;

/** Filters of the public search; every one is optional. */
public record SearchQuery(String text, Long agencyId, Long fieldId, ProcedureLevel level, OnlineLevel onlineLevel) {
    public static SearchQuery all() {
        return new SearchQuery(null, null, null, null, null);
    }
}
