package vn.motcua.payment;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One comparison of the local payments with the gateway: how many were checked, changed by what the gateway said,
 * differ (listed for an accountant) or could not be checked because the gateway did not answer.
 */
public record Reconciliation(long id, LocalDateTime runAt, String runBy, int checked, int changed, int differences, int unreachable,
                             List<Difference> list) {

    public record Difference(long paymentId, String paymentCode, String dossierCode, String localStatus, String remoteStatus,
                             long localAmount, Long remoteAmount, String note) {
    }

    public Reconciliation withDifferences(List<Difference> l) {
        return new Reconciliation(id, runAt, runBy, checked, changed, differences, unreachable, l);
    }
}
