package vn.motcua.control;

import vn.motcua.catalog.ProcessVariant;
import vn.motcua.control.domain.StepTimes;

import java.time.LocalDate;
import java.util.Map;

/** What the history of a procedure's dossiers says about its internal process (see {@link StepTimes}). */
public record StepAnalysis(String procedureCode, String procedureName, ProcessVariant variant, LocalDate from, LocalDate to,
                           StepTimes.Analysis analysis, Map<Long, String> agencyNames) {
}
