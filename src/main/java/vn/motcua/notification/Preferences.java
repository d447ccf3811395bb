package vn.motcua.notification;

/** The channels an applicant's account chose (by default e-mail and SMS). */
public record Preferences(String username, boolean email, boolean sms, boolean zalo, long rowVersion) {
    public static Preferences defaults(String username) {
        return new Preferences(username, true, true, false, -1);
    }
}
