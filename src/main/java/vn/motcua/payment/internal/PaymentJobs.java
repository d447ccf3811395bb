package vn.motcua.payment.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.payment.PaymentService;
import vn.motcua.shared.events.Readiness;

import java.time.Duration;

/**
 * The payment module's background work: every few minutes, payments pending at the platform for a while are queried
 * (a lost callback is noticed quickly); once a day (motcua.payment.reconcile-cron) the full reconciliation runs and
 * records its differences for the accountants.
 */
@Component
class PaymentJobs {
    private final PaymentService payments;
    private final Readiness readiness;

    PaymentJobs(PaymentService payments, Readiness readiness) {
        this.payments = payments;
        this.readiness = readiness;
    }

    @Scheduled(fixedDelayString = "${motcua.payment.sweep-interval:PT5M}", initialDelayString = "PT1M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment-sweep", lockAtMostFor = "PT2M", lockAtLeastFor = "PT30S")
    void sweep() {
        if (readiness.ready()) {
            payments.sweepPending(Duration.ofMinutes(10));
        }
    }

    @Scheduled(cron = "${motcua.payment.reconcile-cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    void reconcile() {
        if (readiness.ready()) {
            payments.reconcile("system");
        }
    }
}
