package vn.motcua.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.dossier.DossierTestSupport.allComponents;
import static vn.motcua.dossier.DossierTestSupport.pdfText;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

@IntegrationTest
class DossierIntegrationTest {
    static final String LLTP = "1.001078";      // province level, Sở Tư pháp, 10 days (8 online)
    static final String BIRTH = "1.001193";     // commune level, 3 days (1.5 online)
    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 11, 23, 9, 0);

    @Autowired DossierService dossiers;
    @Autowired DossierQueries queries;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired WorkingCalendarService calendars;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    CurrentUser as(String username) {
        return user(accounts, username);
    }

    Applicant applicant() {
        return new Applicant("Nguyễn Thị Hoa", "089190001111", "0903123456", "hoa@example.vn", "phường Long Xuyên");
    }

    Dossier receiveLltp(IntakeDecision decision, Set<Long> present, String reason) {
        return dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(), present, decision, reason),
                as("tiepnhan"));
    }

    @Test
    void counterIntakeStartsTheClockAndIssuesTheReceipt() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(d.code()).matches("AG-TTPVHCC-261123-\\d{6}");
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.procedureVersionId()).isEqualTo(catalog.current(LLTP).id());
        assertThat(d.receivedAt()).isEqualTo(MONDAY_9);
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0)); // 10 working days
        assertThat(d.currentStep()).isEqualTo(2);
        assertThat(d.handlingAgencyId()).isEqualTo(unit(agencies, "AG.STP"));
        assertThat(d.events()).extracting(DossierEvent::action).containsExactly(DossierAction.SUBMIT, DossierAction.ACCEPT);
        byte[] pdf = mvc.perform(get("/ho-so/{id}/phieu/tiep-nhan.pdf", d.id()).with(httpBasic("tiepnhan", "MotCua@2026")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").contains(d.code()).contains("Nguyễn Thị Hoa")
                .contains("09 giờ 00 phút, ngày 07/12/2026");
        // the citizen can track it with the code and the end of the phone number, not with the code alone
        mvc.perform(get("/api/v1/tracking").param("code", d.code()).param("check", "3456")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROCESSING"));
        mvc.perform(get("/api/v1/tracking").param("code", d.code()).param("check", "0000")).andExpect(status().isNotFound());
        mvc.perform(get("/tra-cuu").param("ma", d.code()).param("kiemtra", "1111")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đang giải quyết")));
    }

    @Test
    void incompleteDossiersGetASupplementRequestListingOnlyPublishedComponents() throws Exception {
        Set<Long> all = allComponents(catalog, LLTP);
        Long first = all.iterator().next();
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.ACCEPT, Set.of(first), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("còn thiếu 1 thành phần");
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.ACCEPT, Set.of(first, 999999L), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ngoài danh mục");
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        Dossier d = receiveLltp(IntakeDecision.REQUEST_SUPPLEMENT, Set.of(first), "Bản chụp CCCD bị mờ");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(d.status()).isEqualTo(DossierStatus.INTAKE_SUPPLEMENT);
        assertThat(d.dueAt()).isNull();
        String text = pdfText(mvc.perform(get("/ho-so/{id}/phieu/bo-sung.pdf", d.id()).with(httpBasic("tiepnhan", "MotCua@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ").contains("Bản chụp giấy tờ tùy thân").contains("Bản chụp CCCD bị mờ");
        Dossier accepted = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, all, null, as("tiepnhan"));
        assertThat(accepted.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(accepted.documents()).allMatch(DossierDocument::present);
    }

    @Test
    void refusalNeedsAReasonAndEndsTheDossier() throws Exception {
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.REFUSE, Set.of(), " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Lý do từ chối");
        Dossier d = receiveLltp(IntakeDecision.REFUSE, Set.of(), "Yêu cầu không thuộc thẩm quyền giải quyết của tỉnh");
        assertThat(d.status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(pdfText(mvc.perform(get("/ho-so/{id}/phieu/tu-choi.pdf", d.id()).with(httpBasic("tiepnhan", "MotCua@2026")))
                .andReturn().getResponse().getContentAsByteArray())).contains("PHIẾU TỪ CHỐI TIẾP NHẬN").contains("không thuộc thẩm quyền");
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.stp")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Từ chối tiếp nhận");
    }

    @Test
    void fullJourneyOnTime() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(queries.queue(as("chuyenvien.stp"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).contains(d.id());
        assertThat(queries.queue(as("lanhdao.stp"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).doesNotContain(d.id());
        // only the officer of the step's role and unit may act
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không có vai trò");
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class);
        clock.set(MONDAY_9.plusDays(2));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện cấp phiếu", null, null, as("chuyenvien.stp"));
        assertThat(atLeader.currentStep()).isEqualTo(3);
        // the leader's approval moves it into the last step, which registers the result
        assertThatThrownBy(() -> dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, null, null, as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("kết quả giải quyết");
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP số 123/2026/LLTP", as("lanhdao.stp"));
        assertThat(signed.currentStep()).isEqualTo(4);
        assertThat(signed.events().get(signed.events().size() - 1).action()).isEqualTo(DossierAction.APPROVE);
        clock.set(MONDAY_9.plusDays(3));
        Dossier done = dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
        assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(done.late()).isFalse();
        assertThat(dossiers.deadline(done)).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(done.events()).extracting(DossierEvent::action).containsExactly(DossierAction.SUBMIT, DossierAction.ACCEPT,
                DossierAction.FORWARD, DossierAction.APPROVE, DossierAction.RETURN_RESULT);
        assertThat(done.events()).allSatisfy(e -> assertThat(e.actor()).isNotBlank());
        String sheet = pdfText(mvc.perform(get("/ho-so/{id}/phieu/kiem-soat.pdf", d.id()).with(httpBasic("lanhdao.stp", "MotCua@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains("Đặng Văn Hùng").contains("Huỳnh Thị Lan");
        assertThatThrownBy(() -> dossiers.forward(done.id(), done.rowVersion(), null, null, null, as("tiepnhan")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void pauseStopsTheClockAndResumeRestartsItForTheTimeLeft() {
        clock.set(MONDAY_9);
        Dossier d = dossiers.receive(new IntakeRequest(BIRTH, unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER, applicant(),
                allComponents(catalog, BIRTH), IntakeDecision.ACCEPT, null), as("tiepnhan.longxuyen"));
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 0)); // 3 working days
        assertThat(d.handlingAgencyId()).isEqualTo(unit(agencies, "AG.P.LX"));
        clock.set(LocalDateTime.of(2026, 11, 24, 9, 0)); // one working day used, two left
        Dossier paused = dossiers.pause(d.id(), d.rowVersion(), "Bổ sung giấy chứng sinh bản chính", as("chuyenvien.longxuyen"));
        assertThat(paused.status()).isEqualTo(DossierStatus.PAUSED);
        assertThat(paused.remainingMinutes()).isEqualTo(16 * 60);
        clock.set(LocalDateTime.of(2026, 11, 30, 9, 0)); // a week later (Monday)
        Dossier resumed = dossiers.resume(paused.id(), paused.rowVersion(), "Đã nhận bản chính", as("chuyenvien.longxuyen"));
        assertThat(resumed.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(resumed.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 2, 9, 0));
        assertThat(resumed.events().get(resumed.events().size() - 1).note()).contains("không tính vào thời hạn");
    }

    @Test
    void aLateDossierCannotBeClosedWithoutExplanationAndApology() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = dossiers.receive(new IntakeRequest(BIRTH, unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER, applicant(),
                allComponents(catalog, BIRTH), IntakeDecision.ACCEPT, null), as("tiepnhan.longxuyen"));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.longxuyen"));
        assertThatThrownBy(() -> dossiers.apologise(atLeader.id(), atLeader.rowVersion(), "Chưa trễ", LocalDateTime.of(2026, 12, 1, 9, 0),
                as("lanhdao.longxuyen"))).isInstanceOf(ValidationException.class).hasMessageContaining("chưa đến thời điểm");
        Dossier late = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Giấy khai sinh số 45/2026",
                as("lanhdao.longxuyen"));
        clock.set(LocalDateTime.of(2026, 11, 27, 10, 0)); // past Thursday 09:00
        assertThat(queries.queue(as("tiepnhan.longxuyen"), Queue.OVERDUE)).extracting(v -> v.dossier().id()).contains(late.id());
        assertThat(dossiers.deadline(dossiers.get(late.id()))).isEqualTo(DeadlineState.OVERDUE);
        assertThatThrownBy(() -> dossiers.returnResult(late.id(), late.rowVersion(), Delivery.COUNTER, null, as("tiepnhan.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Phiếu xin lỗi");
        Dossier apologised = dossiers.apologise(late.id(), late.rowVersion(), "Hệ thống cơ sở dữ liệu hộ tịch gián đoạn",
                LocalDateTime.of(2026, 11, 30, 9, 0), as("tiepnhan.longxuyen"));
        assertThat(apologised.late()).isTrue();
        assertThat(apologised.newAppointmentAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        String letter = pdfText(mvc.perform(get("/ho-so/{id}/phieu/xin-loi.pdf", late.id()).with(httpBasic("tiepnhan.longxuyen", "MotCua@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(letter).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ").contains("gián đoạn").contains("30/11/2026");
        Dossier done = dossiers.returnResult(late.id(), apologised.rowVersion(), Delivery.POST, null, as("tiepnhan.longxuyen"));
        assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(done.late()).isTrue();
        assertThat(dossiers.deadline(done)).isEqualTo(DeadlineState.DONE_LATE);
    }

    @Test
    void concurrentActionsOnOneDossierAreDetected() {
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        dossiers.forward(d.id(), d.rowVersion(), "lần 1", null, null, as("chuyenvien.stp"));
        assertThatThrownBy(() -> dossiers.sendBack(d.id(), d.rowVersion(), "cùng lúc", as("lanhdao.stp")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("người khác");
        Dossier now = dossiers.get(d.id());
        assertThat(now.currentStep()).isEqualTo(3);
        assertThat(now.events()).filteredOn(e -> e.action() == DossierAction.FORWARD).hasSize(1);
    }

    @Test
    void transferSendsTheDossierToAnotherAgency() {
        Dossier received = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThatThrownBy(() -> dossiers.assign(received.id(), received.rowVersion(), " ", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        Dossier d = dossiers.assign(received.id(), received.rowVersion(), "chuyenvien.stp", as("chuyenvien.stp"));
        assertThat(d.assignee()).isEqualTo("chuyenvien.stp");
        assertThat(d.events().get(d.events().size() - 1).action()).isEqualTo(DossierAction.ASSIGN);
        assertThatThrownBy(() -> dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG.STP"), "x", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("đã ở cơ quan này");
        Dossier moved = dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG.SNV"), "Xin ý kiến Sở Nội vụ", as("chuyenvien.stp"));
        assertThat(moved.handlingAgencyId()).isEqualTo(unit(agencies, "AG.SNV"));
        assertThat(moved.assignee()).isNull();
        assertThat(moved.events().get(moved.events().size() - 1).note()).contains("Sở Nội vụ");
        assertThatThrownBy(() -> dossiers.forward(moved.id(), moved.rowVersion(), null, null, null, as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void onlineSubmissionUsesTheShortenedTimeLimitAndTheOnlineProcess() throws Exception {
        clock.set(MONDAY_9);
        List<UploadedDocument> files = catalog.current(BIRTH).components().stream()
                .map(c -> new UploadedDocument(c.id(), "giay-to-" + c.position() + ".pdf", "application/pdf", "%PDF-1.4".getBytes())).toList();
        Dossier d = dossiers.submitOnline(BIRTH, unit(agencies, "AG.P.LX.BPMC"), applicant(), files, "congdan");
        assertThat(d.status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(d.channel()).isEqualTo(Channel.ONLINE);
        assertThat(d.timeLimitDays()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(d.processVariant()).isEqualTo("ONLINE");
        assertThat(queries.queue(as("tiepnhan.longxuyen"), Queue.INTAKE)).extracting(v -> v.dossier().id()).contains(d.id());
        assertThat(queries.mine(as("congdan"))).extracting(v -> v.dossier().id()).contains(d.id());
        Dossier accepted = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, new HashSet<>(), null, as("tiepnhan.longxuyen"));
        assertThat(accepted.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 14, 30)); // 12 working hours: 6.5 on Monday, 5.5 on Tuesday
        assertThatThrownBy(() -> dossiers.submitOnline(BIRTH, unit(agencies, "AG.P.LX.BPMC"), applicant(), List.of(), "congdan"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Chưa đính kèm");
        assertThatThrownBy(() -> dossiers.submitOnline("2.000815", unit(agencies, "AG.P.LX.BPMC"), applicant(), files, "congdan"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("chưa cung cấp dịch vụ công trực tuyến");
    }

    @Test
    void withdrawalAndStatisticsCountLateDossiersAsLate() throws Exception {
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThatThrownBy(() -> dossiers.withdraw(d.id(), d.rowVersion(), "x", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dossiers.withdraw(d.id(), d.rowVersion(), " ", as("tiepnhan"))).isInstanceOf(ValidationException.class);
        Dossier w = dossiers.withdraw(d.id(), d.rowVersion(), "Công dân có đơn xin rút hồ sơ", as("tiepnhan"));
        assertThat(w.status()).isEqualTo(DossierStatus.WITHDRAWN);
        java.time.LocalDate today = agencies.today();
        long stp = unit(agencies, "AG.STP");
        AgencyDossierStatistic before = queries.statistics(today.minusYears(5), today.plusYears(5)).stream()
                .filter(s -> s.agencyId() == stp).findFirst().orElseThrow();
        // a dossier returned after its due time counts as late even with an apology
        clock.set(MONDAY_9);
        Dossier late = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        late = dossiers.forward(late.id(), late.rowVersion(), null, null, null, as("chuyenvien.stp"));
        late = dossiers.forward(late.id(), late.rowVersion(), null, Outcome.GRANTED, "Phiếu số 9", as("lanhdao.stp"));
        clock.set(LocalDateTime.of(2026, 12, 8, 9, 0));
        late = dossiers.apologise(late.id(), late.rowVersion(), "Chờ xác minh", LocalDateTime.of(2026, 12, 9, 9, 0), as("tiepnhan"));
        dossiers.returnResult(late.id(), late.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
        AgencyDossierStatistic after = queries.statistics(today.minusYears(5), today.plusYears(5)).stream()
                .filter(s -> s.agencyId() == stp).findFirst().orElseThrow();
        assertThat(after.finishedLate()).isEqualTo(before.finishedLate() + 1);
        assertThat(after.finishedOnTime()).isEqualTo(before.finishedOnTime());
        mvc.perform(get("/thong-ke/ho-so")).andExpect(status().isOk()).andExpect(content().string(containsString("Sở Tư pháp tỉnh An Giang")));
        mvc.perform(get("/api/v1/statistics/dossiers").param("from", "2026-12-31").param("to", "2026-01-01"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void apiAndPages() throws Exception {
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        mvc.perform(get("/can-bo").with(httpBasic("chuyenvien.stp", "MotCua@2026"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(d.code())));
        mvc.perform(get("/can-bo/ho-so/{id}", d.id()).with(httpBasic("chuyenvien.stp", "MotCua@2026"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhật ký xử lý")));
        mvc.perform(get("/can-bo/ho-so/{id}", d.id()).with(httpBasic("chuyenvien.longxuyen", "MotCua@2026"))).andExpect(status().isNotFound());
        mvc.perform(get("/can-bo").with(httpBasic("congdan", "MotCua@2026"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/{id}/forward", d.id()).with(httpBasic("chuyenvien.stp", "MotCua@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": " + d.rowVersion() + ", \"note\": \"API\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value(3));
        mvc.perform(post("/api/v1/dossiers/{id}/forward", d.id()).with(httpBasic("chuyenvien.stp", "MotCua@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": " + d.rowVersion() + "}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/dossiers/{id}/fly", d.id()).with(httpBasic("chuyenvien.stp", "MotCua@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": 0}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/can-bo/so-theo-doi").with(httpBasic("tiepnhan", "MotCua@2026"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(d.code())));
    }
}
