package vn.motcua.notification.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.notification.NotificationService;
import vn.motcua.shared.events.Readiness;

/** Sends the messages due (new ones, and retries whose backoff has passed) every {@code motcua.notification.send-interval}. */
@Component
class NotificationJobs {
    private final NotificationService notifications;
    private final Readiness readiness;

    NotificationJobs(NotificationService notifications, Readiness readiness) {
        this.notifications = notifications;
        this.readiness = readiness;
    }

    @Scheduled(fixedDelayString = "${motcua.notification.send-interval:PT15S}", initialDelayString = "PT20S")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notification-sending", lockAtMostFor = "PT30S", lockAtLeastFor = "PT1S")
    void send() {
        if (readiness.ready()) {
            notifications.deliverDue();
        }
    }
}
