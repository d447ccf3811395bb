/**
 * Notifications to applicants: templated messages (editable by administrators, with placeholders and a preview) when
 * their dossier is received, asked to supplement, asked to pay, paid, has its result, is returned, apologised for or
 * stopped; sent by e-mail (SMTP), SMS (a brandname gateway) and Zalo (ZNS), each behind the
 * {@link vn.motcua.notification.MessageChannel} port; one queued message per event, channel and recipient, retried with
 * exponential backoff until it expires, with a delivery log on each dossier. Listens to the dossier and payment events.
 * Public API: {@link vn.motcua.notification.NotificationService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications to applicants")
package vn.motcua.notification;
