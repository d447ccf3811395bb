package vn.motcua.feedback;

/** How satisfied the applicant is with the handling of a dossier; the national portal counts the first two as "like". */
public enum Satisfaction {
    VERY_SATISFIED("Rất hài lòng", "Very satisfied", 2), SATISFIED("Hài lòng", "Satisfied", 1),
    NOT_SATISFIED("Không hài lòng", "Not satisfied", 0);

    private final String label;
    private final String labelEn;
    private final int points;

    Satisfaction(String label, String labelEn, int points) {
        this.label = label;
        this.labelEn = labelEn;
        this.points = points;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Points on the evaluation slip's scale (2, 1, 0). */
    public int points() {
        return points;
    }

    public boolean liked() {
        return this != NOT_SATISFIED;
    }
}
