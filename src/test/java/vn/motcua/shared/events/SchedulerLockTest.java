package vn.motcua.shared.events;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import vn.motcua.IntegrationTest;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Each scheduled job runs on one node at a time: every job is locked, by name, in the database. */
@IntegrationTest
class SchedulerLockTest {
    @Autowired ApplicationContext context;
    @Autowired LockProvider locks;

    @Test
    void everyScheduledJobHoldsItsOwnLock() {
        List<String> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String bean : context.getBeanDefinitionNames()) {
            Class<?> type = AopUtils.getTargetClass(context.getBean(bean));
            if (!type.getName().startsWith("vn.motcua")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
                    assertThat(lock).as(type.getSimpleName() + "." + m.getName() + " is locked").isNotNull();
                    assertThat(names.add(lock.name())).as("lock name " + lock.name() + " is used once").isTrue();
                    jobs.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(jobs).contains("IntegrationJobs.deliver", "NotificationJobs.send", "DeadlineJobs.scheduled", "EventPublications.retryStale",
                "ControlJobs.warn", "PaymentJobs.reconcile");
    }

    @Test
    void whileOneNodeRunsAJobTheOtherSkipsIt() throws Exception {
        DefaultLockingTaskExecutor nodeA = new DefaultLockingTaskExecutor(locks);
        DefaultLockingTaskExecutor nodeB = new DefaultLockingTaskExecutor(locks);
        String job = "test-job-" + System.nanoTime();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Thread a = new Thread(() -> nodeA.executeWithLock((Runnable) () -> {
            runs.incrementAndGet();
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new LockConfiguration(Instant.now(), job, Duration.ofSeconds(30), Duration.ZERO)));
        a.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        nodeB.executeWithLock((Runnable) runs::incrementAndGet, new LockConfiguration(Instant.now(), job, Duration.ofSeconds(30), Duration.ZERO));
        assertThat(runs.get()).as("the second node skipped the run").isEqualTo(1);
        release.countDown();
        a.join(10_000);
        nodeB.executeWithLock((Runnable) runs::incrementAndGet, new LockConfiguration(Instant.now(), job, Duration.ofSeconds(30), Duration.ZERO));
        assertThat(runs.get()).as("once released, the next run goes ahead").isEqualTo(2);
    }
}
