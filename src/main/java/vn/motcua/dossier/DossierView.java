package vn.motcua.dossier;

/** A dossier in a list, with the colour of its deadline. */
public record DossierView(Dossier dossier, DeadlineState deadline, String receivingAgency, String handlingAgency, String stepName,
                          String stepRole) {
}
