package vn.motcua.dossier;

import java.util.Optional;

/**
 * A condition another module sets on two hand-overs of a dossier: its receipt by the one-stop unit (online or by post)
 * and the return of its result. Payment uses it: a dossier whose fees are due at submission is received once paid,
 * and one whose fees are assessed during processing has its result handed over once paid. Each answer is the
 * Vietnamese reason why the hand-over must wait, or empty.
 */
public interface HandOverCheck {

    default Optional<String> beforeReceipt(Dossier d) {
        return Optional.empty();
    }

    default Optional<String> beforeReturn(Dossier d) {
        return Optional.empty();
    }
}
