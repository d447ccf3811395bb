package vn.motcua.catalog;

/** How many procedures one agency had published new, amended, replaced and abolished in one month. */
public record MonthlyStatistic(int year, int month, long agencyId, String agencyName,
                               long newlyPublished, long amended, long replaced, long abolished) {
    public long total() {
        return newlyPublished + amended + replaced + abolished;
    }
}
