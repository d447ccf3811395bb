package vn.motcua.catalog;

import org.junit.jupiter.api.Test;
import vn.motcua.catalog.domain.ProcedureRules;
import vn.motcua.identity.Role;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureRulesTest {
    private final ProcedureRules rules = new ProcedureRules(20);

    static ProcedureDraft draft(String code, String limit, String online, List<ProcessStep> steps) {
        return new ProcedureDraft(code, "Đăng ký khai sinh", 1L, ProcedureLevel.COMMUNE, 1L, "UBND cấp xã", "Bước 1", null,
                true, online != null, false, online == null ? OnlineLevel.NONE : OnlineLevel.FULL,
                new BigDecimal(limit), online == null ? null : new BigDecimal(online), null, "Công dân", "Giấy khai sinh", null,
                null, "Luật Hộ tịch 2014", List.of(new Component(null, 1, "Tờ khai", 1, 0, true, null, null, null)),
                List.of(new Fee(FeeKind.CHARGE, "Miễn", 0)), steps);
    }

    static List<ProcessStep> steps(ProcessVariant variant, String... hours) {
        List<ProcessStep> list = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            list.add(new ProcessStep(variant, i + 1, "Bước " + (i + 1), "Một cửa", Role.PROCESSING_OFFICER, new BigDecimal(hours[i])));
        }
        return list;
    }

    private List<String> fields(ProcedureDraft d, boolean publish) {
        Problems p = new Problems();
        if (publish) {
            rules.checkPublishable(d, p);
        } else {
            rules.checkConsistency(d, p);
        }
        return p.list().stream().map(FieldProblem::field).toList();
    }

    private List<String> messages(ProcedureDraft d) {
        Problems p = new Problems();
        rules.checkConsistency(d, p);
        return p.list().stream().map(FieldProblem::message).toList();
    }

    @Test
    void acceptsACompleteProcedure() {
        List<ProcessStep> process = new ArrayList<>(steps(ProcessVariant.STANDARD, "4", "12", "4", "4"));
        process.addAll(steps(ProcessVariant.ONLINE, "2", "10", "2", "2"));
        assertThat(fields(draft("1.001193", "3", "2", process), true)).isEmpty();
    }

    @Test
    void codeMustFollowTheNationalDatabaseFormat() {
        assertThat(ProcedureRules.CODE.matcher("1.001193").matches()).isTrue();
        assertThat(ProcedureRules.CODE.matcher("2.000815.000.00.00.H01").matches()).isTrue();
        for (String bad : List.of("", "1001193", "1.00119", "A.001193", "1.001193 ", "1-001193")) {
            assertThat(ProcedureRules.CODE.matcher(bad).matches()).as(bad).isFalse();
        }
        assertThat(fields(draft("1234", "3", null, List.of()), false)).contains("code");
    }

    @Test
    void onlineLimitMustBeAtLeastTwentyPercentShorter() {
        assertThat(rules.maxOnlineDays(new BigDecimal(3))).isEqualByComparingTo("2");
        assertThat(rules.maxOnlineDays(new BigDecimal(5))).isEqualByComparingTo("4");
        assertThat(rules.maxOnlineDays(new BigDecimal(12))).isEqualByComparingTo("9.5");
        assertThat(rules.maxOnlineDays(new BigDecimal(1))).isEqualByComparingTo("0.5");
        assertThat(messages(draft("1.001193", "3", "2.5", List.of())))
                .anyMatch(m -> m.contains("ít nhất 20%") && m.contains("tối đa 2 ngày"));
        assertThat(messages(draft("1.001193", "3", "2", List.of()))).isEmpty();
        assertThat(new ProcedureRules(0).maxOnlineDays(new BigDecimal(3))).isEqualByComparingTo("3");
    }

    @Test
    void onlineLimitCannotExceedTheLegalLimitOrBeMissing() {
        assertThat(messages(draft("1.001193", "3", "4", List.of()))).anyMatch(m -> m.contains("không được dài hơn"));
        ProcedureDraft noOnlineLimit = draft("1.001193", "3", "2", List.of());
        noOnlineLimit = new ProcedureDraft(noOnlineLimit.code(), noOnlineLimit.name(), 1L, ProcedureLevel.COMMUNE, 1L, "x", "x", null,
                true, true, false, OnlineLevel.FULL, new BigDecimal(3), null, null, "x", "x", null, null, "x", List.of(), List.of(), List.of());
        assertThat(messages(noOnlineLimit)).anyMatch(m -> m.contains("Chưa nhập thời hạn giải quyết đối với hồ sơ nộp trực tuyến"));
    }

    @Test
    void timeLimitsAreWholeOrHalfWorkingDays() {
        assertThat(fields(draft("1.001193", "2.3", null, List.of()), false)).contains("timeLimitDays");
        assertThat(fields(draft("1.001193", "-1", null, List.of()), false)).contains("timeLimitDays");
        // 0 means "within the day of receipt"
        assertThat(fields(draft("1.001193", "0", null, List.of()), false)).doesNotContain("timeLimitDays");
        assertThat(fields(draft("1.001193", "0.5", null, List.of()), false)).doesNotContain("timeLimitDays");
    }

    @Test
    void processMustFitTheTimeLimit() {
        List<String> m = messages(draft("1.001193", "3", null, steps(ProcessVariant.STANDARD, "8", "16", "4")));
        assertThat(m).anyMatch(x -> x.contains("28 giờ") && x.contains("3 ngày làm việc (24 giờ)"));
        assertThat(messages(draft("1.001193", "3", null, steps(ProcessVariant.STANDARD, "8", "12", "4")))).isEmpty();
    }

    @Test
    void onlineProcessMustFitTheOnlineLimit() {
        List<ProcessStep> process = new ArrayList<>(steps(ProcessVariant.STANDARD, "4", "12", "4"));
        process.addAll(steps(ProcessVariant.ONLINE, "4", "12", "4"));
        assertThat(messages(draft("1.001193", "3", "2", process))).anyMatch(x -> x.contains("trực tuyến") && x.contains("20 giờ"));
    }

    @Test
    void publicationNeedsEveryComponentTheLawRequires() {
        ProcedureDraft empty = new ProcedureDraft("1.001193", "Tên", 1L, ProcedureLevel.PROVINCE, 1L, " ", "", null, true, false, false,
                OnlineLevel.NONE, new BigDecimal(5), null, null, "", "", null, null, "", List.of(), List.of(), List.of());
        assertThat(fields(empty, false)).isEmpty();
        assertThat(fields(empty, true)).contains("implementingAgency", "steps", "subjects", "resultType", "legalBasis",
                "components", "fees", "process");
    }

    @Test
    void atLeastOneMethodOfSubmission() {
        ProcedureDraft d = draft("1.001193", "3", null, List.of());
        ProcedureDraft none = new ProcedureDraft(d.code(), d.name(), 1L, d.level(), 1L, "x", "x", null, false, false, false,
                OnlineLevel.NONE, d.timeLimitDays(), null, null, "x", "x", null, null, "x", d.components(), d.fees(), List.of());
        assertThat(fields(none, false)).contains("methods");
    }
}
