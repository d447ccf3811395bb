package vn.motcua.payment;

/** Fees collected by one agency for one procedure in a period: count, total, online, cash, refunded (đồng). */
public record RevenueRow(long agencyId, String agencyName, String procedureCode, String procedureName, int payments, long total,
                         long online, long cash, long refunded, int onlineCount) {
    /** What stays collected: the total less what was refunded. */
    public long net() {
        return total - refunded;
    }
}
