/**
 * Legal rule sets: the rules of the one-stop mechanism as data with an effective date (the decree and
 * circular they come from, the forms and their templates, the dossier-code pattern, the cut-off hour,
 * the supplement and extension rules). A dossier keeps the rule set in force on the day it was received.
 * Public API: {@link vn.motcua.rules.RuleSetService}, {@link vn.motcua.rules.LegalRuleSet} and the
 * plain-Java {@link vn.motcua.rules.DossierCodePattern}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal rule sets")
package vn.motcua.rules;
