package vn.motcua.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.TestSupport;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierOrigin;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ExternalDossier;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.Hmac;
import vn.motcua.shared.UnavailableException;
import vn.motcua.shared.ValidationException;
import vn.motcua.simulators.Knobs;
import vn.motcua.simulators.Simulators;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The national systems against their simulators over HTTP: the outbox under failures and lost answers (the chaos
 * test), the portal's dossier and status contract, catalog pull and proposals, votes, reconciliation, dossiers handed
 * over by the portal, login with the national identity, the population check at intake, public-post orders and
 * callbacks, sectoral reports, imports; forged calls refused; intake while every partner is down.
 */
@IntegrationTest
class NationalSystemsIntegrationTest {
    static final String LLTP = "1.001078";

    @Autowired OutboxService outbox;
    @Autowired PortalService portal;
    @Autowired PostService post;
    @Autowired ImportService imports;
    @Autowired SectoralService sectoral;
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired Simulators sims;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Value("${local.server.port}") int port;

    @AfterEach
    void reset() {
        clock.reset();
        for (String s : List.of("dvcqg", "dvcqg-handover", "csdldc", "vnpost", "vnpost-callback", "vneid")) {
            sims.knobs(s).orElseThrow().reset();
        }
    }

    CurrentUser as(String username) {
        return TestSupport.user(accounts, username);
    }

