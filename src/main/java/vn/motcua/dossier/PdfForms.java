package vn.motcua.dossier;

import java.util.Map;

/**
 * Renders a form template to PDF the way the legal forms are rendered (Thymeleaf (X)HTML under {@code templates/forms/},
 * overridable from the province's forms folder, embedded DejaVu fonts), for other modules' documents such as the
 * electronic receipt of a payment.
 */
public interface PdfForms {
    byte[] pdf(String template, Map<String, Object> model);
}
