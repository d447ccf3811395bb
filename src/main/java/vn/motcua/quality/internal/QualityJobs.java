package vn.motcua.quality.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierQueries;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The fact table's upkeep: filled from the dossiers once when it is empty (a database upgraded to this version), and
 * every few minutes the dossiers not yet seen delivered to the national portal are checked again (delivery
 * happens after the events that wrote their rows), 500 at a time, those checked longest ago first.
 */
@Component
class QualityJobs {
    private static final Logger log = LoggerFactory.getLogger(QualityJobs.class);

    private final FactStore store;
    private final FactRefresher refresher;
    private final DossierQueries dossiers;
    private final vn.motcua.quality.ReportService reports;
    private final vn.motcua.quality.WeeklyReviewService reviews;
    private final Clock clock;

    QualityJobs(FactStore store, FactRefresher refresher, DossierQueries dossiers, vn.motcua.quality.ReportService reports,
                vn.motcua.quality.WeeklyReviewService reviews, Clock clock) {
        this.store = store;
        this.refresher = refresher;
        this.dossiers = dossiers;
        this.reports = reports;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** On the 1st of each month last month's results go to the report recipients of each unit and of the province. */
    @Scheduled(cron = "${motcua.quality.monthly-cron:0 0 7 1 * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "quality-monthly", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5M")
    void monthlyResults() {
        int n = reviews.queueMonthly();
        log.info("Monthly results of the service-quality index queued for {} units.", n);
    }

    /** Every Monday morning each unit's head (and the weekly recipients) get the digest of the week before (seed 004 item 9). */
    @Scheduled(cron = "${motcua.quality.digest-cron:0 30 6 * * MON}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "quality-digest", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5M")
    void mondayDigest() {
        int n = reviews.queueDigests();
        log.info("Monday digest of the service-quality index queued for {} units.", n);
    }

    /** On the day after a reporting period's cut-off (the 14th of March, June, September, December), the province's Biểu 06 is frozen and sent. */
    @Scheduled(cron = "${motcua.quality.report-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "quality-reports", lockAtMostFor = "PT2M")
    void sendEndedReports() {
        var sent = reports.sendEnded(LocalDate.now(clock));
        if (!sent.isEmpty()) {
            log.info("Biểu 06 sent on schedule: reports {}", sent);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        if (store.count() == 0) {
            int n = rebuild(LocalDate.of(2000, 1, 1));
            if (n > 0) {
                log.info("Service-quality index: facts of {} dossiers written.", n);
            }
        }
    }

    /** Writes the rows of every dossier received since {@code from} again. */
    int rebuild(LocalDate from) {
        int n = 0;
        for (Long id : dossiers.receivedBetween(from, LocalDate.now(clock).plusDays(1)).keySet()) {
            try {
                refresher.refresh(id);
                n++;
            } catch (RuntimeException e) {
                log.warn("Quality fact of dossier {} not written: {}", id, e.toString());
            }
        }
        return n;
    }

    @Scheduled(fixedDelayString = "${motcua.quality.sync-check-delay:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "quality-sync-check", lockAtMostFor = "PT2M")
    void recheckSync() {
        recheck();
    }

    int recheck() {
        int n = 0;
        for (Long id : store.unsynced(500)) {
            refresher.refresh(id);
            n++;
        }
        return n;
    }
}
