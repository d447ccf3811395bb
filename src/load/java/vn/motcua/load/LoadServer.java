package vn.motcua.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaApplication;
import vn.motcua.bench.DossierBenchmark;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.organization.AgencyService;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server of the load test (bin/load-test): one node of the real application on PostgreSQL (schema motcua_load,
 * dropped and rebuilt) with the demo province, N generated dossiers and its background jobs running; writes what the
 * simulation needs into target/load (dossiers waiting at the specialist's step, the bodies of a counter intake and a
 * portal hand-over) and, every 10 s, the heap in use after the last collection and the events stored but not yet
 * delivered to their listeners (target/load/memory.csv).
 */
public final class LoadServer {
    private LoadServer() {
    }

    /**
     * Runs the server until it is stopped; a failure while preparing it ends the process (under exec:java the node's
     * request threads would otherwise keep it alive, and bin/load-test would wait for it in vain).
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8090;
        String url = System.getProperty("load.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("load.user", "postgres");
        Path out = Files.createDirectories(Path.of("target/load"));
        Files.deleteIfExists(out.resolve("ready"));
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists motcua_load cascade");
        }
        ConfigurableApplicationContext ctx = new SpringApplication(MotCuaApplication.class).run(
                "--spring.datasource.url=" + url + "?currentSchema=motcua_load", "--spring.datasource.username=" + user,
                "--spring.flyway.schemas=motcua_load", "--server.port=" + port, "--spring.datasource.hikari.maximum-pool-size=20",
                "--server.tomcat.threads.max=" + Integer.getInteger("load.tomcatThreads", 200), "--motcua.demo-data.history-days=30",
                "--motcua.documents.storage-dir=target/load/files", "--motcua.documents.signing.keystore=target/load/demo-ca.p12",
                "--motcua.forms.dir=target/load/forms", "--logging.level.root=WARN", "--logging.level.vn.motcua=WARN");
        long t0 = System.nanoTime();
        DossierBenchmark.generate(ctx, n);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        System.out.printf("generated %,d dossiers in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
        if (!"on".equals(jdbc.sql("show autovacuum").query(String.class).single())) {
            System.out.println("WARNING: autovacuum is off on this PostgreSQL: the tables that churn (event registry, sessions, outbox) "
                    + "bloat during the run and the figures suffer; production keeps PostgreSQL's default (on)");
        }

        List<String> waiting = jdbc.sql("select id || ',' || row_version from dossier where code like 'BENCH-%' and status = 'PROCESSING' "
                + "and current_step = 2 order by id fetch first 400000 rows only").query(String.class).list();
        // the spike's extra specialists take their own share, so that no dossier is forwarded twice from the same row version
        int split = waiting.size() * 3 / 4;
        Files.writeString(out.resolve("transitions.csv"), "id,rowVersion\n" + String.join("\n", waiting.subList(0, split)) + "\n");
        Files.writeString(out.resolve("spike-transitions.csv"), "id,rowVersion\n" + String.join("\n", waiting.subList(split, waiting.size())) + "\n");

        CatalogService catalog = ctx.getBean(CatalogService.class);
        AgencyService agencies = ctx.getBean(AgencyService.class);
        ObjectMapper json = ctx.getBean(ObjectMapper.class);
        var version = catalog.current("1.001078");
        ObjectNode intake = json.createObjectNode();
        intake.put("procedureCode", "1.001078");
        intake.put("channel", "COUNTER");
        intake.put("receivingAgencyId", agencies.findByCode("AG.TTPVHCC").orElseThrow().id());
        intake.put("handlingAgencyId", agencies.findByCode("AG.STP").orElseThrow().id());
        ObjectNode applicant = intake.putObject("applicant");
        applicant.put("name", "#{name}");
        applicant.put("idNumber", "#{idNumber}");
        applicant.put("phone", "#{phone}");
        applicant.put("address", "Long Xuyên, An Giang");
        var present = intake.putArray("presentComponentIds");
        version.components().forEach(c -> present.add(c.id()));
        intake.put("decision", "ACCEPT");
        Files.writeString(out.resolve("intake.json"), json.writeValueAsString(intake));

        ObjectNode handover = json.createObjectNode();
        handover.put("MaHoSoDVCQG", "#{portalCode}");
        handover.put("MaTTHC", "1.001078");
        handover.put("NoiTiepNhan", "AG.TTPVHCC");
        handover.put("XacThucVNeID", true);
        handover.put("NoiNhanKetQua", "ONLINE");
        ObjectNode owner = handover.putObject("ChuHoSo");
        owner.put("HoTen", "#{name}");
        owner.put("SoDinhDanh", "#{idNumber}");
        owner.put("SoDienThoai", "#{phone}");
        owner.put("DiaChi", "Long Xuyên, An Giang");
        var files = handover.putArray("TepDinhKem");
        for (Component c : version.components()) {
            if (c.required() && !c.showOnly()) {
                ObjectNode f = files.addObject();
                f.put("ThuTuThanhPhan", c.position());
                f.put("TenTep", "thanh-phan-" + c.position() + ".pdf");
                f.put("LoaiTep", "application/pdf");
                f.put("NoiDung", Base64.getEncoder().encodeToString(onePagePdf(c.name())));
            }
        }
        Files.writeString(out.resolve("handover.json"), json.writeValueAsString(handover));
        Files.writeString(out.resolve("server.pid"), String.valueOf(ProcessHandle.current().pid()));

        Path memory = out.resolve("memory.csv");
        Files.writeString(memory, "time,heap_used_after_gc_mb,heap_used_mb,events_pending\n");
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
            long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getCollectionUsage).filter(u -> u != null).mapToLong(u -> u.getUsed()).sum();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            try {
                // the work left to listeners: events stored with their change and not yet delivered
                long pending = jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
                Files.writeString(memory, LocalDateTime.now().withNano(0) + "," + afterGc / 1_048_576 + "," + used / 1_048_576 + "," + pending + "\n",
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException | org.springframework.dao.DataAccessException ignored) {
                // the next sample
            }
        }, 0, 10, TimeUnit.SECONDS);
        Files.writeString(out.resolve("ready"), "ready");
        System.out.println("READY on port " + port + " with " + jdbc.sql("select count(*) from dossier").query(Long.class).single() + " dossiers");
        Thread.currentThread().join();
    }

    private static byte[] onePagePdf(String title) throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var bytes = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                content.addRect(50, 700, 200, 20);
                content.fill();
            }
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }
}
