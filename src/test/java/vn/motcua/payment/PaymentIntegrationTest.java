package vn.motcua.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.TestSupport;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.OnlineSubmission;
import vn.motcua.dossier.UploadedDocument;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.UnavailableException;
import vn.motcua.simulators.Knobs;
import vn.motcua.simulators.Simulators;
import vn.motcua.dossier.Applicant;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Paying a dossier's fees through the payment platform's simulator over HTTP: the whole online journey with its
 * receipt; forged, repeated, late and wrong-amount callbacks; a platform that is down (the payment waits and is
 * reconciled later); expiry; the revenue workbook.
 */
@IntegrationTest
class PaymentIntegrationTest {
    static final String COPY = "1.001022";

    @Autowired PaymentService payments;
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired Simulators sims;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired ObjectMapper json;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;
    @Value("${motcua.payment.secret}") String secret;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void reset() {
        sims.clear();
        clock.reset();
    }

    String back() {
        return "http://localhost:" + port + "/thanh-toan/ket-qua";
    }

    CurrentUser as(String username) {
        return TestSupport.user(accounts, username);
    }

    Dossier submitted() {
        List<UploadedDocument> files = catalog.current(COPY).components().stream().filter(c -> !c.showOnly())
                .map(c -> new UploadedDocument(c.id(), "giay-to.pdf", "application/pdf", "%PDF-1.4 giấy tờ".getBytes())).toList();
        String id = String.format("0890%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Applicant a = new Applicant("Nguyễn Văn Thanh Toán", id, "0912000111", "thanhtoan@example.vn", "An Giang");
        return dossiers.submitOnline(new OnlineSubmission(COPY, agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id(), a, null, null, files,
                Map.of()), as("congdan"));
    }

    /** The dossier's request (made by the submission's listener, or here if it has not run yet). */
    Payment requestOf(Dossier d) {
        payments.requestAutomatically(d.id(), "congdan");
        return TestSupport.eventually(() -> payments.active(d.id(), PaymentTiming.AT_SUBMISSION));
    }

    Payment until(long paymentId, PaymentStatus status) {
        return TestSupport.eventually(() -> Optional.of(payments.get(paymentId)).filter(p -> p.status() == status));
    }

    /** The payer on the platform's page: chooses how to pay and confirms (or fails). */
    int payOnThePlatform(Payment p, String outcome) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.paymentUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("instrument=QR&bank=BIDV&outcome=" + outcome)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    String signed(String body) {
        return vn.motcua.shared.Hmac.sha256Hex(secret, body);
    }

    HttpResponse<String> postCallback(String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/callback"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-PayGov-Signature", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String callbackBody(Payment p, String status, long paid) {
        ObjectNode n = json.createObjectNode();
        n.put("orderId", p.code());
        n.put("transactionId", p.gatewayTxn() == null ? "PG-TEST-" + p.id() : p.gatewayTxn());
        n.put("status", status);
        n.put("amount", p.amount());
        n.put("paidAmount", paid);
        n.put("instrument", "BANK");
        n.put("paidAt", "PAID".equals(status) ? LocalDateTime.now().withNano(0).toString() : null);
        return n.toString();
    }

    /** The mark the receiving officer's intake queue shows beside the dossier. */
    String intakeQueueMark(Dossier d) throws Exception {
        String page = mvc.perform(get("/can-bo").param("hang", "INTAKE").param("lang", "vi").with(httpBasic("tiepnhan.longxuyen", "MotCua@2026")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"mark-" + d.id() + "\">([^<]*)<").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theApplicantPaysOnlineGetsAReceiptAndTheDossierCanThenBeReceived() throws Exception {
        Dossier d = submitted();
        Payment p = requestOf(d);
        assertThat(p.amount()).isEqualTo(8000);
        assertThat(p.status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(dossiers.receiptBlockedBy(d)).get().asString().contains("chưa nộp phí, lệ phí (8.000 đ)");
        assertThat(intakeQueueMark(d)).as("the officer sees it waits for payment").isEqualTo("Chờ thanh toán");

        Payment started = payments.startOnline(p.id(), as("congdan"), "http://localhost:" + port + "/thanh-toan/ket-qua");
        assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(started.paymentUrl()).startsWith("http://localhost:" + port + "/sim/paygov/thanh-toan/");
        assertThat(payments.startOnline(p.id(), as("congdan"), "http://x").gatewayTxn()).as("the same order gives the same transaction")
                .isEqualTo(started.gatewayTxn());
        assertThat(payOnThePlatform(started, "PAID")).isEqualTo(302);

        Payment paid = until(p.id(), PaymentStatus.PAID);
        assertThat(paid.method()).isEqualTo(PaymentMethod.GATEWAY);
        assertThat(java.time.Duration.between(paid.paidAt(), LocalDateTime.now(clock)).abs()).as("the platform's time, in Vietnamese time")
                .isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(paid.instrument()).isEqualTo("QR");
        assertThat(paid.receiptNumber()).isNotNull();
        assertThat(paid.receiptSeries()).isEqualTo("PLX-26E");
        byte[] receipt = payments.receipt(paid);
        String text = TestSupport.pdfText(receipt);
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ").contains("Tám nghìn đồng").contains(paid.dossierCode())
                .contains("Ký hiệu: PLX-26E").contains(String.format("%07d", paid.receiptNumber())).contains("********" + paid.payerIdNumber().substring(8))
                .doesNotContain(paid.payerIdNumber());
        assertThat(TestSupport.darkPixelsOfFirstPage(receipt)).as("the receipt renders").isGreaterThan(2000);

        assertThat(intakeQueueMark(d)).isEqualTo("Đã nộp phí");
        Dossier received = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, java.util.Set.of(), Map.of(), null,
                as("tiepnhan.longxuyen"));
        assertThat(received.receivedAt()).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'payment.paid' and subject_id = ?").param(String.valueOf(p.id()))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aForgedCallbackIsRejectedAndLoggedARepeatedOneChangesNothingAndALateFailureIsIgnored() throws Exception {
        Payment p = payments.startOnline(requestOf(submitted()).id(), as("congdan"), back());
        String body = callbackBody(p, "PAID", p.amount());

        HttpResponse<String> forged = postCallback(body, signed(body).replace('a', 'b').replace('1', '2'));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(postCallback(body, null).statusCode()).isEqualTo(401);
        assertThat(payments.get(p.id()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(jdbc.sql("select count(*) from payment_callback where outcome = 'FORGED' and body = ?").param(body).query(Long.class).single())
                .isEqualTo(2);
        assertThat(audit.search(null, "payment.callback-forged", null, null, 10)).isNotEmpty();

        HttpResponse<String> first = postCallback(body, signed(body));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("outcome").asText()).isEqualTo("APPLIED");
        Payment paid = payments.get(p.id());
        HttpResponse<String> again = postCallback(body, signed(body));
        assertThat(json.readTree(again.body()).path("outcome").asText()).isEqualTo("DUPLICATE");
        String late = callbackBody(p, "FAILED", 0);
        assertThat(json.readTree(postCallback(late, signed(late)).body()).path("outcome").asText()).isEqualTo("DUPLICATE");

        Payment after = payments.get(p.id());
        assertThat(after.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(after.receiptNumber()).as("one receipt").isEqualTo(paid.receiptNumber());
        assertThat(after.rowVersion()).as("nothing changed twice").isEqualTo(paid.rowVersion());
        assertThat(after.history()).filteredOn(e -> e.what().equals("PAID")).hasSize(1);
    }

    @Test
    void aWrongAmountIsFlaggedForTheAccountantWhoResolvesIt() throws Exception {
        Payment p = payments.startOnline(requestOf(submitted()).id(), as("congdan"), back());
        String body = callbackBody(p, "PAID", 5000);
        assertThat(json.readTree(postCallback(body, signed(body)).body()).path("outcome").asText()).isEqualTo("FLAGGED");
        Payment flagged = payments.get(p.id());
        assertThat(flagged.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(flagged.settledAmount()).isEqualTo(5000);
        assertThat(payments.flagged(as("ketoan"))).extracting(Payment::id).contains(p.id());
        assertThat(payments.flagged(as("ketoan.longxuyen"))).as("the collecting agency is phường Long Xuyên").extracting(Payment::id).contains(p.id());
        assertThatThrownBy(() -> payments.resolveFlag(p.id(), flagged.rowVersion(), "x", as("tiepnhan.longxuyen")))
                .as("only accountants resolve").isInstanceOf(vn.motcua.shared.NotFoundException.class);
        payments.resolveFlag(p.id(), flagged.rowVersion(), "Người nộp chuyển bổ sung 3.000 đ, đã đối chiếu sao kê.", as("ketoan.longxuyen"));
        assertThat(payments.flagged(as("ketoan"))).extracting(Payment::id).doesNotContain(p.id());
    }

    @Test
    void aPlatformThatIsDownLeavesThePaymentAsItWasAndALostCallbackIsFoundByTheReconciliation() throws Exception {
        Payment p = requestOf(submitted());
        sims.knobs("paygov").orElseThrow().set(new Knobs.Settings(0, 1, 0, false, false));
        assertThatThrownBy(() -> payments.startOnline(p.id(), as("congdan"), back())).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("thử lại");
        assertThat(payments.get(p.id()).status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(payments.get(p.id()).history()).extracting(Payment.Entry::what).contains("GATEWAY_UNAVAILABLE");

        Payment started = payments.startOnline(p.id(), as("congdan"), back());
        sims.knobs("paygov-callback").orElseThrow().set(new Knobs.Settings(0, 0, 0, true, false));
        payOnThePlatform(started, "PAID");
        Thread.sleep(500);
        assertThat(payments.get(p.id()).status()).as("the callback never came").isEqualTo(PaymentStatus.PENDING);

        sims.knobs("paygov").orElseThrow().set(new Knobs.Settings(0, 1000, 0, false, false));
        Reconciliation unreachable = payments.reconcile("ketoan");
        assertThat(unreachable.unreachable()).isGreaterThanOrEqualTo(1);
        assertThat(payments.get(p.id()).status()).isEqualTo(PaymentStatus.PENDING);

        sims.knobs("paygov").orElseThrow().reset();
        Reconciliation run = payments.reconcile("ketoan");
        assertThat(run.changed()).isGreaterThanOrEqualTo(1);
        Payment paid = payments.get(p.id());
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.receiptNumber()).isNotNull();
        assertThat(run.list()).extracting(Reconciliation.Difference::paymentId).doesNotContain(p.id());
    }

    @Test
    void aRequestNotPaidInTimeExpiresAndANewOneCanBeMade() {
        Dossier d = submitted();
        Payment p = requestOf(d);
        clock.set(LocalDateTime.now(clock).plusHours(25));
        payments.reconcile("system");
        assertThat(payments.get(p.id()).status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(payments.active(d.id(), PaymentTiming.AT_SUBMISSION)).isEmpty();
        Payment again = payments.request(d.id(), Map.of(), as("congdan"));
        assertThat(again.status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(again.code()).isNotEqualTo(p.code());
    }

    @Test
    void theRevenueWorkbookAddsUpToThePage() throws Exception {
        Payment p = requestOf(submitted());
        payments.recordCash(p.id(), p.rowVersion(), as("tiepnhan.longxuyen"));
        LocalDate today = LocalDate.now(clock);
        List<RevenueRow> rows = payments.revenue(today.minusYears(1), today, null, as("ketoan"));
        long total = rows.stream().mapToLong(RevenueRow::total).sum();
        assertThat(total).isPositive();
        assertThat(payments.revenue(today.minusYears(1), today, null, as("ketoan.longxuyen")))
                .as("a commune's accountant sees the commune only").allMatch(r -> r.agencyId() == agencies.findByCode("AG.P.LX").orElseThrow().id());
        byte[] xlsx = mvc.perform(get("/ke-toan/doanh-thu.xlsx").param("from", today.minusYears(1).toString()).param("to", today.toString())
                .with(httpBasic("ketoan", "MotCua@2026"))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("BÁO CÁO THU PHÍ, LỆ PHÍ");
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat((long) last.getCell(5).getNumericCellValue()).isEqualTo(total);
            assertThat((long) last.getCell(10).getNumericCellValue()).as("net of refunds")
                    .isEqualTo(total - rows.stream().mapToLong(RevenueRow::refunded).sum());
            assertThat(sheet.getLastRowNum() - 4).isEqualTo(rows.size());
        }
        mvc.perform(get("/ke-toan/doanh-thu").param("from", "2026-12-01").param("to", "2026-01-01").with(httpBasic("ketoan", "MotCua@2026")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Khoảng thời gian không hợp lệ")));
    }

    @Test
    void theSimulatorsInboxServesALongPageToAFirstTimeVisitor() throws Exception {
        for (int i = 0; i < 60; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/sms/api/send")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer demo-sms-key").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"brandname\":\"UBND\",\"phone\":\"0912000" + String.format("%03d", i) + "\",\"message\":\"" + "Tin thu nghiem ".repeat(20)
                                    + "\",\"requestId\":\"inbox-" + i + "\"}")).build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/gia-lap")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"knobs\"").contains("name=\"_csrf\"").contains("0912000059");
    }

    @Test
    void aFloodOfForgedCallbacksIsRefusedButKeptOnlyUpToItsHourlyShare() throws Exception {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        for (int i = 0; i < PaymentService.FORGED_KEPT_PER_HOUR + 20; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/payments/callback")
                            .contentType("application/json").content("{\"orderId\":\"TT-flood-" + i + "\",\"status\":\"PAID\"}")
                            .header("X-PayGov-Signature", "00").with(r -> {
                                r.setRemoteAddr(address);
                                return r;
                            }))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
        }
        assertThat(jdbc.sql("select count(*) from payment_callback where remote_addr = ? and outcome = 'FORGED'").param(address)
                .query(Long.class).single()).isEqualTo(PaymentService.FORGED_KEPT_PER_HOUR);
    }
}
