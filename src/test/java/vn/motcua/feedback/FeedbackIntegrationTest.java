package vn.motcua.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.TestSupport;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.ReportingPeriod;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;
import vn.motcua.shared.ValidationException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ratings, feedback and the evaluation through the services, the pages and the API on the demo province: who may rate
 * and how changes are kept; the counter kiosk tied to the officer who returned the result; feedback routed, refused
 * attachments with nothing saved, rate limits, transfers, information, answers, redacted publication, votes and the
 * sender's notification; deadlines missed by the job; the evaluation's self-assessment, verification and exports.
 */
@IntegrationTest
class FeedbackIntegrationTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP);

    static final String LLTP = "1.001078";
    static final String PASSWORD = "MotCua@2026";
    /** A Tuesday no other test uses, so that the kiosk sees only this test's returns. */
    static final LocalDateTime TUESDAY_9 = LocalDateTime.of(2026, 11, 17, 9, 0);

    @Autowired RatingService ratings;
    @Autowired FeedbackService feedback;
    @Autowired EvaluationService evaluations;
    @Autowired DossierService dossiers;
    @Autowired DossierQueries queries;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @AfterEach
    void reset() {
        clock.reset();
        feedback.clearLimits();
        queries.clearTrackingLimits();
    }

    CurrentUser as(String username) {
        return TestSupport.user(accounts, username);
    }

    long unit(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    /** A criminal-record dossier received at the provincial centre, handled by the Department of Justice and returned at the counter. */
    Dossier returnedAtCounter(LocalDateTime start, Applicant applicant) {
        clock.set(start);
        Dossier d = dossiers.receive(new IntakeRequest(LLTP, unit("AG.TTPVHCC"), Channel.COUNTER, applicant,
                catalog.current(LLTP).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        clock.set(start.plusHours(2));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện", null, null, as("chuyenvien.stp"));
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP", as("lanhdao.stp"));
        clock.set(start.plusHours(4));
        return dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
    }

    static Applicant applicant() {
        return new Applicant("Lê Văn Đánh Giá", "089190004321", "0903555666", null, "An Giang");
    }

    static RatingService.Input input(Satisfaction s, Integer attitude, String comment) {
        return new RatingService.Input(s, new Rating.Scores(null, null, null, attitude, null), comment);
    }

    // ------------------------------------------------------------------ ratings

    @Test
    void onlyTheApplicantRatesAReturnedDossierAndEveryChangeIsKept() throws Exception {
        long id = jdbc.sql("select id from dossier where status = 'RETURNED' and applicant_username = 'congdan' order by id fetch first 1 rows only")
                .query(Long.class).single();
        int before = ratings.ofDossier(id).map(r -> ratings.changes(r).size()).orElse(0);
        Rating first = ratings.rateAsApplicant(id, input(Satisfaction.NOT_SATISFIED, 0, "Chờ lâu"), as("congdan"));
        Rating second = ratings.rateAsApplicant(id, input(Satisfaction.VERY_SATISFIED, 2, null), as("congdan"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.satisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
        assertThat(ratings.changes(second)).hasSize(before + 2).extracting(Rating.Change::satisfaction)
                .endsWith(Satisfaction.NOT_SATISFIED, Satisfaction.VERY_SATISFIED);
        assertThat(jdbc.sql("select count(*) from rating where dossier_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        // another citizen does not even learn it exists; the refusal is audited
        assertThatThrownBy(() -> ratings.rateAsApplicant(id, input(Satisfaction.NOT_SATISFIED, null, null), as("congdan02")))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.search(null, "rating.refused", "dossier", Long.toString(id), 5)).isNotEmpty();
        // scores outside the slip's scale and a dossier still in progress are refused
        assertThatThrownBy(() -> ratings.rateAsApplicant(id, new RatingService.Input(Satisfaction.SATISFIED,
                new Rating.Scores(3, null, null, null, null), null), as("congdan"))).isInstanceOf(ValidationException.class);
        long open = jdbc.sql("select id from dossier where status = 'PROCESSING' and applicant_username = 'congdan' fetch first 1 rows only")
                .query(Long.class).optional().orElse(-1L);
        if (open > 0) {
            assertThatThrownBy(() -> ratings.rateAsApplicant(open, input(Satisfaction.SATISFIED, null, null), as("congdan")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("đã trả kết quả");
        }
        // the API answers the same rating
        mvc.perform(get("/api/v1/me/dossiers/{id}/rating", id).with(httpBasic("congdan", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.satisfaction").value("VERY_SATISFIED"));
        mvc.perform(put("/api/v1/me/dossiers/{id}/rating", id).with(httpBasic("congdan", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"satisfaction\":\"SATISFIED\",\"scoreAttitude\":2,\"comment\":\"Ổn\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.satisfaction").value("SATISFIED"));
        mvc.perform(put("/api/v1/me/dossiers/{id}/rating", id).with(httpBasic("congdan", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoreAttitude\":2}")).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theCounterKioskRatesTheDossierItsOfficerJustReturnedOnce() throws Exception {
        RatingService.KioskPairing k = ratings.pairKiosk(as("tiepnhan"), "Quầy số 7");
        Dossier d = returnedAtCounter(TUESDAY_9, applicant());
        // the listener notes who returned it (after commit)
        TestSupport.eventually(() -> jdbc.sql("select dossier_id from rating_due where dossier_id = ?").param(d.id()).query(Long.class).optional());
        clock.set(TUESDAY_9.plusHours(4).plusMinutes(5));
        RatingService.KioskScreen screen = ratings.kioskScreen(k.token(), "10.1.1.1");
        assertThat(screen.dossierId()).isEqualTo(d.id());
        assertThat(screen.officerName()).isEqualTo("Nguyễn Thị Mai");
        // the page without login, then the rating posted from it
        mvc.perform(get("/quay-danh-gia/{t}", k.token())).andExpect(status().isOk());
        mvc.perform(post("/quay-danh-gia/{t}", k.token()).with(csrf()).param("dossierId", Long.toString(d.id()))
                .param("satisfaction", "SATISFIED").param("scoreAttitude", "2")).andExpect(status().isOk());
        Rating r = ratings.ofDossier(d.id()).orElseThrow();
        assertThat(r.source()).isEqualTo(RatingSource.KIOSK);
        assertThat(r.officer()).isEqualTo("tiepnhan");
        assertThat(r.scores().attitude()).isEqualTo(2);
        // once only: the screen waits again and a second rating from the kiosk is refused
        assertThat(ratings.kioskScreen(k.token(), "10.1.1.1").dossierId()).isNull();
        assertThatThrownBy(() -> ratings.rateAtKiosk(k.token(), d.id(), input(Satisfaction.NOT_SATISFIED, null, null), "10.1.1.1"))
                .isInstanceOf(ValidationException.class);
        // another dossier (not the one just returned) cannot be rated from the kiosk
        long other = jdbc.sql("select id from dossier where status = 'RETURNED' and id <> ? fetch first 1 rows only").param(d.id()).query(Long.class).single();
        assertThatThrownBy(() -> ratings.rateAtKiosk(k.token(), other, input(Satisfaction.NOT_SATISFIED, null, null), "10.1.1.1"))
                .isInstanceOf(ValidationException.class);
        // a wrong token is not found; a revoked kiosk is gone
        assertThatThrownBy(() -> ratings.kioskScreen("x".repeat(32), "10.1.1.2")).isInstanceOf(NotFoundException.class);
        ratings.revokeKiosk(k.kiosk().id(), as("tiepnhan"));
        mvc.perform(get("/quay-danh-gia/{t}", k.token())).andExpect(status().isNotFound());
        // after the window the kiosk no longer offers a return
        RatingService.KioskPairing k2 = ratings.pairKiosk(as("tiepnhan"), "Quầy số 8");
        Dossier late = returnedAtCounter(TUESDAY_9.plusDays(1), applicant());
        TestSupport.eventually(() -> jdbc.sql("select dossier_id from rating_due where dossier_id = ?").param(late.id()).query(Long.class).optional());
        clock.set(TUESDAY_9.plusDays(1).plusHours(5));
        assertThat(ratings.kioskScreen(k2.token(), "10.1.1.1").dossierId()).isNull();
    }

    @Test
    void theTrackingPageRatesWithTheTrackingValues() throws Exception {
        Dossier d = returnedAtCounter(TUESDAY_9.plusDays(2), applicant());
        clock.reset();
        String secret = queries.trackingSecret(d);
        String page = mvc.perform(post("/tra-cuu").with(csrf()).param("ma", d.code()).param("bimat", secret).param("kiemtra", "5666"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rating-form\"").contains("action=\"/tra-cuu/danh-gia\"");
        mvc.perform(post("/tra-cuu/danh-gia").with(csrf()).param("ma", d.code()).param("bimat", secret).param("kiemtra", "0000")
                .param("satisfaction", "VERY_SATISFIED")).andExpect(status().isNotFound());
        mvc.perform(post("/tra-cuu/danh-gia").with(csrf()).param("ma", d.code()).param("bimat", secret).param("kiemtra", "5666")
                .param("satisfaction", "VERY_SATISFIED").param("comment", "Nhanh")).andExpect(status().isOk());
        assertThat(ratings.ofDossier(d.id()).orElseThrow().source()).isEqualTo(RatingSource.TRACKING);
    }

    @Test
    void satisfactionFiguresAndTheMonthlyVoteSummary() throws Exception {
        JsonNode s = json.readTree(mvc.perform(get("/api/v1/statistics/satisfaction").param("from", "2025-01-01").param("to", "2026-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(s.get("byAgency").size()).isPositive();
        long total = 0;
        for (JsonNode r : s.get("byAgency")) {
            total += r.get("very").asLong() + r.get("satisfied").asLong() + r.get("notSatisfied").asLong();
        }
        assertThat(total).isEqualTo(jdbc.sql("select count(*) from rating where rated_at >= ? and rated_at < ?")
                .params(java.sql.Timestamp.valueOf("2025-01-01 00:00:00"), java.sql.Timestamp.valueOf("2027-01-01 00:00:00")).query(Long.class).single());
        String month = jdbc.sql("select max(rated_at) from rating").query(java.sql.Timestamp.class).single().toLocalDateTime().toLocalDate().toString()
                .substring(0, 7);
        JsonNode v = json.readTree(mvc.perform(get("/api/v1/rating-summaries").param("month", month).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(v.size()).isPositive();
        JsonNode row = v.get(0);
        assertThat(row.get("NgayTongHop").asText()).matches("\\d{1,2}-\\d{4}");
        assertThat(row.has("TongSoNguoiDanhGia")).isTrue();
        double sum = row.get("TyLeRatHaiLong").asDouble() + row.get("TyLeHaiLong").asDouble() + row.get("TyLeKhongHaiLong").asDouble();
        assertThat(sum).isBetween(99.9, 100.1);
        // the summary holds comments: not for citizens
        mvc.perform(get("/api/v1/rating-summaries").param("month", month).with(httpBasic("congdan", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rating-summaries").param("month", "tháng 13").with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
    }

    // ------------------------------------------------------------------ feedback

    FeedbackService.Submission about(String dossierCode, Long agency) {
        return new FeedbackService.Submission(FeedbackCategory.PROCEDURE, "Chậm trả kết quả hồ sơ",
                "Hồ sơ của tôi đã quá hẹn mà chưa có kết quả, liên hệ tôi qua 0912000111.", null, dossierCode, agency, "Nguyễn Thị Phản Ánh",
                "0912000111", "phananh@example.vn", "An Giang");
    }

    @Test
    void feedbackIsRoutedHandledWithinItsDeadlinesPublishedRedactedAndVotedOn() throws Exception {
        Dossier d = returnedAtCounter(TUESDAY_9.plusDays(3), applicant());
        clock.set(LocalDateTime.of(2026, 11, 27, 10, 0)); // Friday
        FeedbackService.Submitted s = feedback.submit(about(d.code(), null), List.of(), null, "10.9.9.1");
        Feedback f = s.feedback();
        assertThat(f.code()).startsWith("PAKN-2026-");
        assertThat(f.agencyId()).isEqualTo(unit("AG.STP"));
        assertThat(f.dossierId()).isEqualTo(d.id());
        assertThat(f.classifyDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 1, 17, 0));
        assertThat(f.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 18, 17, 0));
        // the sender tracks it with the secret shown once
        assertThat(feedback.track(f.code(), s.trackingSecret(), "10.9.9.1").status()).isEqualTo(FeedbackStatus.RECEIVED);
        assertThatThrownBy(() -> feedback.track(f.code(), "SAI", "10.9.9.1")).isInstanceOf(NotFoundException.class);
        // an officer of another agency does not see it
        assertThatThrownBy(() -> feedback.open(f.id(), as("lanhdao.longxuyen"))).isInstanceOf(NotFoundException.class);
        // transferred to the commune, which gets its own deadlines; the department no longer handles it
        clock.set(LocalDateTime.of(2026, 11, 30, 9, 0));
        Feedback t = feedback.transfer(f.id(), f.rowVersion(), unit("AG.P.LX"), "Thuộc thẩm quyền UBND phường", as("kiemsoat.stp"));
        assertThat(t.agencyId()).isEqualTo(unit("AG.P.LX"));
        assertThat(t.classifyDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 2, 17, 0));
        assertThat(t.late()).isFalse();
        assertThatThrownBy(() -> feedback.accept(t.id(), t.rowVersion(), as("kiemsoat.stp"))).isInstanceOf(NotFoundException.class);
        // the province's control office oversees every agency
        assertThat(feedback.mayHandle(as("kiemsoat"), t)).isTrue();
        // a stale form is refused
        assertThatThrownBy(() -> feedback.accept(t.id(), f.rowVersion(), as("lanhdao.longxuyen"))).isInstanceOf(vn.motcua.shared.ConflictException.class);
        Feedback asked = feedback.requestInformation(t.id(), t.rowVersion(), "Đề nghị cho biết ngày hẹn trả", as("lanhdao.longxuyen"));
        clock.set(LocalDateTime.of(2026, 12, 1, 9, 0));
        Feedback back = feedback.supplyInformation(f.code(), s.trackingSecret(), "Hẹn trả ngày 26/11/2026", "10.9.9.1");
        assertThat(back.status()).isEqualTo(FeedbackStatus.HANDLING);
        assertThat(back.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 22, 17, 0));
        Feedback answered = feedback.answer(asked.id(), back.rowVersion(), "Phường đã trả kết quả và xin lỗi bà.", as("lanhdao.longxuyen"));
        assertThat(answered.status()).isEqualTo(FeedbackStatus.ANSWERED);
        assertThat(answered.publishDueAt()).isEqualTo(LocalDateTime.of(2026, 12, 3, 17, 0));
        // the sender is told on the contacts she gave
        TestSupport.eventually(() -> jdbc.sql("select count(*) from notification_message where dossier_code = ? and event_key = 'FEEDBACK_ANSWERED'")
                .param(f.code()).query(Long.class).optional().filter(n -> n == 2));
        // publication is refused while personal data remains, and nothing changes
        assertThatThrownBy(() -> feedback.publish(answered.id(), answered.rowVersion(), "Chậm trả kết quả", answered.content(), answered.answer(),
                as("lanhdao.longxuyen"))).isInstanceOf(ValidationException.class).hasMessageContaining("0912000111");
        assertThat(feedback.get(answered.id()).status()).isEqualTo(FeedbackStatus.ANSWERED);
        Feedback suggested = feedback.suggestedPublicText(answered);
        Feedback published = feedback.publish(answered.id(), answered.rowVersion(), suggested.publicTitle(), suggested.publicContent(),
                suggested.publicAnswer(), as("lanhdao.longxuyen"));
        assertThat(published.status()).isEqualTo(FeedbackStatus.PUBLISHED);
        assertThat(published.late()).isFalse();
        assertThat(feedback.steps(published)).extracting(Feedback.Step::action)
                .containsExactly("RECEIVED", "TRANSFERRED", "INFO_REQUESTED", "INFO_RECEIVED", "ANSWERED", "PUBLISHED");
        // the public page and API show it without the sender
        String page = mvc.perform(get("/phan-anh-kien-nghi/{c}", f.code())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Phường đã trả kết quả").doesNotContain("0912000111").doesNotContain("Nguyễn Thị Phản Ánh").doesNotContain("phananh@");
        mvc.perform(get("/api/v1/feedback/{c}", f.code())).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value("Phường đã trả kết quả và xin lỗi bà."));
        // one vote per reader, changeable
        mvc.perform(post("/phan-anh-kien-nghi/{c}/binh-chon", f.code()).with(csrf()).param("liked", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/phan-anh-kien-nghi/{c}/binh-chon", f.code()).with(csrf()).param("liked", "false")).andExpect(status().is3xxRedirection());
        assertThat(feedback.get(f.id()).dislikes()).isEqualTo(1);
        feedback.vote(f.code(), true, "ip:someone-else");
        feedback.vote(f.code(), true, "ip:a-third");
        Feedback voted = feedback.get(f.id());
        assertThat(voted.likes()).isEqualTo(2);
        assertThat(voted.disliked()).isFalse();
        // it counts once in the evaluation of the dossier's agency: answered on time, not disliked
        assertThat(EvaluationService.feedbackState(List.of(voted), LocalDateTime.now())).isEqualTo(
                vn.motcua.feedback.domain.EvaluationCriteria.FeedbackState.SATISFACTORY);
    }

    @Test
    void officersHandleFeedbackThroughTheApiToo() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 30, 9, 0));
        Feedback f = feedback.submit(about(null, unit("AG.STP")), List.of(), null, "10.6.6.6").feedback();
        String list = mvc.perform(get("/api/v1/feedback-cases").param("queue", "TO_CLASSIFY").with(httpBasic("kiemsoat.stp", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(f.code()).doesNotContain("0912000111");
        mvc.perform(get("/api/v1/feedback-cases/{id}", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback.sender.phone").value("0912000111")).andExpect(jsonPath("$.history[0].action").value("RECEIVED"));
        // another agency's leader does not learn it exists; citizens may not call it
        mvc.perform(get("/api/v1/feedback-cases/{id}", f.id()).with(httpBasic("lanhdao.longxuyen", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/feedback-cases").with(httpBasic("congdan", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"ACCEPT\",\"rowVersion\":" + f.rowVersion() + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback.status").value("HANDLING"));
        // a stale version conflicts; an action the state does not allow is explained
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"ANSWER\",\"rowVersion\":" + f.rowVersion() + ",\"text\":\"x\"}")).andExpect(status().isConflict());
        long v = feedback.get(f.id()).rowVersion();
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"PUBLISH\",\"rowVersion\":" + v + ",\"publicTitle\":\"a\",\"publicContent\":\"b\",\"publicAnswer\":\"c\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"ANSWER\",\"rowVersion\":" + v + ",\"text\":\"Sở đã trả kết quả.\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback.status").value("ANSWERED"));
        long w = feedback.get(f.id()).rowVersion();
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"PUBLISH\",\"rowVersion\":" + w + ",\"publicTitle\":\"Chậm trả\",\"publicContent\":\"Gọi 0912000111\",\"publicAnswer\":\"Đã trả.\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/feedback-cases/{id}/actions", f.id()).with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"PUBLISH\",\"rowVersion\":" + w + ",\"publicTitle\":\"Chậm trả\",\"publicContent\":\"Hồ sơ chậm trả.\",\"publicAnswer\":\"Đã trả.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.feedback.status").value("PUBLISHED"));
    }

    @Test
    void badAttachmentsAndFloodsAreRefusedCleanly() throws Exception {
        long before = feedback.count();
        byte[] script;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.getDocumentCatalog().setOpenAction(new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"));
            doc.save(out);
            script = out.toByteArray();
        }
        String page = mvc.perform(multipart("/phan-anh-kien-nghi/gui").file(new MockMultipartFile("files", "don.pdf", "application/pdf", script))
                        .with(csrf()).param("category", "OTHER").param("title", "Phản ánh có tệp").param("content", "Nội dung đủ dài để gửi phản ánh.")
                        .param("name", "Người Gửi").param("phone", "0912000222"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("tự thực thi");
        mvc.perform(multipart("/phan-anh-kien-nghi/gui").file(new MockMultipartFile("files", "anh.png", "image/png", "not an image".getBytes()))
                .with(csrf()).param("category", "OTHER").param("title", "Phản ánh có tệp").param("content", "Nội dung đủ dài để gửi phản ánh.")
                .param("name", "Người Gửi").param("phone", "0912000222")).andExpect(status().isUnprocessableEntity());
        // a robot filling the hidden field
        mvc.perform(multipart("/phan-anh-kien-nghi/gui").with(csrf()).param("category", "OTHER").param("title", "Quảng cáo")
                .param("content", "Nội dung quảng cáo đủ dài để gửi.").param("name", "Bot").param("phone", "0912000222").param("website", "http://spam"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(feedback.count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from feedback_attachment a join feedback f on f.id = a.feedback_id where f.title = 'Phản ánh có tệp'")
                .query(Long.class).single()).isZero();
        // a good file is kept in the file store and the officer downloads it
        byte[] good;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            good = out.toByteArray();
        }
        mvc.perform(multipart("/phan-anh-kien-nghi/gui").file(new MockMultipartFile("files", "../../don phản ánh.pdf", "application/pdf", good))
                .with(csrf()).param("category", "REGULATION").param("title", "Phản ánh có tệp tốt").param("content", "Nội dung đủ dài để gửi phản ánh.")
                .param("name", "Người Gửi").param("email", "gui@example.vn")).andExpect(status().isOk());
        long id = jdbc.sql("select id from feedback where title = 'Phản ánh có tệp tốt'").query(Long.class).single();
        Feedback.Attachment a = feedback.attachments(feedback.get(id)).get(0);
        assertThat(a.filename()).isEqualTo("don phản ánh.pdf");
        byte[] got = mvc.perform(get("/xu-ly-phan-anh/{id}/tep/{a}", id, a.id()).with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(got).isEqualTo(good);
        // five an hour from one address, then 429 with Retry-After (the API says the same)
        feedback.clearLimits();
        for (int i = 0; i < 5; i++) {
            feedback.submit(about(null, unit("AG")), List.of(), null, "10.7.7.7");
        }
        assertThatThrownBy(() -> feedback.submit(about(null, unit("AG")), List.of(), null, "10.7.7.7")).isInstanceOf(TooManyAttemptsException.class);
        mvc.perform(post("/api/v1/feedback").with(r -> {
            r.setRemoteAddr("10.7.7.7");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("category", "OTHER", "title", "Phản ánh qua API",
                "content", "Nội dung đủ dài để gửi phản ánh.", "name", "A", "phone", "0912000333")))).andExpect(status().isTooManyRequests());
        // the API from another address works and gives the secret once
        mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("category", "OTHER",
                "title", "Phản ánh qua API", "content", "Nội dung đủ dài để gửi phản ánh.", "name", "A", "phone", "0912000333"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.trackingSecret").isNotEmpty());
        mvc.perform(post("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"OTHER\",\"title\":\"x\"}"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theJobMarksMissedDeadlinesLateAndListsThemOverdue() {
        clock.set(LocalDateTime.of(2026, 11, 2, 9, 0)); // Monday
        Feedback f = feedback.submit(about(null, unit("AG.STC")), List.of(), null, "10.8.8.8").feedback();
        // the officers of the Department of Finance (its leader) are told of the new feedback, then before and after the deadline
        mailTo("lanhdao.stc@angiang.example.gov.vn", "Phản ánh mới " + f.code());
        clock.set(LocalDateTime.of(2026, 11, 3, 16, 0));
        feedback.applyDeadlines();
        assertThat(feedback.get(f.id()).warnedAt()).isNotNull();
        mailTo("lanhdao.stc@angiang.example.gov.vn", "Phản ánh " + f.code() + " sắp đến hạn");
        // a second run does not warn again
        assertThat(feedback.applyDeadlines()).isZero();
        assertThat(feedback.queue(as("lanhdao.stc"), FeedbackService.Queue.DUE_SOON)).extracting(Feedback::id).contains(f.id());
        clock.set(LocalDateTime.of(2026, 11, 5, 9, 0));
        feedback.applyDeadlines();
        Feedback late = feedback.get(f.id());
        assertThat(late.late()).isTrue();
        mailTo("lanhdao.stc@angiang.example.gov.vn", "Phản ánh " + f.code() + " đã quá hạn");
        assertThat(feedback.queue(as("lanhdao.stc"), FeedbackService.Queue.OVERDUE)).extracting(Feedback::id).contains(f.id());
        // accepting late does not clear it
        Feedback accepted = feedback.accept(f.id(), late.rowVersion(), as("lanhdao.stc"));
        assertThat(accepted.late()).isTrue();
        assertThat(feedback.steps(accepted)).extracting(Feedback.Step::action).contains("WARNED", "LATE", "ACCEPTED");
        FeedbackStatistics s = feedback.statistics(java.time.LocalDate.of(2026, 11, 2), java.time.LocalDate.of(2026, 11, 2), null);
        assertThat(s.received()).isGreaterThanOrEqualTo(1);
        assertThat(s.openOverdue() + s.lateFinished()).isGreaterThanOrEqualTo(1);
    }

    /** Waits for an e-mail to the address whose subject contains the text (listeners send after commit). */
    void mailTo(String address, String subject) {
        TestSupport.eventually(() -> java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subject) && java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst());
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * A hand-made quarter (2027-Q2, when the Department of Justice has no other returned dossier): A returned early and
     * rated very satisfied with a good attitude; B asked once for a supplement during processing, rated not satisfied and
     * complained about in a feedback nobody handled. Expected per criterion: 1 (2+2)/2, 2 (2+2)/2, 3 (2+1)/2, 4 and 5
     * (2+2)/2, 6 and 9 from the catalog, 7 (2+0)/2, 8 (2+0)/2.
     */
    @Test
    void theComputedCriteriaFollowTheDossiersRatingsAndFeedbackOfAHandMadeQuarter() {
        LocalDateTime monday = LocalDateTime.of(2027, 4, 5, 9, 0);
        Applicant first = new Applicant("Phạm Thị Một", "089190001001", "0903100100", null, "An Giang");
        Applicant second = new Applicant("Phạm Văn Hai", "089190002002", "0903200200", null, "An Giang");
        Dossier a = returnedAtCounter(monday, first);
        clock.set(monday.plusHours(5));
        ratings.rateFromTracking(a.code(), queries.trackingSecret(a), "0100", "10.2.2.2", input(Satisfaction.VERY_SATISFIED, 2, null));

        clock.set(monday.plusHours(1));
        Dossier b = dossiers.receive(new IntakeRequest(LLTP, unit("AG.TTPVHCC"), Channel.COUNTER, second,
                catalog.current(LLTP).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        clock.set(monday.plusHours(5));
        long component = catalog.current(LLTP).components().get(0).id();
        Dossier paused = dossiers.requestSupplement(b.id(), b.rowVersion(), Map.of(component, "Bản sao mờ, không đọc được"), null, as("chuyenvien.stp"));
        clock.set(monday.plusDays(2));
        Dossier resumed = dossiers.receiveSupplement(paused.id(), paused.rowVersion(), "Đã nộp bản rõ", as("tiepnhan"));
        clock.set(monday.plusDays(2).plusHours(1));
        Dossier atLeader = dossiers.forward(resumed.id(), resumed.rowVersion(), "Đủ điều kiện", null, null, as("chuyenvien.stp"));
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP", as("lanhdao.stp"));
        clock.set(monday.plusDays(3));
        Dossier returned = dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
        assertThat(returned.supplementCount()).isEqualTo(1);
        ratings.rateFromTracking(b.code(), queries.trackingSecret(b), "0200", "10.2.2.2", input(Satisfaction.NOT_SATISFIED, null, "Phải bổ sung"));
        clock.set(monday.plusDays(4));
        feedback.submit(about(b.code(), null), List.of(), null, "10.2.2.3");

        clock.set(LocalDateTime.of(2027, 6, 21, 9, 0));
        Evaluation e = evaluations.view(unit("AG.STP"), ReportingPeriod.quarter(2027, 2));
        assertThat(e.slips()).isEqualTo(2);
        var version = catalog.version(a.procedureVersionId());
        BigDecimal online = BigDecimal.valueOf(switch (version.onlineLevel()) {
            case FULL -> 2;
            case PARTIAL -> 1;
            case NONE -> 0;
        });
        assertThat(e.criteria()).extracting(Evaluation.Criterion::computed).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("2"),
                new BigDecimal("1"), new BigDecimal("1"), online);
        assertThat(e.criteria().get(6).counted()).isEqualTo(2);
        assertThat(e.computedTotal()).isEqualByComparingTo(new BigDecimal("13.5").add(online));
        assertThat(e.criteria().get(2).percent()).isEqualByComparingTo("75.00");
    }

    @Test
    void theEvaluationIsComputedSelfAssessedVerifiedAndExported() throws Exception {
        // the test province has a month of history: evaluate the quarter it falls in, after that quarter ended
        clock.set(LocalDateTime.of(2026, 12, 21, 9, 0));
        ReportingPeriod q = ReportingPeriod.quarter(2026, 4);
        long lx = unit("AG.P.LX");
        long rg = unit("AG.P.RG");
        Evaluation computed = evaluations.view(rg, q);
        assertThat(computed.slips()).isPositive();
        assertThat(computed.criteria()).hasSize(9);
        // the slips are the dossiers its units returned in the period
        long returned = jdbc.sql("select count(*) from dossier where status = 'RETURNED' and finished_at >= :f and finished_at < :t and handling_agency_id in (:u)")
                .param("f", java.sql.Timestamp.valueOf(q.from().atStartOfDay())).param("t", java.sql.Timestamp.valueOf(q.to().plusDays(1).atStartOfDay()))
                .param("u", agencies.agencyUnits(rg)).query(Long.class).single();
        assertThat(computed.slips()).isEqualTo(returned);
        assertThat(computed.computedTotal()).isBetween(BigDecimal.ZERO, new BigDecimal("18"));
        // criterion 7 averages the ratings of the slips that have one
        assertThat(computed.criteria().get(6).counted()).isLessThanOrEqualTo(computed.slips());
        Map<Integer, String> points = new HashMap<>();
        for (int c = 1; c <= 9; c++) {
            points.put(c, "1,5");
        }
        // only the agency assesses itself; only a body above it verifies
        assertThatThrownBy(() -> evaluations.selfAssess(rg, q.key(), 0, points, Map.of(), as("lanhdao.longxuyen"))).isInstanceOf(NotFoundException.class);
        Map<Integer, String> bad = new HashMap<>(points);
        bad.put(4, "2,5");
        assertThatThrownBy(() -> evaluations.selfAssess(rg, q.key(), 0, bad, Map.of(), as("lanhdao.rachgia"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Tiêu chí 4");
        assertThat(jdbc.sql("select count(*) from evaluation where agency_id = ? and period_key = ?").params(rg, q.key()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> evaluations.selfAssess(rg, ReportingPeriod.quarter(2027, 1).key(), 0, points, Map.of(), as("lanhdao.rachgia")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("chưa kết thúc");
        Evaluation assessed = evaluations.selfAssess(rg, q.key(), 0, points, Map.of(7, "Theo phiếu"), as("lanhdao.rachgia"));
        assertThat(assessed.status()).isEqualTo(EvaluationStatus.SELF_ASSESSED);
        assertThat(assessed.selfTotal()).isEqualByComparingTo("13.50");
        assertThat(assessed.criteria().get(0).computed()).isEqualTo(computed.criteria().get(0).computed());
        assertThatThrownBy(() -> evaluations.verify(rg, q.key(), assessed.rowVersion(), points, Map.of(), as("lanhdao.rachgia")))
                .isInstanceOf(NotFoundException.class);
        Map<Integer, String> verified = new HashMap<>(points);
        verified.put(1, "1");
        Evaluation done = evaluations.verify(rg, q.key(), assessed.rowVersion(), verified, Map.of(1, "Có hồ sơ trễ hạn"), as("kiemsoat"));
        assertThat(done.status()).isEqualTo(EvaluationStatus.VERIFIED);
        assertThat(done.verifiedTotal()).isEqualByComparingTo("13.00");
        assertThat(evaluations.band(done.finalTotal()).label()).isEqualTo("Tốt");
        assertThatThrownBy(() -> evaluations.selfAssess(rg, q.key(), done.rowVersion(), points, Map.of(), as("lanhdao.rachgia")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("đã được thẩm định");
        // the exports in the official layout
        byte[] xlsx = mvc.perform(get("/danh-gia-tthc/{a}/bang-danh-gia.xlsx", rg).param("ky", q.key()).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("Quý IV/2026").contains("Số phiếu đánh giá: " + done.slips());
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).startsWith("Tổng thời gian giải quyết");
            assertThat(sheet.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(14).getCell(1).getStringCellValue()).isEqualTo("Tổng điểm");
            assertThat(sheet.getRow(14).getCell(5).getNumericCellValue()).isEqualTo(13.0);
            assertThat(sheet.getRow(14).getCell(7).getStringCellValue()).isEqualTo("Xếp loại: Tốt");
        }
        byte[] pdf = mvc.perform(get("/danh-gia-tthc/{a}/bang-danh-gia.pdf", rg).param("ky", q.key()).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(TestSupport.pdfText(pdf)).contains("BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH").contains("Quý IV/2026").contains("13,00")
                .contains("Xếp loại: Tốt");
        assertThat(TestSupport.darkPixelsOfFirstPage(pdf)).isGreaterThan(5_000);
        // the API and the overview agree
        mvc.perform(get("/api/v1/evaluations/{a}", rg).param("period", q.key()).with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED")).andExpect(jsonPath("$.slips").value(done.slips()));
        mvc.perform(get("/api/v1/evaluations/{a}", rg).param("period", "2026-Q9").with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(evaluations.overview(q)).filteredOn(e -> e.agencyId() == lx).singleElement().extracting(Evaluation::status)
                .isIn(EvaluationStatus.SELF_ASSESSED, EvaluationStatus.COMPUTED);
        assertThat(audit.search(null, "evaluation.verified", "evaluation", null, 5)).isNotEmpty();
    }
}
