/**
 * The service-quality index of Decision 766/QĐ-TTg computed by the system itself, in real time, for the province,
 * each agency and commune and each procedure: its six groups and scored indicators (points, thresholds and rating
 * bands kept as data), the dossiers and procedures behind every lost point, trends, ranking and a month-end
 * forecast; the Monday review with its assignments and remediation tasks; the national portal's published score
 * beside our own. The dossier-based indicators read a fact table kept from the dossier, payment and feedback
 * modules' events ({@code internal.QualityListener}); the scoring rules are plain Java ({@code domain.Scoring}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service-quality index (766)")
package vn.motcua.quality;
