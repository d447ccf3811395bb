package vn.motcua.control;

/**
 * A drafting agency's draft regulations in a period, as the periodic report on the control of procedures in draft
 * regulations counts them.
 *
 * @param registered          drafts registered in the period
 * @param newProcedures       procedures those drafts create
 * @param amendedProcedures   procedures they amend
 * @param abolishedProcedures procedures they abolish
 * @param opinions            the provincial office's opinions given in the period
 * @param opinionsLate        of which after their due date
 * @param opinionsOverdue     drafts whose opinion was due by the period's end and not given by then
 * @param appraised           appraisals by the Department of Justice given in the period
 */
public record DraftFigure(long agencyId, long registered, long newProcedures, long amendedProcedures, long abolishedProcedures, long opinions,
                          long opinionsLate, long opinionsOverdue, long appraised) {
}
