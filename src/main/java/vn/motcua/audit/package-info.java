/**
 * Audit: one append-only, tamper-evident log of every change in every module, of logins (success and
 * failure) and of reads of personal data — who, when, from where, what, before and after. Each entry is
 * chained to the previous one of its chain (several are appended side by side) by a SHA-256 hash, so that
 * changing, removing or inserting a stored entry breaks the chain at that entry;
 * {@link vn.motcua.audit.AuditLog#verify()} (the auditor page and {@code bin/verify-audit}) names the first
 * broken entry. No endpoint edits or deletes entries. Public API: {@link vn.motcua.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package vn.motcua.audit;
