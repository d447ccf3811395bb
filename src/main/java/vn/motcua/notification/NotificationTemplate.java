package vn.motcua.notification;

import java.time.LocalDateTime;

/** The text of one notification: e-mail subject and body, and the short text sent by SMS and Zalo. */
public record NotificationTemplate(NotificationEvent event, String subject, String body, String shortText, boolean enabled,
                                   LocalDateTime updatedAt, String updatedBy, long rowVersion) {
}
