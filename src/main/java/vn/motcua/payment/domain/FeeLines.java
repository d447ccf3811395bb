package vn.motcua.payment.domain;

import vn.motcua.catalog.Fee;
import vn.motcua.payment.PaymentItem;
import vn.motcua.shared.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which fees of a procedure version are paid, in plain Java. Lines of 0 đồng are not payments. One fixed line is
 * requested by itself; where a version lists several lines (alternatives such as a reduced rate, or fees that add up)
 * or a fee per unit (per page, per copy), the applicant or the officer says which lines apply and how many units,
 * and the amounts always come from the published version.
 */
public final class FeeLines {
    public static final int MAX_QUANTITY = 1000;

    private FeeLines() {
    }

    /** The lines with an amount, in their published order. */
    public static List<Fee> payable(List<Fee> fees) {
        return fees.stream().filter(f -> f.amountVnd() > 0).toList();
    }

    /** A fee charged per unit (per page, per copy, per sheet): the quantity must be given. */
    public static boolean perUnit(Fee f) {
        String d = f.description().toLowerCase(Locale.ROOT);
        return d.contains("mỗi") || d.contains("/trang") || d.contains("/bản");
    }

    /** Whether the request can be made without asking which lines apply: the version lists exactly one line, fixed and not free. */
    public static boolean automatic(List<Fee> fees) {
        return fees.size() == 1 && fees.get(0).amountVnd() > 0 && !perUnit(fees.get(0));
    }

    /**
     * Whether some fee is always due: the version has payable lines and no free alternative (such as "free when
     * registered on time"). Where a free line exists, a fee is due only once someone (the officer, or the applicant)
     * says which line applies by making a request.
     */
    public static boolean alwaysDue(List<Fee> fees) {
        return !payable(fees).isEmpty() && fees.stream().noneMatch(f -> f.amountVnd() == 0);
    }

    /** The one line of an automatic request. */
    public static List<PaymentItem> automaticItems(List<Fee> fees) {
        Fee f = payable(fees).get(0);
        return List.of(new PaymentItem(f.kind(), f.description(), f.amountVnd(), 1, f.amountVnd()));
    }

    /**
     * The items chosen: position (1-based, among the payable lines) → quantity (0 = not chosen). Amounts come from the
     * version, never from the chooser.
     */
    public static List<PaymentItem> choose(List<Fee> fees, Map<Integer, Integer> quantities, Problems p) {
        List<Fee> payable = payable(fees);
        List<PaymentItem> items = new ArrayList<>();
        quantities.forEach((position, quantity) -> {
            if (position < 1 || position > payable.size()) {
                p.add("fees", "Khoản phí, lệ phí số " + position + " không có trong thủ tục đã công bố.");
            } else if (quantity != null && (quantity < 0 || quantity > MAX_QUANTITY)) {
                p.add("fees", "Số lượng phải từ 0 đến " + MAX_QUANTITY + ".");
            }
        });
        for (int i = 0; i < payable.size(); i++) {
            Integer q = quantities.get(i + 1);
            if (q != null && q > 0 && q <= MAX_QUANTITY) {
                Fee f = payable.get(i);
                items.add(new PaymentItem(f.kind(), f.description(), f.amountVnd(), q, f.amountVnd() * q));
            }
        }
        if (items.isEmpty() && p.isEmpty()) {
            p.add("fees", "Chưa chọn khoản phí, lệ phí nào phải nộp.");
        }
        return items;
    }

    /** Items of an assessed amount: the officer names the line and enters the amount established by assessment. */
    public static List<PaymentItem> assessed(List<Fee> fees, int position, long amount, Problems p) {
        p.require(position >= 1 && position <= fees.size(), "fees", "Khoản phí, lệ phí không có trong thủ tục đã công bố.");
        p.require(amount > 0 && amount <= 10_000_000_000L, "amount", "Số tiền theo kết quả thẩm định phải lớn hơn 0 và không quá 10 tỷ đồng.");
        if (!p.isEmpty()) {
            return List.of();
        }
        Fee f = fees.get(position - 1);
        return List.of(new PaymentItem(f.kind(), f.description(), amount, 1, amount));
    }

    public static long total(List<PaymentItem> items) {
        return items.stream().mapToLong(PaymentItem::amount).sum();
    }
}
