package vn.motcua.rules;

/** One form of a rule set: its number in the circular, its title and the template it is rendered from. */
public record LegalForm(FormKind kind, String number, String title, String template) {
}
