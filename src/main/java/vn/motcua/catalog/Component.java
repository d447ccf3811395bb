package vn.motcua.catalog;

/** A dossier component (thành phần hồ sơ) with its quantity and optional form template. */
public record Component(Long id, int position, String name, int originals, int copies, boolean required, String note,
                        String formName, Long formFileId) {

    /** A document the law only asks to be shown (xuất trình): nothing is kept, and nothing is uploaded online. */
    public boolean showOnly() {
        return originals == 0 && copies == 0;
    }

    public String quantity() {
        StringBuilder sb = new StringBuilder();
        if (originals > 0) {
            sb.append(originals).append(" bản chính");
        }
        if (copies > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(copies).append(" bản sao");
        }
        return sb.isEmpty() ? "Xuất trình" : sb.toString();
    }
}
