/**
 * Dossiers (hồ sơ): intake at the counter, online and by public post with a completeness check against
 * the published components of the exact procedure version; processing along its internal process with
 * working-day deadlines, pauses for supplements, transfers between agencies, leader approval and the
 * return of results; late dossiers that cannot be hidden; the audit trail, control sheet, dossier book
 * and public tracking. Public API: {@link vn.motcua.dossier.DossierService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossiers and workflow")
package vn.motcua.dossier;
