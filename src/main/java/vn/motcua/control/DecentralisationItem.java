package vn.motcua.control;

import vn.motcua.control.domain.Authority;
import vn.motcua.control.domain.DecentralisationProposal;
import vn.motcua.control.domain.DecentralisationStatus;
import vn.motcua.control.domain.ProposalType;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One procedure of a decentralisation and delegation review round (appendix of Official Letter 634/UBND-TH): who
 * decides it now, on which legal basis, whether to decentralise or delegate it and to whom, and the type of proposal.
 */
public record DecentralisationItem(long id, String round, String procedureCode, String procedureName, String fieldName, long agencyId,
                                   String agencyName, Authority authority, String legalBasis, DecentralisationProposal proposal, String receiver,
                                   ProposalType proposalType, String reason, LocalDate dueOn, DecentralisationStatus status, String reviewedBy,
                                   LocalDateTime reviewedAt, long rowVersion) {
}
