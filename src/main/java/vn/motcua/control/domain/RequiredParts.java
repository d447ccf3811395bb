package vn.motcua.control.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts a published procedure must have (Decree 63/2010 Art. 8(2), Decision 766 indicator 1.3): name; sequence
 * of steps; methods; components and quantity; time limit; subjects; implementing agency. Returns the missing ones.
 */
public final class RequiredParts {
    private RequiredParts() {
    }

    public static List<String> missing(String name, String steps, boolean anyMethod, int components, BigDecimal timeLimitDays,
                                       String subjects, String implementingAgency) {
        List<String> out = new ArrayList<>();
        if (blank(name)) {
            out.add("Tên thủ tục");
        }
        if (blank(steps)) {
            out.add("Trình tự thực hiện");
        }
        if (!anyMethod) {
            out.add("Cách thức thực hiện");
        }
        if (components <= 0) {
            out.add("Thành phần, số lượng hồ sơ");
        }
        if (timeLimitDays == null) {
            out.add("Thời hạn giải quyết");
        }
        if (blank(subjects)) {
            out.add("Đối tượng thực hiện");
        }
        if (blank(implementingAgency)) {
            out.add("Cơ quan thực hiện");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
