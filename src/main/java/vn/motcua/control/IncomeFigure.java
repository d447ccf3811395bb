package vn.motcua.control;

/** The average monthly income a year's reviews value the applicant's time at, and where the figure comes from. */
public record IncomeFigure(int year, long monthlyIncome, String source, String updatedBy) {
}
