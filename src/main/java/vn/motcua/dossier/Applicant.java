package vn.motcua.dossier;

/** Who the dossier is for. */
public record Applicant(String name, String idNumber, String phone, String email, String address) {
}
