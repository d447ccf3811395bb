package vn.motcua.integration.domain;

import vn.motcua.dossier.DossierStatus;

/**
 * The dossier status codes of the national portal's sync contract (TrangThaiHoSo), as existing provincial integrations
 * send them (verify against the portal's current specification): 1 new, 2 received, 3 refused, 4 in progress,
 * 5 supplement requested, 6 financial obligation requested, 7 withdrawn at the applicant's request, 8 stopped,
 * 9 processing finished, 10 result returned.
 */
public final class PortalStatus {
    private PortalStatus() {
    }

    public static int of(DossierStatus status, boolean processed) {
        return switch (status) {
            case SUBMITTED -> 1;
            case INTAKE_SUPPLEMENT, PAUSED -> 5;
            case REFUSED -> 3;
            case PROCESSING, SUPPLEMENT_APPROVAL -> processed ? 9 : 4;
            case RETURNED -> 10;
            case STOPPED -> 8;
            case WITHDRAWN -> 7;
        };
    }

    /** The channel code (KenhThucHien): 1 counter, 2 online, 3 public post. */
    public static int channel(vn.motcua.dossier.Channel channel) {
        return switch (channel) {
            case COUNTER -> 1;
            case ONLINE -> 2;
            case POST -> 3;
        };
    }
}
