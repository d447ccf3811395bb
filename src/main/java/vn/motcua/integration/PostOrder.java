package vn.motcua.integration;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A public-post order: PICKUP (the post fetches the applicant's paper dossier and brings it to the one-stop unit) or
 * DELIVERY (the post takes the result to the applicant), with the carrier's code, price and tracking.
 *
 * @param status REQUESTED (queued for the post), ACCEPTED, PICKED_UP, IN_TRANSIT, DELIVERED, FAILED, RETURNED, CANCELLED
 */
public record PostOrder(long id, String orderCode, String kind, Long dossierId, String dossierCode, String procedureCode, Long receivingAgencyId,
                        String senderName, String senderPhone, String senderAddress, String receiverName, String receiverAddress,
                        String carrierCode, Long price, String status, String statusNote, LocalDateTime createdAt, String createdBy,
                        LocalDateTime updatedAt, long rowVersion, List<Event> events) {

    /** A tracking event the post reported. */
    public record Event(String status, String note, LocalDateTime at) {
    }

    public String statusLabel() {
        return label(status);
    }

    public static String label(String status) {
        return switch (status) {
            case "REQUESTED" -> "Đã đặt, chờ bưu chính nhận đơn";
            case "ACCEPTED" -> "Bưu chính đã nhận đơn";
            case "PICKED_UP" -> "Bưu tá đã nhận bưu gửi";
            case "IN_TRANSIT" -> "Đang vận chuyển";
            case "DELIVERED" -> "Đã phát thành công";
            case "FAILED" -> "Phát không thành công";
            case "RETURNED" -> "Đã chuyển hoàn";
            case "CANCELLED" -> "Đã hủy";
            default -> status;
        };
    }

    public boolean pickup() {
        return "PICKUP".equals(kind);
    }
}
