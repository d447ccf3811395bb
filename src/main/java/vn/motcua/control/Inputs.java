package vn.motcua.control;

import vn.motcua.shared.Problems;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reading the text of a form or a JSON body into values, each refusal a Vietnamese message on its field. */
final class Inputs {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("d/M/uuuu");

    private Inputs() {
    }

    /** A date as ISO (2026-05-30) or as written in Vietnam (30/5/2026); null when blank and not required. */
    static LocalDate date(String value, String field, String label, boolean required, Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "Chưa nhập " + label + ".");
            }
            return null;
        }
        String v = value.trim();
        try {
            return v.contains("/") ? LocalDate.parse(v, VN) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            p.add(field, label.substring(0, 1).toUpperCase() + label.substring(1) + " không hợp lệ (ví dụ 30/5/2026).");
            return null;
        }
    }

    static Integer integer(String value, String field, String label, int min, int max, boolean required, Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "Chưa nhập " + label + ".");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                p.add(field, cap(label) + " phải từ " + min + " đến " + max + ".");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            p.add(field, cap(label) + " phải là số nguyên.");
            return null;
        }
    }

    /** A non-negative amount or quantity; Vietnamese thousands dots and decimal commas are accepted (1.024.000 or 2,5). */
    static BigDecimal decimal(String value, String field, String label, BigDecimal max, boolean required, Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "Chưa nhập " + label + ".");
            }
            return null;
        }
        String v = value.trim().replace(" ", "");
        if (v.matches("\\d{1,3}(\\.\\d{3})+")) {
            v = v.replace(".", "");
        }
        v = v.replace(',', '.');
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(max) > 0) {
                p.add(field, cap(label) + " phải từ 0 đến " + max.toPlainString() + ".");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            p.add(field, cap(label) + " phải là số.");
            return null;
        }
    }

    static String text(String value, String field, String label, int max, boolean required, Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "Chưa nhập " + label + ".");
            }
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            p.add(field, cap(label) + " dài quá " + max + " ký tự.");
            return null;
        }
        return v;
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type, String field, String label, boolean required, Problems p) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(field, "Chưa chọn " + label + ".");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            p.add(field, cap(label) + " không hợp lệ.");
            return null;
        }
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1);
    }
}
