package vn.motcua.dossier;

/** What the competent authority decided. */
public enum Outcome {
    GRANTED("Giải quyết theo đề nghị", "Granted"), DENIED("Không giải quyết (có văn bản nêu rõ lý do)", "Denied with reasons");

    private final String label;
    private final String labelEn;

    Outcome(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