    long unit(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    /** Delivers until nothing more can move (messages behind a failed one of their dossier wait for an administrator). */
    void deliverAll() {
        long until = System.currentTimeMillis() + 120_000;
        int quiet = 0;
        while (quiet < 3) {
            quiet = outbox.deliverDue() == 0 ? quiet + 1 : 0;
            assertThat(System.currentTimeMillis()).as("the outbox drains within 2 minutes").isLessThan(until);
            sleep(300); // longer than the tests' longest backoff
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Dossier receivedAtCounter(Applicant a) {
        return dossiers.receive(new IntakeRequest(LLTP, unit("AG.TTPVHCC"), Channel.COUNTER, a,
                catalog.current(LLTP).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null), as("tiepnhan"));
    }

    /** The portal's messages for a dossier were all queued (listeners run after commit). */
    void queued(Dossier d) {
        TestSupport.eventually(() -> {
            long history = dossiers.get(d.id()).history().stream().filter(h -> h.action() != vn.motcua.dossier.DossierAction.WARN).count();
            long statuses = jdbc.sql("select count(*) from outbox_message where dossier_id = ? and operation = 'DongBoTrangThaiHoSo'").param(d.id())
                    .query(Long.class).single();
            return statuses == history ? Optional.of(true) : Optional.empty();
        });
    }

    // ------------------------------------------------------------------ outbox

    @Test
    void aThousandChangesReachThePortalExactlyOnceAndInOrderWhileItFailsAndLosesAnswers() {
        deliverAll(); // what the demo left
        sims.portal().clear();
        // 30 % of calls fail, 2 % are applied and their answer lost (the sender gives up after its 0.5-s timeout): some fifty
        // lost answers among the ~2,400 attempts, each holding one of the outbox's four senders for the timeout
        sims.knobs("dvcqg").orElseThrow().set(new Knobs.Settings(0, 0, 30, false, false, 2, 1_000));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread deliverer = new Thread(() -> {
            while (running.get()) {
                outbox.deliverDue();
                sleep(20);
            }
        });
        deliverer.start();
        List<String> codes = new ArrayList<>();
        LocalDateTime base = LocalDateTime.now().minusDays(20).withHour(8).withMinute(0).withSecond(0).withNano(0);
        try {
            for (int i = 0; i < 100; i++) {
                String code = "CHAOS-" + i;
                codes.add(code);
                for (int k = 0; k < 10; k++) {
                    dossiers.recordExternal(new ExternalDossier(DossierOrigin.LEGACY, code, LLTP, "AG.TTPVHCC", "AG.STP",
                            new Applicant("Người Thử " + i, String.format("0891900%05d", i), "0903000000", null, "An Giang"), Channel.COUNTER,
                            base, base, base.plusDays(10 + k), DossierStatus.PROCESSING, null, null, null, null, base.plusMinutes(k), "Lần " + k), "test");
                }
            }
            long until = System.currentTimeMillis() + 120_000;
            while (jdbc.sql("select count(*) from outbox_message where dossier_code like 'CHAOS-%' and operation = 'DongBoTrangThaiHoSo'")
                    .query(Long.class).single() < 1000) {
                assertThat(System.currentTimeMillis()).as("every change is queued within 2 minutes").isLessThan(until);
                sleep(100);
            }
        } finally {
            running.set(false);
        }
        try {
            deliverer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliverAll();
        int total = 0;
        for (String code : codes) {
            List<JsonNode> received = sims.portal().statuses(code);
            List<Long> ids = received.stream().map(n -> n.path("LichSuId").asLong()).toList();
            assertThat(ids).as(code + ": every change once").hasSize(10).doesNotHaveDuplicates();
            assertThat(ids).as(code + ": in the order they happened").isSorted();
            total += ids.size();
            // the last snapshot the portal holds is the dossier's latest state
            assertThat(sims.portal().dossiers().get(code).path("NgayHenTra").asText()).startsWith(base.plusDays(19).toLocalDate().toString().replace("-", ""));
        }
        assertThat(total).isEqualTo(1000);
        assertThat(sims.portal().repeats()).as("lost answers were sent again with the same key and not applied twice").isPositive();
        assertThat(jdbc.sql("select count(*) from outbox_message where dossier_code like 'CHAOS-%' and status <> 'SENT'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select max(attempts) from outbox_message where dossier_code like 'CHAOS-%'").query(Integer.class).single())
                .as("failures were retried").isGreaterThan(1);
    }

    @Test
    void intakeAndProcessingGoOnWhileEveryPartnerIsDownAndTheBacklogLeavesWhenTheyReturn() {
        deliverAll();
        for (String s : List.of("dvcqg", "csdldc", "vnpost")) {
            sims.knobs(s).orElseThrow().set(new Knobs.Settings(0, 0, 100, false, false));
        }
        long start = System.currentTimeMillis();
        Dossier d = receivedAtCounter(new Applicant("Lê Thị Mất Mạng", "089190007777", "0903777777", null, "An Giang"));
        assertThat(System.currentTimeMillis() - start).as("intake does not wait for a partner").isLessThan(5_000);
        queued(d);
        outbox.deliverDue();
        assertThat(outbox.ofDossier(d.id())).isNotEmpty().allSatisfy(m -> assertThat(m.status()).isNotEqualTo(OutboxStatus.SENT));
        assertThat(outbox.ofDossier(d.id()).get(0).lastError()).contains("503");
        assertThatThrownBy(() -> dossiers.checkPopulation("089090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 12), as("tiepnhan")))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("giấy tờ");
        reset();
        deliverAll();
        assertThat(outbox.ofDossier(d.id())).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));
        JsonNode synced = sims.portal().dossiers().get(d.code());
        assertThat(synced.path("KenhThucHien").asInt()).isEqualTo(1);
        assertThat(synced.path("TrangThaiHoSo").asInt()).isEqualTo(4);
        assertThat(synced.path("MaTTHC").asText()).isEqualTo(LLTP);
        assertThat(synced.path("ChuHoSo").asText()).isEqualTo("Lê Thị Mất Mạng");
        assertThat(synced.has("DuocThanhToanTrucTuyen") && synced.has("HoSoCoThanhPhanSoHoa") && synced.has("TaiKhoanDuocXacThucVoiVNeID")
                && synced.has("MaKetQua") && synced.has("DanhSachHoSoBoSung")).isTrue();
        assertThat(sims.portal().statuses(d.code())).extracting(n -> n.path("TrangThai").asInt()).containsExactly(1, 4);
        assertThat(sims.portal().statuses(d.code()).get(1).path("NgayKetThucTheoQuyDinh").asText()).isNotBlank();
    }

    @Test
    void aFailedMessageWaitsForAnAdministratorAndIsSentOnceResent() throws Exception {
        deliverAll(); // what other tests left, so that only this dossier's messages meet the failures
        sims.knobs("dvcqg").orElseThrow().set(new Knobs.Settings(0, 10_000, 0, false, false));
        Dossier d = receivedAtCounter(new Applicant("Trương Văn Gửi Lại", "089190008888", "0903888888", null, "An Giang"));
        queued(d);
        long until = System.currentTimeMillis() + 60_000;
        while (outbox.ofDossier(d.id()).stream().noneMatch(m -> m.status() == OutboxStatus.FAILED)) {
            outbox.deliverDue();
            sleep(20);
            assertThat(System.currentTimeMillis()).isLessThan(until);
        }
        OutboxMessage failed = outbox.ofDossier(d.id()).get(0);
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(outbox.ofDossier(d.id()).subList(1, outbox.ofDossier(d.id()).size()))
                .as("later changes of the dossier wait behind it").allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.PENDING));
        reset();
        outbox.deliverDue();
        assertThat(outbox.get(failed.id()).status()).isEqualTo(OutboxStatus.FAILED);
        mvc.perform(post("/api/v1/integration/outbox/" + failed.id() + "/resend").with(vn.motcua.TestLogins.admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        deliverAll();
        assertThat(outbox.ofDossier(d.id())).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxStatus.SENT));
        assertThat(audit.search(null, "outbox.resent", "outbox_message", Long.toString(failed.id()), 5)).isNotEmpty();
        mvc.perform(post("/api/v1/integration/outbox/" + failed.id() + "/resend").with(vn.motcua.TestLogins.admin()))
                .andExpect(status().isUnprocessableEntity());
    }

    // ------------------------------------------------------------------ portal

    @Test
    void theCatalogPullProposesAmendmentsAndNewProceduresAndChangesNothingByItself() {
        var result = portal.pullCatalog(as("kiemsoat"));
        assertThat(result.procedures()).isGreaterThan(10);
        List<PortalProcedure> open = portal.procedures(true);
        PortalProcedure changed = open.stream().filter(p -> p.proposal().equals("CHANGED")).findFirst().orElseThrow();
        PortalProcedure fresh = open.stream().filter(p -> p.proposal().equals("NEW")).findFirst().orElseThrow();
        assertThat(changed.differenceLines()).anyMatch(l -> l.startsWith("Thời hạn giải quyết"));
        ProcedureVersion before = catalog.current(changed.localCode());
        PortalProcedure accepted = portal.accept(changed.nationalCode(), changed.rowVersion(), as("kiemsoat"));
        assertThat(accepted.proposal()).isEqualTo("ACCEPTED");
        ProcedureVersion draft = catalog.version(accepted.draftVersionId());
        assertThat(draft.timeLimitDays()).isEqualByComparingTo(before.timeLimitDays().subtract(java.math.BigDecimal.ONE));
        assertThat(catalog.current(changed.localCode()).timeLimitDays()).as("published version unchanged").isEqualByComparingTo(before.timeLimitDays());
        assertThatThrownBy(() -> portal.accept(changed.nationalCode(), changed.rowVersion(), as("kiemsoat"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> portal.map(fresh.nationalCode(), fresh.rowVersion(), "9.999999", as("kiemsoat"))).isInstanceOf(ValidationException.class);
        assertThat(portal.dismiss(fresh.nationalCode(), fresh.rowVersion(), as("kiemsoat")).proposal()).isEqualTo("DISMISSED");
        // pulled again: what was decided stays decided
        portal.pullCatalog(as("kiemsoat"));
        assertThat(portal.procedure(fresh.nationalCode()).orElseThrow().proposal()).isEqualTo("DISMISSED");
        assertThat(audit.search(null, "portal.proposal-accepted", "portal_procedure", changed.nationalCode(), 5)).isNotEmpty();
    }

    @Test
    void theMonthlyVotesAreQueuedOnceAndReachThePortal() {
        YearMonth month = jdbc.sql("select max(rated_at) from rating").query(LocalDateTime.class).optional().map(YearMonth::from).orElseThrow();
        int lines = portal.pushVotes(month);
        assertThat(lines).isPositive();
        assertThat(portal.pushVotes(month)).as("once per month").isZero();
        deliverAll();
        assertThat(sims.portal().votes()).anySatisfy(v -> assertThat(v.path("NgayTongHop").asText()).isEqualTo(month.getMonthValue() + "-" + month.getYear()));
    }

    @Test
    void reconciliationFindsWhatThePortalLacksAndSendsItAgain() {
        Dossier d = receivedAtCounter(new Applicant("Phan Văn Đối Soát", "089190009999", "0903999999", null, "An Giang"));
        queued(d);
        deliverAll();
        sims.portal().lose(d.code());
        LocalDate today = d.receivedAt().toLocalDate();
        PortalReconciliation r = portal.reconcile(today, today, as("quantri"));
        assertThat(r.missingRemote()).contains(d.code());
        assertThat(r.resent()).isPositive();
        deliverAll();
        assertThat(sims.portal().dossiers()).containsKey(d.code());
        assertThat(portal.reconcile(today, today, as("quantri")).missingRemote()).doesNotContain(d.code());
    }

    String onlineProcedure() {
        return catalog.search(SearchQuery.all(), 0, 1000).items().stream().map(ProcedureSummary::code)
                .filter(c -> catalog.current(c).byOnline() && catalog.current(c).level() != vn.motcua.catalog.ProcedureLevel.COMMUNE).findFirst().orElseThrow();
    }

    @Test
    void aDossierSubmittedOnThePortalArrivesOnceEvenWhenHandedOverTwice() throws Exception {
        sims.knobs("dvcqg-handover").orElseThrow().set(new Knobs.Settings(0, 0, 0, false, true));
        String code = onlineProcedure();
        Simulators.Answer a = sims.handOver(code, "AG.TTPVHCC", "089190101001", true);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("DUPLICATE");
        String local = a.body().replaceAll(".*\"dossierCode\":\"([^\"]+)\".*", "$1");
        Dossier d = dossiers.byCode(local);
        assertThat(d.channel()).isEqualTo(Channel.ONLINE);
        assertThat(d.status()).isEqualTo(DossierStatus.SUBMITTED);
        DossierOrigin origin = dossiers.origin(d.id());
        assertThat(origin.portalCode()).startsWith("G22.99-");
        assertThat(origin.applicantVneid()).isTrue();
        assertThat(jdbc.sql("select count(*) from dossier where portal_code = ?").param(origin.portalCode()).query(Long.class).single()).isEqualTo(1);
        assertThat(d.files()).isNotEmpty();

        // the one-stop unit asks for a supplement; the applicant sends it on the portal, which hands it over once
        Dossier asked = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.REQUEST_SUPPLEMENT, java.util.Set.of(),
                java.util.Map.of(d.documents().get(0).componentId(), "Bản chụp mờ, nộp lại"), null, as("tiepnhan"));
        assertThat(asked.status()).isEqualTo(DossierStatus.INTAKE_SUPPLEMENT);
        int position = catalog.version(d.procedureVersionId()).components().stream()
                .filter(c -> c.id() == d.documents().get(0).componentId()).findFirst().orElseThrow().position();
        String supplement = """
                {"MaHoSoDVCQG": "%s", "MaBoSung": "BS-1", "GhiChu": "Nộp lại bản rõ",
                 "TepDinhKem": [{"ThuTuThanhPhan": %d, "TenTep": "ban-ro.pdf", "LoaiTep": "application/pdf", "NoiDung": "%s"}]}"""
                .formatted(origin.portalCode(), position, java.util.Base64.getEncoder().encodeToString(TestSupportPdf.onePage()));
        assertThat(portalCall("/api/v1/partners/portal/supplements", supplement)).contains("\"outcome\":\"UPDATED\"");
        assertThat(portalCall("/api/v1/partners/portal/supplements", supplement)).contains("\"outcome\":\"DUPLICATE\"");
        assertThat(dossiers.get(d.id()).status()).isEqualTo(DossierStatus.SUBMITTED);
        // new contact details, then the applicant withdraws it on the portal
        String contact = "{\"MaHoSoDVCQG\": \"" + origin.portalCode() + "\", \"MaCapNhat\": \"CN-1\", \"LoaiCapNhat\": \"THONG_TIN_LIEN_HE\", \"SoDienThoai\": \"0988777666\"}";
        assertThat(portalCall("/api/v1/partners/portal/updates", contact)).contains("UPDATED");
        assertThat(dossiers.get(d.id()).applicant().phone()).isEqualTo("0988777666");
        String withdraw = "{\"MaHoSoDVCQG\": \"" + origin.portalCode() + "\", \"MaCapNhat\": \"RUT-1\", \"LoaiCapNhat\": \"RUT_HO_SO\", \"LyDo\": \"Không cần nữa\"}";
        assertThat(portalCall("/api/v1/partners/portal/updates", withdraw)).contains("UPDATED");
        assertThat(portalCall("/api/v1/partners/portal/updates", withdraw)).contains("DUPLICATE");
        assertThat(dossiers.get(d.id()).status()).isEqualTo(DossierStatus.WITHDRAWN);
    }

    String portalCall(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Client-Id", "DVCQG").header("X-Signature", Hmac.sha256Hex("demo-khoa-dvcqg", body)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anOnlineDossierSubmittedAfterANationalIdentityLoginRecordsIt() {
        var account = accounts.loginWithNationalIdentity("http://vneid.test", "sub-giang", "089199101005", "Võ Thị Giang", LocalDate.of(1999, 4, 18), null);
        CurrentUser user = CurrentUser.of(account);
        var idToken = new org.springframework.security.oauth2.core.oidc.OidcIdToken("t", java.time.Instant.now(), java.time.Instant.now().plusSeconds(60),
                java.util.Map.of("sub", "sub-giang", "iss", "http://vneid.test"));
        var principal = new vn.motcua.identity.internal.NationalIdentityUser(user, idToken, null);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(principal,
                principal.getAuthorities(), "vneid"));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            String code = onlineProcedure();
            ProcedureVersion v = catalog.current(code);
            var files = v.components().stream().filter(c -> c.required() && !c.showOnly())
                    .map(c -> new vn.motcua.dossier.UploadedDocument(c.id(), "tep.pdf", "application/pdf", TestSupportPdf.onePage())).toList();
            Dossier d = dossiers.submitOnline(new vn.motcua.dossier.OnlineSubmission(code, unit("AG.TTPVHCC"),
                    new Applicant("Võ Thị Giang", "089199101005", "0903111005", null, "An Giang"), null, null, files, java.util.Map.of()), user);
            assertThat(dossiers.origin(d.id()).applicantVneid()).isTrue();
            queued(d);
            deliverAll();
            assertThat(sims.portal().dossiers().get(d.code()).path("TaiKhoanDuocXacThucVoiVNeID").asInt()).isEqualTo(1);
            assertThat(sims.portal().dossiers().get(d.code()).path("KenhThucHien").asInt()).isEqualTo(2);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void forgedPartnerCallsAreRefusedAndAudited() throws Exception {
        String body = "{\"MaHoSoDVCQG\":\"G22.99-FORGED\",\"MaTTHC\":\"" + LLTP + "\",\"NoiTiepNhan\":\"AG.TTPVHCC\"}";
        mvc.perform(post("/api/v1/partners/portal/dossiers").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Client-Id", "DVCQG").header("X-Signature", Hmac.sha256Hex("wrong-key", body)))
                .andExpect(status().isUnauthorized());
        // the portal's key does not sign the post's calls
        mvc.perform(post("/api/v1/partners/post/callback").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("X-Client-Id", "DVCQG").header("X-Signature", Hmac.sha256Hex("demo-khoa-dvcqg", "{}")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/partners/sectoral/reports").contentType(MediaType.APPLICATION_JSON).content("{}")
                .header("X-Client-Id", "NO-SUCH").header("X-Signature", "00")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from dossier where portal_code = 'G22.99-FORGED'").query(Long.class).single()).isZero();
        assertThat(audit.search(null, "partner.forged-call", "partner", "DVCQG", 5)).isNotEmpty();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/partners/files/X/1?exp=9999999999&sig=00"))
                .andExpect(status().isUnauthorized());
    }

    // ------------------------------------------------------------------ national identity

    @Test
    void aCitizenLogsInWithTheNationalIdentityAndTheFirstLoginCreatesTheAccount() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/vneid")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String authorize = r.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://127.0.0.1:" + port + "/sim/vneid/authorize").contains("client_id=motcua-angiang");
        r = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher link = Pattern.compile("id=\"vneid-089196004455\"\\s+href=\"([^\"]+)\"").matcher(r.body());
        assertThat(link.find()).as("the provider's page offers the citizen").isTrue();
        String confirm = "http://127.0.0.1:" + port + link.group(1).replace("&amp;", "&");
        r = browser.send(HttpRequest.newBuilder(URI.create(confirm)).build(), HttpResponse.BodyHandlers.ofString());
        String callback = r.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/login/oauth2/code/vneid?").contains("code=");
        r = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String after = r.headers().firstValue("Location").orElseThrow();
        if (after.contains("loi")) {
            String page = browser.send(HttpRequest.newBuilder(URI.create(after)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher why = Pattern.compile("id=\"login-vneid-error\">(.*?)</div>", Pattern.DOTALL).matcher(page);
            throw new AssertionError("login refused: " + (why.find() ? why.group(1) : page));
        }
        r = browser.send(HttpRequest.newBuilder(URI.create(base + "/ho-so-cua-toi")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Đặng Thị Lan");
        var account = accounts.list().stream().filter(x -> "089196004455".equals(x.idNumber())).findFirst().orElseThrow();
        assertThat(account.username()).isEqualTo("vneid.089196004455");
        assertThat(jdbc.sql("select birth_date from user_account where id = ?").param(account.id()).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(1996, 6, 6));
        // a code is used once
        r = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).contains("dang-nhap");
    }

    @Test
    void anExistingCitizenAccountIsLinkedAndAnOfficerNumberIsRefused() {
        var a = accounts.loginWithNationalIdentity("http://vneid.test", "sub-an", "089090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 12), null);
        assertThat(a.username()).isEqualTo("congdan");
        assertThat(accounts.loginWithNationalIdentity("http://vneid.test", "sub-an", "089090001234", "Nguyễn Văn An", null, null).id()).isEqualTo(a.id());
        jdbc.sql("update user_account set id_number = '089190123123' where username = 'chuyenvien.stp'").update();
        assertThatThrownBy(() -> accounts.loginWithNationalIdentity("http://vneid.test", "sub-cv", "089190123123", "Cán Bộ", null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("công vụ");
        jdbc.sql("update user_account set id_number = null where username = 'chuyenvien.stp'").update();
    }

    // ------------------------------------------------------------------ population database

    @Test
    void thePopulationCheckFillsTheApplicantAndTheDossierRecordsWhereItsDataCameFrom() {
        var wrong = dossiers.checkPopulation("089090001234", "Nguyễn Văn An", LocalDate.of(1991, 3, 12), as("tiepnhan"));
        assertThat(wrong.check().matched()).isFalse();
        assertThat(wrong.proof()).isNull();
        var ok = dossiers.checkPopulation("089090001234", "nguyen van an", LocalDate.of(1990, 3, 12), as("tiepnhan"));
        assertThat(ok.check().matched()).isTrue();
        assertThat(ok.check().citizen().orElseThrow().name()).isEqualTo("Nguyễn Văn An");
        Applicant a = new Applicant("Nguyễn Văn An", "089090001234", "0912345678", null, ok.check().citizen().get().currentAddress());
        IntakeRequest r = new IntakeRequest(LLTP, unit("AG.TTPVHCC"), Channel.COUNTER, a,
                catalog.current(LLTP).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null);
        Dossier d = dossiers.receive(r, as("tiepnhan"), ok.proof());
        assertThat(dossiers.origin(d.id()).populationCheckedAt()).isNotNull();
        assertThat(dossiers.origin(d.id()).populationFields()).contains("address");
        Applicant other = new Applicant("Nguyễn Thị Hoa", "089190001111", "0903123456", null, "An Giang");
        long count = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        assertThatThrownBy(() -> dossiers.receive(new IntakeRequest(LLTP, unit("AG.TTPVHCC"), Channel.COUNTER, other,
                catalog.current(LLTP).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null), as("tiepnhan"),
                ok.proof())).as("a proof for someone else").isInstanceOf(ValidationException.class);
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).as("nothing half-saved").isEqualTo(count);
        assertThat(audit.search("tiepnhan", "population.checked", "citizen", "089090001234", 5)).hasSizeGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> dossiers.checkPopulation("089090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 12), as("congdan")))
                .isInstanceOf(ValidationException.class);
    }

    // ------------------------------------------------------------------ public post

    @Test
    void aPickUpOrderReachesThePostItsTrackingUpdatesItAndItLinksToTheDossierThatArrived() {
        String code = catalog.search(SearchQuery.all(), 0, 1000).items().stream().map(ProcedureSummary::code)
                .filter(c -> catalog.current(c).byPost() && catalog.current(c).byCounter()).findFirst().orElseThrow();
        assertThatThrownBy(() -> post.requestPickup(new PostService.PickupRequest(code, unit("AG.TTPVHCC"), "Võ Thị Giang", "12", "x"), as("congdan05")))
                .isInstanceOf(ValidationException.class);
        PostOrder o = post.requestPickup(new PostService.PickupRequest(code, unit("AG.TTPVHCC"), "Võ Thị Giang", "0903111005",
                "Số 5 đường Trần Hưng Đạo, xã An Châu, An Giang"), as("congdan05"));
        assertThat(o.status()).isEqualTo("REQUESTED");
        deliverAll();
        PostOrder accepted = post.get(o.id());
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.carrierCode()).startsWith("EB");
        assertThat(accepted.price()).isPositive();
        sims.knobs("vnpost-callback").orElseThrow().set(new Knobs.Settings(0, 0, 0, false, true));
        Simulators.Answer a = sims.advancePost(accepted.carrierCode(), null);
        assertThat(a.body()).as("the second identical callback changes nothing").contains("DUPLICATE");
        sims.advancePost(accepted.carrierCode(), null);
        sims.advancePost(accepted.carrierCode(), null);
        PostOrder delivered = post.get(o.id());
        assertThat(delivered.status()).isEqualTo("DELIVERED");
        assertThat(delivered.events()).extracting(PostOrder.Event::status).containsExactly("PICKED_UP", "IN_TRANSIT", "DELIVERED");
        // the receiving officer enters the dossier that arrived by post: the order links itself to it
        ProcedureVersion v = catalog.current(code);
        Dossier d = dossiers.receive(new IntakeRequest(code, unit("AG.TTPVHCC"), Channel.POST,
                new Applicant("Võ Thị Giang", "089199101005", "0903111005", null, "xã An Châu, An Giang"),
                v.components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        TestSupport.eventually(() -> Optional.ofNullable(post.get(o.id()).dossierId()));
        assertThat(post.get(o.id()).dossierCode()).isEqualTo(d.code());
        assertThat(post.ofDossier(d.id())).hasSize(1);
        // results approved to be sent by post got their delivery orders
        long byPost = jdbc.sql("select count(*) from dossier where result_place = 'POST' and processed_at is not null").query(Long.class).single();
        if (byPost > 0) {
            TestSupport.eventually(() -> jdbc.sql("select count(*) from post_order where kind = 'DELIVERY'").query(Long.class).single() > 0
                    ? Optional.of(true) : Optional.empty());
        }
    }

    // ------------------------------------------------------------------ sectoral systems

    String signedReport(String system, String secret, String body) throws Exception {
        return mvc.perform(post("/api/v1/partners/sectoral/reports").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Client-Id", system).header("X-Signature", Hmac.sha256Hex(secret, body)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aSectoralSystemReportsTheProvincesDossiersWhichAppearHereReadOnly() throws Exception {
        sectoral.register("BTNMT-DD", "Hệ thống thông tin đất đai (Bộ Nông nghiệp và Môi trường)", "khoa-chung-dat-dai-thu-nghiem");
        String first = """
                {"reportId": "R1", "externalCode": "DD-2026-0001", "procedureCode": "%s", "receivingUnitCode": "AG.TTPVHCC", "handlingUnitCode": "AG.STP",
                 "channel": "COUNTER", "status": "PROCESSING", "submittedAt": "2026-11-02T08:30:00", "receivedAt": "2026-11-02T08:45:00",
                 "dueAt": "2026-11-20T17:00:00", "at": "2026-11-02T08:45:00",
                 "applicant": {"name": "Trần Văn Bình", "idNumber": "089201005566", "phone": "0987001122", "address": "xã An Châu, An Giang"}}""".formatted(LLTP);
        assertThat(signedReport("BTNMT-DD", "khoa-chung-dat-dai-thu-nghiem", first)).contains("\"outcome\":\"CREATED\"");
        assertThat(signedReport("BTNMT-DD", "khoa-chung-dat-dai-thu-nghiem", first)).contains("\"outcome\":\"DUPLICATE\"");
        Dossier d = dossiers.external("BTNMT-DD", "DD-2026-0001").orElseThrow();
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(dossiers.origin(d.id()).handledElsewhere()).isTrue();
        assertThatThrownBy(() -> dossiers.withdraw(d.id(), d.rowVersion(), "thử", as("tiepnhan"))).isInstanceOf(ConflictException.class);
        String done = first.replace("\"R1\"", "\"R2\"").replace("\"PROCESSING\"", "\"RETURNED\"")
                .replace("\"at\": \"2026-11-02T08:45:00\"", "\"at\": \"2026-11-24T10:00:00\", \"finishedAt\": \"2026-11-24T10:00:00\"");
        assertThat(signedReport("BTNMT-DD", "khoa-chung-dat-dai-thu-nghiem", done)).contains("\"outcome\":\"UPDATED\"");
        Dossier returned = dossiers.get(d.id());
        assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(returned.late()).as("finished after its due time").isTrue();
        String reopen = first.replace("\"R1\"", "\"R3\"");
        assertThat(mvc.perform(post("/api/v1/partners/sectoral/reports").contentType(MediaType.APPLICATION_JSON).content(reopen)
                .header("X-Client-Id", "BTNMT-DD").header("X-Signature", Hmac.sha256Hex("khoa-chung-dat-dai-thu-nghiem", reopen)))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
        String bad = first.replace("\"R1\"", "\"R4\"").replace("DD-2026-0001", "DD-2026-0002").replace("\"PROCESSING\"", "\"DONE\"");
        assertThat(mvc.perform(post("/api/v1/partners/sectoral/reports").contentType(MediaType.APPLICATION_JSON).content(bad)
                .header("X-Client-Id", "BTNMT-DD").header("X-Signature", Hmac.sha256Hex("khoa-chung-dat-dai-thu-nghiem", bad)))
                .andReturn().getResponse().getStatus()).isEqualTo(422);
        assertThat(dossiers.external("BTNMT-DD", "DD-2026-0002")).isEmpty();
    }

    // ------------------------------------------------------------------ import

    static final String CSV = """
            ma_ho_so,ma_thu_tuc,ma_don_vi_tiep_nhan,ma_co_quan_giai_quyet,ho_ten,so_dinh_danh,dien_thoai,email,dia_chi,kenh,ngay_nop,ngay_tiep_nhan,ngay_hen_tra,trang_thai,ngay_xu_ly_xong,ngay_ket_thuc,tre_han,ket_qua
            CU-0001,%1$s,AG.TTPVHCC,AG.STP,Nguyễn Thị Cũ,089190100001,0903100001,,"Số 1, đường A, An Giang",TRUC_TIEP,2025-03-03 08:00,2025-03-03 08:10,2025-03-13,Đã trả kết quả,2025-03-12 16:00,2025-03-13 09:00,,Phiếu LLTP
            CU-0002,%1$s,AG.TTPVHCC,AG.STP,Lê Văn Cũ,089190100002,0903100002,,An Giang,TRUC_TUYEN,03/03/2025 09:00,03/03/2025 09:30,13/03/2025,DANG_XU_LY,,,,
            CU-0003,%1$s,AG.TTPVHCC,,Trần Cũ,089190100003,0903100003,,An Giang,FAX,2025-03-03,,,Đã trả kết quả,,,,
            """.formatted(LLTP);

    @Test
    void anImportIsCheckedRowByRowAndRunningItAgainAddsNothing() throws Exception {
        ImportRun first = imports.importFile("he-thong-cu.csv", CSV.getBytes(StandardCharsets.UTF_8), as("quantri"));
        assertThat(first.totalRows()).isEqualTo(3);
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.rows().get(2).message()).contains("Kênh").contains("ngày kết thúc");
        Dossier old = dossiers.external(DossierOrigin.LEGACY, "CU-0001").orElseThrow();
        assertThat(old.code()).isEqualTo("CU-0001");
        assertThat(old.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(old.receivedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 8, 10));
        assertThat(old.late()).isFalse();
        Dossier open = dossiers.external(DossierOrigin.LEGACY, "CU-0002").orElseThrow();
        assertThat(open.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(open.currentStep()).as("continues here at its first processing step").isNotNull();
        ImportRun again = imports.importFile("he-thong-cu.csv", CSV.getBytes(StandardCharsets.UTF_8), as("quantri"));
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from dossier where external_code in ('CU-0001', 'CU-0002')").query(Long.class).single()).isEqualTo(2);
        // Excel and JSON with the same columns
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Hồ sơ");
            String[] header = {"ma_ho_so", "ma_thu_tuc", "ma_don_vi_tiep_nhan", "ho_ten", "so_dinh_danh", "ngay_nop", "ngay_tiep_nhan", "ngay_hen_tra",
                    "trang_thai", "ngay_ket_thuc"};
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            String[] values = {"CU-0004", LLTP, "AG.TTPVHCC", "Đỗ Văn Excel", "089190100004", "2025-04-01 08:00", "2025-04-01 08:05", "2025-04-10", "RETURNED",
                    "2025-04-15 10:00"};
            for (int i = 0; i < values.length; i++) {
                r.createCell(i).setCellValue(values[i]);
            }
            wb.write(xlsx);
        }
        ImportRun excel = imports.importFile("cu.xlsx", xlsx.toByteArray(), as("quantri"));
        assertThat(excel.imported()).isEqualTo(1);
        assertThat(dossiers.external(DossierOrigin.LEGACY, "CU-0004").orElseThrow().late()).as("returned after its due date").isTrue();
        String jsonRows = "[{\"ma_ho_so\":\"CU-0005\",\"ma_thu_tuc\":\"" + LLTP + "\",\"ma_don_vi_tiep_nhan\":\"AG.TTPVHCC\",\"ho_ten\":\"Bùi Thị Json\","
                + "\"so_dinh_danh\":\"089190100005\",\"ngay_nop\":\"2025-05-05\",\"trang_thai\":\"WITHDRAWN\",\"ngay_ket_thuc\":\"2025-05-06\"}]";
        assertThat(imports.importFile("cu.json", jsonRows.getBytes(StandardCharsets.UTF_8), as("quantri")).imported()).isEqualTo(1);
        assertThatThrownBy(() -> imports.importFile("cu.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), as("quantri")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theAdministratorPagesShowTheOutboxAndImports() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/integration/outbox?status=SENT&limit=5")
                .with(vn.motcua.TestLogins.admin())).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/integration/outbox")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("tiepnhan", "MotCua@2026")))
                .andExpect(status().isForbidden());
    }
}
