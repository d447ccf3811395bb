package vn.motcua.bench;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer of the transition benchmark: the same dossier flow (intake → specialist → leader → return, a due date per
 * step, history level "audit") on Flowable's BPMN engine, in a schema of its own on the same PostgreSQL. A transition
 * is what an officer's "forward" is there: find the dossier's open task for the officer's group, complete it with the
 * note and the next step's due date.
 */
final class FlowableBench implements AutoCloseable {
    static final String SCHEMA = "flowable_bench";
    private static final String SPECIALISTS = "AG.STP:PROCESSING_OFFICER";
    private static final int BATCH = 200;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FlowableBench(String url, String user, String password, int pool) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setJdbcUrl(url + "?currentSchema=" + SCHEMA);
        cfg.setJdbcUsername(user);
        cfg.setJdbcPassword(password);
        cfg.setJdbcDriver("org.postgresql.Driver");
        cfg.setJdbcMaxActiveConnections(pool);
        cfg.setDatabaseSchema(SCHEMA);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setAsyncExecutorActivate(false);
        engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bench/dossier.bpmn20.xml").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    /**
     * Starts n dossiers and takes each through intake, so that n wait at the specialist's step; returns their ids.
     * Through the engine's API, {@value #BATCH} dossiers to a transaction (nested calls inside one command share its
     * context and its flush): about 140 a second on this machine at 20,000 instead of 90 with one transaction a
     * dossier — still hours for a million. The measured transitions stay one call and one transaction each.
     */
    List<String> load(int n, int threads) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>(n));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        ManagementService management = engine.getManagementService();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int from = next.getAndAdd(BATCH); from < n; from = next.getAndAdd(BATCH)) {
                    int first = from;
                    int to = Math.min(n, from + BATCH);
                    Map<String, LocalDateTime> started = management.executeCommand(context -> {
                        Map<String, LocalDateTime> batch = new java.util.LinkedHashMap<>();
                        for (int i = first; i < to; i++) {
                            LocalDateTime at = LocalDateTime.of(2025, 1, 1, 8, 0).plusMinutes(i % 1_000_000);
                            batch.put(runtime.startProcessInstanceByKey("dossier", String.format("FLOW-%08d", i),
                                    Map.of("intakeDue", date(at.plusHours(4)), "applicant", "Người nộp " + i)).getId(), at);
                        }
                        return batch;
                    });
                    management.executeCommand(context -> {
                        for (Task intake : tasks.createTaskQuery().processInstanceIdIn(started.keySet()).list()) {
                            tasks.complete(intake.getId(), Map.of("specialistDue", date(started.get(intake.getProcessInstanceId()).plusDays(8)),
                                    "note", "Tiếp nhận"));
                        }
                        return null;
                    });
                    ids.addAll(started.keySet());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<String> all = new ArrayList<>(ids);
        long waiting = tasks.createTaskQuery().taskCandidateGroup(SPECIALISTS).count();
        if (waiting != n) {
            throw new IllegalStateException(waiting + " dossiers wait at the specialist's step on Flowable, not " + n);
        }
        return all;
    }

    /** One transition: the specialist's task of the dossier found and completed with the note and the leader's due date. */
    void forward(String processInstanceId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(SPECIALISTS).singleResult();
        if (task == null) {
            throw new IllegalStateException("no specialist task for " + processInstanceId);
        }
        tasks.complete(task.getId(), Map.of("note", "bench", "leaderDue", date(LocalDateTime.now().plusDays(2))));
    }

    long historyRows() {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().count();
    }

    private static Date date(LocalDateTime t) {
        return Date.from(t.atZone(ZoneId.systemDefault()).toInstant());
    }

    @Override
    public void close() {
        engine.close();
    }
}
