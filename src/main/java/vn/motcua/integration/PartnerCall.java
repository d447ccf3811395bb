package vn.motcua.integration;

/**
 * The answer to a partner system's call: what happened ({@code CREATED}, {@code UPDATED}, {@code DUPLICATE} for a call
 * already applied), the local dossier code when there is one, and a message.
 */
public record PartnerCall(String outcome, String dossierCode, String message) {
}
