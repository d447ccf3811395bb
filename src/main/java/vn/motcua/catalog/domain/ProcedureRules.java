package vn.motcua.catalog.domain;

import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcessStep;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.shared.Problems;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a procedure version must follow, in plain Java. {@link #checkConsistency} runs on every
 * save of a draft; {@link #checkPublishable} adds the completeness the law requires before publication.
 */
public final class ProcedureRules {
    /** National TTHC database code: 1.001234, optionally with the local suffix (1.001234.000.00.00.H12). */
    public static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?");
    public static final BigDecimal HOURS_PER_DAY = new BigDecimal(8);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final int onlineCutPercent;

    /** @param onlineCutPercent how much shorter the online time limit must be (0 = no requirement) */
    public ProcedureRules(int onlineCutPercent) {
        if (onlineCutPercent < 0 || onlineCutPercent > 90) {
            throw new IllegalArgumentException("online cut must be between 0 and 90 percent");
        }
        this.onlineCutPercent = onlineCutPercent;
    }

    public int onlineCutPercent() {
        return onlineCutPercent;
    }

    /** The longest online time limit allowed for a legal time limit, in half days, rounded down. */
    public BigDecimal maxOnlineDays(BigDecimal timeLimitDays) {
        BigDecimal max = timeLimitDays.multiply(BigDecimal.valueOf(100 - onlineCutPercent)).divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN);
        return max.divide(HALF, 0, RoundingMode.DOWN).multiply(HALF).setScale(1, RoundingMode.UNNECESSARY);
    }

    public void checkConsistency(ProcedureDraft d, Problems p) {
        p.require(d.code() != null && CODE.matcher(d.code().trim()).matches(), "code",
                "Mã thủ tục phải theo định dạng của Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001234.");
        p.requireText(d.name(), "name", "Tên thủ tục");
        p.require(d.name() == null || d.name().trim().length() <= 500, "name", "Tên thủ tục dài quá 500 ký tự.");
        p.require(d.fieldId() != null, "fieldId", "Chưa chọn lĩnh vực.");
        p.require(d.level() != null, "level", "Chưa chọn cấp thực hiện.");
        p.require(d.agencyId() != null, "agencyId", "Chưa chọn cơ quan chủ trì (quản lý) thủ tục.");
        p.require(d.onlineLevel() != null, "onlineLevel", "Chưa chọn mức độ dịch vụ công trực tuyến.");
        BigDecimal limit = d.timeLimitDays();
        boolean limitOk = limit != null && limit.signum() >= 0 && isHalfDays(limit) && limit.compareTo(new BigDecimal(1000)) < 0;
        p.require(limitOk, "timeLimitDays", "Thời hạn giải quyết là số ngày làm việc, làm tròn đến nửa ngày (ví dụ 0,5; 3; 15); "
                + "0 nghĩa là giải quyết trong ngày tiếp nhận.");
        if (d.onlineLevel() != null && d.onlineLevel() != OnlineLevel.NONE) {
            p.require(d.byOnline(), "byOnline", "Thủ tục có dịch vụ công trực tuyến thì phải có cách thức nộp trực tuyến.");
        }
        if (d.byOnline() && d.onlineLevel() == OnlineLevel.NONE) {
            p.add("onlineLevel", "Thủ tục cho nộp trực tuyến thì mức độ dịch vụ công phải là \"Toàn trình\" hoặc \"Một phần\".");
        }
        BigDecimal online = d.onlineTimeLimitDays();
        if (d.byOnline() && limitOk) {
            if (online == null) {
                p.add("onlineTimeLimitDays", "Chưa nhập thời hạn giải quyết đối với hồ sơ nộp trực tuyến.");
            } else if (online.signum() < 0 || !isHalfDays(online)) {
                p.add("onlineTimeLimitDays", "Thời hạn giải quyết trực tuyến là số ngày làm việc, làm tròn đến nửa ngày (0 = trong ngày).");
            } else if (online.compareTo(limit) > 0) {
                p.add("onlineTimeLimitDays", "Thời hạn giải quyết trực tuyến không được dài hơn thời hạn theo quy định.");
            } else if (online.signum() == 0 && limit.signum() > 0) {
                p.add("onlineTimeLimitDays", "Thời hạn trực tuyến \"trong ngày\" chỉ dùng cho thủ tục giải quyết trong ngày; hãy nhập số ngày làm việc.");
            } else if (onlineCutPercent > 0 && limit.signum() > 0 && online.compareTo(maxOnlineDays(limit)) > 0) {
                p.add("onlineTimeLimitDays", "Theo chỉ đạo của UBND tỉnh, thời hạn giải quyết hồ sơ trực tuyến phải ngắn hơn ít nhất "
                        + onlineCutPercent + "% so với quy định (" + days(limit) + " ngày), tức tối đa " + days(maxOnlineDays(limit))
                        + " ngày làm việc.");
            }
        } else if (!d.byOnline() && online != null) {
            p.add("onlineTimeLimitDays", "Thủ tục không nộp trực tuyến thì không nhập thời hạn trực tuyến.");
        }
        p.require(d.byCounter() || d.byOnline() || d.byPost(), "methods", "Phải có ít nhất một cách thức thực hiện (trực tiếp, trực tuyến, bưu chính).");
        checkComponents(d.components(), p);
        checkFees(d.fees(), p);
        checkProcess(d, limitOk ? limit : null, p);
    }

    private static void checkComponents(List<Component> components, Problems p) {
        if (components == null) {
            return;
        }
        for (Component c : components) {
            String where = "Thành phần hồ sơ thứ " + c.position();
            p.requireText(c.name(), "components", where + ": tên");
            p.require(c.originals() >= 0 && c.copies() >= 0 && c.originals() <= 20 && c.copies() <= 20, "components",
                    where + ": số lượng bản chính, bản sao phải từ 0 đến 20.");
        }
    }

    private static void checkFees(List<Fee> fees, Problems p) {
        if (fees == null) {
            return;
        }
        for (Fee f : fees) {
            p.requireText(f.description(), "fees", "Nội dung phí, lệ phí");
            p.require(f.amountVnd() >= 0, "fees", "Mức phí, lệ phí không được âm.");
            p.require(f.kind() != null, "fees", "Chưa chọn loại (phí hay lệ phí).");
        }
    }

    private void checkProcess(ProcedureDraft d, BigDecimal limit, Problems p) {
        List<ProcessStep> steps = d.process() == null ? List.of() : d.process();
        for (ProcessStep s : steps) {
            String where = "Bước " + s.position() + " (" + s.variant().label() + ")";
            p.requireText(s.name(), "process", where + ": tên bước");
            p.requireText(s.responsible(), "process", where + ": đơn vị/người thực hiện");
            p.require(s.role() != null, "process", where + ": chưa chọn vai trò thực hiện.");
            p.require(s.durationHours() != null && s.durationHours().signum() > 0, "process", where + ": thời gian phải lớn hơn 0 giờ.");
        }
        if (limit != null) {
            fits(steps, ProcessVariant.STANDARD, limit, "thời hạn giải quyết theo quy định", p);
            if (d.byOnline() && d.onlineTimeLimitDays() != null && d.onlineTimeLimitDays().signum() >= 0) {
                fits(steps, ProcessVariant.ONLINE, d.onlineTimeLimitDays(), "thời hạn giải quyết trực tuyến", p);
            }
        }
        if (!d.byOnline() && steps.stream().anyMatch(s -> s.variant() == ProcessVariant.ONLINE)) {
            p.add("process", "Thủ tục không nộp trực tuyến thì không có quy trình trực tuyến.");
        }
    }

    private static void fits(List<ProcessStep> steps, ProcessVariant variant, BigDecimal limitDays, String what, Problems p) {
        BigDecimal total = steps.stream().filter(s -> s.variant() == variant && s.durationHours() != null)
                .map(ProcessStep::durationHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allowed = limitDays.signum() == 0 ? HOURS_PER_DAY : limitDays.multiply(HOURS_PER_DAY);
        if (total.compareTo(allowed) > 0) {
            p.add("process", "Quy trình nội bộ (" + variant.label().toLowerCase() + ") cần " + hours(total) + " giờ làm việc, vượt "
                    + what + " là " + timeLimit(limitDays) + " (" + hours(allowed) + " giờ).");
        }
    }

    /** What publication needs on top of consistency: every component of a published procedure. */
    public void checkPublishable(ProcedureDraft d, Problems p) {
        checkConsistency(d, p);
        p.requireText(d.implementingAgency(), "implementingAgency", "Cơ quan thực hiện");
        p.requireText(d.steps(), "steps", "Trình tự thực hiện");
        p.requireText(d.subjects(), "subjects", "Đối tượng thực hiện");
        p.requireText(d.resultType(), "resultType", "Kết quả thực hiện");
        p.requireText(d.legalBasis(), "legalBasis", "Căn cứ pháp lý");
        p.require(d.components() != null && !d.components().isEmpty(), "components", "Chưa có thành phần hồ sơ.");
        p.require((d.fees() != null && !d.fees().isEmpty()) || (d.feesNote() != null && !d.feesNote().isBlank()), "fees",
                "Chưa ghi phí, lệ phí (ghi \"Không\" nếu miễn phí).");
        List<ProcessStep> steps = d.process() == null ? List.of() : d.process();
        p.require(steps.stream().anyMatch(s -> s.variant() == ProcessVariant.STANDARD), "process",
                "Chưa có quy trình nội bộ giải quyết hồ sơ (trực tiếp/bưu chính).");
        if (d.byOnline()) {
            p.require(steps.stream().anyMatch(s -> s.variant() == ProcessVariant.ONLINE), "process",
                    "Chưa có quy trình nội bộ cho hồ sơ nộp trực tuyến.");
        }
    }

    private static boolean isHalfDays(BigDecimal v) {
        return v.remainder(HALF).signum() == 0;
    }

    public static String days(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** "3 ngày làm việc", "0,5 ngày làm việc" or "trong ngày" for a time limit of 0. */
    public static String timeLimit(BigDecimal v) {
        return v.signum() == 0 ? "trong ngày" : days(v) + " ngày làm việc";
    }

    private static String hours(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
