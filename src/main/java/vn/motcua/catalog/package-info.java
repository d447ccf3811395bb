/**
 * Procedure catalog (TTHC): procedures with every legally required component, versions by
 * publication decision (new, amended, replaced, abolished), internal processes, public search and
 * statistics. Public API: {@link vn.motcua.catalog.CatalogService} (queries, including the exact
 * version in force on a date) and {@link vn.motcua.catalog.ProcedureAdminService} (changes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure catalog (TTHC)")
package vn.motcua.catalog;
