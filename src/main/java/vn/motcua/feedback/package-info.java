/**
 * The applicant's voice: satisfaction ratings of returned dossiers (from the applicant's own page, the public tracking
 * page and a counter kiosk tied to the officer who returned the result), with their history; feedback (phản ánh,
 * kiến nghị) routed to the competent agency with its deadlines in working days, transfers, warnings, published and
 * redacted answers with votes; the 9-criterion evaluation of each agency per quarter or year (computed, self-assessed,
 * verified); statistics and the monthly vote summary the national portal expects. It listens to the dossier events and
 * adds its section to the dossier's pages through {@link vn.motcua.dossier.DossierPanel}. Public API:
 * {@link vn.motcua.feedback.RatingService}, {@link vn.motcua.feedback.FeedbackService},
 * {@link vn.motcua.feedback.EvaluationService}, {@link vn.motcua.feedback.FeedbackEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings, feedback and evaluation")
package vn.motcua.feedback;
