package vn.motcua.notification;

/** How a message reaches the applicant. */
public enum NotificationChannel {
    EMAIL("Thư điện tử", "E-mail"),
    SMS("Tin nhắn SMS", "SMS"),
    ZALO("Zalo", "Zalo");

    private final String label;
    private final String labelEn;

    NotificationChannel(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
