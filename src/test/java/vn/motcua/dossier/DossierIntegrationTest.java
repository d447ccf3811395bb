package vn.motcua.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.MutableClock;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.dossier.DossierTestSupport.allComponents;
import static vn.motcua.dossier.DossierTestSupport.pdfText;
import static vn.motcua.dossier.DossierTestSupport.unit;
import static vn.motcua.dossier.DossierTestSupport.user;

/** The dossier lifecycle under the law in force, through the service, the pages and the API. */
@IntegrationTest
class DossierIntegrationTest {
    static final String LLTP = "1.001078";      // province level, Sở Tư pháp, 10 working days (8 online)
    static final String RECOGNITION = "1.001695"; // commune level, 3 working days (2 online)
    static final String BIRTH = "1.001193";     // commune level, within the day
    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final String PASSWORD = "MotCua@2026";

    @Autowired DossierService dossiers;
    @Autowired vn.motcua.payment.PaymentService payments;
    @Autowired DossierQueries queries;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    CurrentUser as(String username) {
        return user(accounts, username);
    }

    static Applicant applicant() {
        return new Applicant("Nguyễn Thị Hoa", "089190001111", "0903123456", "hoa@example.vn", "phường Long Xuyên");
    }

    Dossier receiveLltp(IntakeDecision decision, Set<Long> present, String reason) {
        return dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(), present, decision, reason),
                as("tiepnhan"));
    }

    Dossier receiveAtLongXuyen(String code) {
        return dossiers.receive(new IntakeRequest(code, unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER, applicant(), allComponents(catalog, code),
                IntakeDecision.ACCEPT, null), as("tiepnhan.longxuyen"));
    }

    long firstComponent(String code) {
        return catalog.current(code).components().get(0).id();
    }

    @Test
    void counterIntakeStartsTheClockRegistersTheBookAndIssuesTheReceipt() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        String identifier = agencies.findByCode("AG.TTPVHCC").orElseThrow().identifierCode();
        assertThat(d.code()).matches(java.util.regex.Pattern.quote(identifier) + "-261123-\\d{4}");
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.procedureVersionId()).isEqualTo(catalog.current(LLTP).id());
        assertThat(d.receivedAt()).isEqualTo(MONDAY_9);
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0)); // 10 working days
        assertThat(d.currentStep()).isEqualTo(2);
        assertThat(d.handlingAgencyId()).isEqualTo(unit(agencies, "AG.STP"));
        assertThat(d.bookVolume()).isEqualTo("01/2026");
        assertThat(d.bookNumber()).isPositive();
        assertThat(dossiers.ruleSet(d).code()).isEqualTo("ND118-2025");
        assertThat(d.history()).extracting(DossierHistoryEntry::action).containsExactly(DossierAction.SUBMIT, DossierAction.ACCEPT);
        assertThat(d.history()).allSatisfy(e -> assertThat(e.actor()).isEqualTo("tiepnhan"));
        // a second dossier the same day at the same counter gets the next daily number
        Dossier next = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        int seq = Integer.parseInt(d.code().substring(d.code().lastIndexOf('-') + 1));
        assertThat(next.code()).endsWith(String.format("-%04d", seq + 1));
        assertThat(next.bookNumber()).isEqualTo(d.bookNumber() + 1);
        // the citizen tracks it with the code, the secret printed on the receipt and the end of the phone number, by POST
        String secret = queries.trackingSecret(d);
        assertThat(secret).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        mvc.perform(post("/api/v1/tracking").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + d.code() + "\",\"secret\":\"" + secret + "\",\"check\":\"3456\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSING"))
                .andExpect(jsonPath("$.procedureName").doesNotExist()).andExpect(jsonPath("$.handlingAgency").doesNotExist());
        mvc.perform(post("/api/v1/tracking").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + d.code() + "\",\"secret\":\"AAAAAAAAAA\",\"check\":\"3456\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tracking").param("code", d.code()).param("check", "3456")).andExpect(status().is4xxClientError());
        mvc.perform(post("/tra-cuu").with(csrf()).param("ma", d.code()).param("bimat", secret.toLowerCase()).param("kiemtra", "1111"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đang giải quyết")))
                .andExpect(content().string(not(containsString("tiepnhan"))))
                .andExpect(content().string(not(containsString(d.procedureName()))));
        queries.clearTrackingLimits();
    }

    @Test
    void aSupplementRequestAtIntakeNamesOnlyPublishedComponentsWithTheirReasonsAndIsMadeOnce() throws Exception {
        Set<Long> all = allComponents(catalog, LLTP);
        long first = firstComponent(LLTP);
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.ACCEPT, Set.of(first), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("thiếu hoặc chưa đạt");
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.ACCEPT, Set.of(first, 999999L), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ngoài danh mục");
        // nothing missing and nothing described as defective: there is nothing to ask for
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.REQUEST_SUPPLEMENT, all, "Bổ sung sổ hộ khẩu"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("chỉ yêu cầu bổ sung thành phần đã công bố");
        // a reason for something that is not a published component is refused
        assertThatThrownBy(() -> dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(), null, null, 1,
                null, all, Map.of(999999L, "Sổ hộ khẩu"), IntakeDecision.REQUEST_SUPPLEMENT, null), as("tiepnhan")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ngoài danh mục");
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        Set<Long> second = new HashSet<>(all);
        second.remove(first);
        Dossier d = dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(), null, null, 1, null,
                second, Map.of(), IntakeDecision.REQUEST_SUPPLEMENT, null), as("tiepnhan"));
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(d.status()).isEqualTo(DossierStatus.INTAKE_SUPPLEMENT);
        assertThat(d.dueAt()).isNull();
        assertThat(d.supplements()).hasSize(1);
        assertThat(d.supplements().get(0).items()).extracting(SupplementRequest.Item::componentId).containsExactly(first);
        String text = pdfText(mvc.perform(get("/ho-so/{id}/phieu/bo-sung.pdf", d.id()).with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ").contains("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp").contains("Chưa nộp")
                .contains("NGƯỜI HƯỚNG DẪN").contains("Nguyễn Thị Mai").contains(accounts.list().stream()
                        .filter(a -> a.username().equals("tiepnhan")).findFirst().orElseThrow().phone());
        // asked once: a second request at intake is refused; the complete dossier is received
        assertThatThrownBy(() -> dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.REQUEST_SUPPLEMENT, Set.of(),
                Map.of(first, "Lại thiếu"), null, as("tiepnhan"))).isInstanceOf(ValidationException.class).hasMessageContaining("một lần");
        Dossier accepted = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, all, Map.of(), null, as("tiepnhan"));
        assertThat(accepted.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(accepted.documents()).allMatch(DossierDocument::present);
        assertThat(accepted.supplements().get(0).status()).isEqualTo(SupplementStatus.RECEIVED);
        // a defect on a component that was handed in is named with what is wrong with it
        Dossier defective = dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.TTPVHCC"), Channel.COUNTER, applicant(), null, null, 1,
                null, all, Map.of(first, "Tờ khai chưa ký tên"), IntakeDecision.REQUEST_SUPPLEMENT, null), as("tiepnhan"));
        assertThat(defective.supplements().get(0).items()).extracting(SupplementRequest.Item::reason).containsExactly("Tờ khai chưa ký tên");
    }

    @Test
    void refusalNeedsAReasonAndEndsTheDossier() throws Exception {
        assertThatThrownBy(() -> receiveLltp(IntakeDecision.REFUSE, Set.of(), " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Lý do từ chối");
        Dossier d = receiveLltp(IntakeDecision.REFUSE, Set.of(), "Yêu cầu không thuộc thẩm quyền giải quyết của tỉnh");
        assertThat(d.status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(dossiers.deadline(d)).isEqualTo(DeadlineState.ENDED);
        assertThat(pdfText(mvc.perform(get("/ho-so/{id}/phieu/tu-choi.pdf", d.id()).with(httpBasic("tiepnhan", PASSWORD)))
                .andReturn().getResponse().getContentAsByteArray())).contains("PHIẾU TỪ CHỐI TIẾP NHẬN").contains("không thuộc thẩm quyền")
                .contains("Luật Lý lịch tư pháp");
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.stp")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Từ chối tiếp nhận");
        // a refused dossier is not in the dossier book
        assertThat(queries.book(unit(agencies, "AG.TTPVHCC"), agencies.today().minusYears(1), agencies.today().plusYears(1)))
                .filteredOn(r -> !r.unused()).extracting(r -> r.dossier().id()).doesNotContain(d.id());
    }

    @Test
    void fullJourneyOnTimeWithTheControlSheetOfHandOvers() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(queries.queue(as("chuyenvien.stp"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).contains(d.id());
        assertThat(queries.queue(as("lanhdao.stp"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).doesNotContain(d.id());
        // an officer of another agency does not even learn that the dossier exists
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.longxuyen")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class);
        clock.set(MONDAY_9.plusDays(2));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện cấp phiếu", null, null, as("chuyenvien.stp"));
        assertThat(atLeader.currentStep()).isEqualTo(3);
        assertThatThrownBy(() -> dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, null, null, as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("kết quả giải quyết");
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Phiếu LLTP số 123/2026/LLTP", as("lanhdao.stp"));
        assertThat(signed.currentStep()).isEqualTo(4);
        assertThat(signed.processedAt()).isEqualTo(MONDAY_9.plusDays(2));
        assertThat(signed.history().get(signed.history().size() - 1).action()).isEqualTo(DossierAction.APPROVE);
        clock.set(MONDAY_9.plusDays(3));
        Dossier done = dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan"));
        assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(done.late()).isFalse();
        assertThat(dossiers.deadline(done)).isEqualTo(DeadlineState.DONE_ON_TIME);
        assertThat(done.history()).extracting(DossierHistoryEntry::action).containsExactly(DossierAction.SUBMIT, DossierAction.ACCEPT,
                DossierAction.FORWARD, DossierAction.APPROVE, DossierAction.RETURN_RESULT);
        String sheet = pdfText(mvc.perform(get("/ho-so/{id}/phieu/kiem-soat.pdf", d.id()).with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").contains("Mẫu số 06")
                .contains("1. Giao: Trung tâm Phục vụ hành chính công tỉnh An Giang").contains("Nhận: Sở Tư pháp tỉnh An Giang")
                .contains("2. Giao: Sở Tư pháp").contains("Người giao: Đặng Văn Hùng").contains("Người giao: Huỳnh Thị Lan")
                .contains("Trước hạn").contains("Trả kết quả").contains("Người nộp: Nguyễn Thị Hoa");
        assertThatThrownBy(() -> dossiers.forward(done.id(), done.rowVersion(), null, null, null, as("tiepnhan")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theSpecialistsSupplementRequestStopsTheClockAndTheTimeLimitRestartsFromZero() {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0));
        clock.set(LocalDateTime.of(2026, 11, 24, 9, 0)); // one working day used, within the 3-day window
        assertThatThrownBy(() -> dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(), null, as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ít nhất một thành phần");
        assertThatThrownBy(() -> dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(999999L, "Sổ hộ khẩu"), null, as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ngoài danh mục");
        Dossier paused = dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(firstComponent(LLTP), "Tờ khai ghi sai năm sinh"), null,
                as("chuyenvien.stp"));
        assertThat(paused.status()).isEqualTo(DossierStatus.PAUSED);
        assertThat(paused.supplementCount()).isEqualTo(1);
        assertThat(paused.supplementLate()).isFalse();
        assertThat(dossiers.deadline(paused)).isEqualTo(DeadlineState.WAITING);
        // the one-stop unit holds the applicant's side: it records the supplement, the handling agency does not
        assertThatThrownBy(() -> dossiers.receiveSupplement(paused.id(), paused.rowVersion(), null, as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        clock.set(LocalDateTime.of(2026, 11, 30, 9, 0)); // four working days later
        Dossier resumed = dossiers.receiveSupplement(paused.id(), paused.rowVersion(), "Đã nhận tờ khai mới", as("tiepnhan"));
        assertThat(resumed.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(resumed.currentStep()).isEqualTo(2);
        assertThat(resumed.clockStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(resumed.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 14, 9, 0)); // 10 working days again, from zero
        assertThat(resumed.supplementMinutes()).isEqualTo(4 * 480);
        assertThat(resumed.supplements().get(0).waitedMinutes()).isEqualTo(4 * 480);
        assertThat(resumed.history().get(resumed.history().size() - 1).note()).contains("tính lại từ đầu");
    }

    @Test
    void aSecondSupplementRequestNeedsALeaderAndCountsAsLate() {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        clock.set(MONDAY_9.plusDays(1));
        d = dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(firstComponent(LLTP), "Thiếu chữ ký"), null, as("chuyenvien.stp"));
        clock.set(MONDAY_9.plusDays(2));
        d = dossiers.receiveSupplement(d.id(), d.rowVersion(), null, as("tiepnhan"));
        clock.set(MONDAY_9.plusDays(3));
        Dossier proposed = dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(firstComponent(LLTP), "Thiếu nơi cư trú trước đây"), null,
                as("chuyenvien.stp"));
        assertThat(proposed.status()).isEqualTo(DossierStatus.SUPPLEMENT_APPROVAL);
        assertThat(proposed.supplements().get(1).status()).isEqualTo(SupplementStatus.PROPOSED);
        assertThat(proposed.supplements().get(1).countsLate()).isTrue();
        assertThat(queries.queue(as("lanhdao.stp"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).contains(proposed.id());
        assertThatThrownBy(() -> dossiers.approveSupplement(proposed.id(), proposed.rowVersion(), as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        Dossier approved = dossiers.approveSupplement(proposed.id(), proposed.rowVersion(), as("lanhdao.stp"));
        assertThat(approved.status()).isEqualTo(DossierStatus.PAUSED);
        assertThat(approved.supplementLate()).isTrue();
        assertThat(approved.supplementCount()).isEqualTo(2);
        assertThat(approved.supplements().get(1).approvedBy()).isEqualTo("lanhdao.stp");
        // a declined proposal sends the dossier back to processing
        clock.set(MONDAY_9.plusDays(7));
        Dossier back = dossiers.receiveSupplement(approved.id(), approved.rowVersion(), null, as("tiepnhan"));
        Dossier third = dossiers.requestSupplement(back.id(), back.rowVersion(), Map.of(firstComponent(LLTP), "x"), null, as("chuyenvien.stp"));
        assertThatThrownBy(() -> dossiers.declineSupplement(third.id(), third.rowVersion(), " ", as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class);
        Dossier declined = dossiers.declineSupplement(third.id(), third.rowVersion(), "Đủ căn cứ giải quyết", as("lanhdao.stp"));
        assertThat(declined.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(declined.supplements().get(2).status()).isEqualTo(SupplementStatus.DECLINED);
    }

    @Test
    void aFirstSupplementRequestAfterThreeWorkingDaysAlsoNeedsALeader() {
        clock.set(MONDAY_9);
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        clock.set(LocalDateTime.of(2026, 11, 27, 9, 30)); // more than 3 working days after the handling agency got it
        Dossier proposed = dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(firstComponent(LLTP), "Thiếu"), null, as("chuyenvien.stp"));
        assertThat(proposed.status()).isEqualTo(DossierStatus.SUPPLEMENT_APPROVAL);
        assertThat(proposed.supplements().get(0).lateReason()).contains("3 ngày làm việc");
        // a leader's own request needs no second signature
        Dossier e = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        clock.set(LocalDateTime.of(2026, 12, 3, 9, 30));
        Dossier direct = dossiers.requestSupplement(e.id(), e.rowVersion(), Map.of(firstComponent(LLTP), "Thiếu"), null, as("lanhdao.stp"));
        assertThat(direct.status()).isEqualTo(DossierStatus.PAUSED);
        assertThat(direct.supplementLate()).isTrue();
    }

    @Test
    void aLateDossierGetsOneCheckedNewAppointmentFromTheLeaderOfTheAgencyThatIsLate() throws Exception {
        clock.set(MONDAY_9);
        Dossier d = receiveAtLongXuyen(RECOGNITION);
        assertThat(d.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 0));
        Dossier atLeader = dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.longxuyen"));
        assertThatThrownBy(() -> dossiers.apologise(atLeader.id(), atLeader.rowVersion(), "Chưa trễ", LocalDateTime.of(2026, 12, 1, 9, 0),
                as("lanhdao.longxuyen"))).isInstanceOf(ValidationException.class).hasMessageContaining("chưa cần văn bản xin lỗi");
        Dossier signed = dossiers.forward(atLeader.id(), atLeader.rowVersion(), null, Outcome.GRANTED, "Trích lục số 45/2026", as("lanhdao.longxuyen"));
        clock.set(LocalDateTime.of(2026, 11, 27, 10, 0)); // past Thursday 09:00
        assertThat(queries.queue(as("tiepnhan.longxuyen"), Queue.OVERDUE)).extracting(v -> v.dossier().id()).contains(signed.id());
        assertThat(dossiers.deadline(dossiers.get(signed.id()))).isEqualTo(DeadlineState.OVERDUE);
        assertThatThrownBy(() -> dossiers.returnResult(signed.id(), signed.rowVersion(), Delivery.COUNTER, null, as("tiepnhan.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("văn bản xin lỗi");
        long id = signed.id();
        long rv = signed.rowVersion();
        // not by a receiving officer or a specialist: the head of the agency that is late signs
        assertThatThrownBy(() -> dossiers.apologise(id, rv, "x", LocalDateTime.of(2026, 11, 30, 9, 0), as("tiepnhan.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lãnh đạo");
        assertThatThrownBy(() -> dossiers.apologise(id, rv, "x", LocalDateTime.of(2026, 11, 30, 9, 0), as("chuyenvien.longxuyen")))
                .isInstanceOf(ValidationException.class);
        // the new appointment is checked
        for (LocalDateTime wrong : List.of(LocalDateTime.of(2026, 11, 26, 8, 0), // before the original due time
                LocalDateTime.of(2026, 11, 29, 9, 0),                             // a Sunday
                LocalDateTime.of(2026, 11, 30, 22, 0),                            // 22:00
                LocalDateTime.of(2027, 6, 30, 9, 0))) {                           // seven months later
            assertThatThrownBy(() -> dossiers.apologise(id, rv, "Chờ xác minh", wrong, as("lanhdao.longxuyen")))
                    .as(wrong.toString()).isInstanceOf(ValidationException.class).hasMessageContaining("hẹn mới");
        }
        Dossier apologised = dossiers.apologise(id, rv, "Hệ thống cơ sở dữ liệu hộ tịch gián đoạn", LocalDateTime.of(2026, 11, 30, 9, 0),
                as("lanhdao.longxuyen"));
        assertThat(apologised.newAppointmentAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(apologised.extensionCount()).isEqualTo(1);
        assertThat(apologised.apologies()).hasSize(1);
        // once only
        assertThatThrownBy(() -> dossiers.apologise(id, apologised.rowVersion(), "Lần nữa", LocalDateTime.of(2026, 12, 1, 9, 0), as("lanhdao.longxuyen")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không được hẹn lại nữa");
        String letter = pdfText(mvc.perform(get("/ho-so/{id}/phieu/xin-loi.pdf", id).with(httpBasic("tiepnhan.longxuyen", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(letter).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT").contains("Mẫu số 04").contains("gián đoạn")
                .contains("ngày 30 tháng 11 năm 2026").contains("ỦY BAN NHÂN DÂN PHƯỜNG LONG XUYÊN").contains("THỦ TRƯỞNG CƠ QUAN")
                .contains("Lâm Văn Phúc").doesNotContain("NGƯỜI TIẾP NHẬN");
        Dossier done = dossiers.returnResult(id, apologised.rowVersion(), Delivery.POST, null, as("tiepnhan.longxuyen"));
        assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(done.late()).isTrue();
        assertThat(dossiers.deadline(done)).isEqualTo(DeadlineState.DONE_LATE);
    }

    @Test
    void anApologyWrittenBeforeTheDueTimeDoesNotMakeADossierThatEndsOnTimeLate() {
        clock.set(MONDAY_9);
        Dossier d = receiveAtLongXuyen(RECOGNITION);
        clock.set(LocalDateTime.of(2026, 11, 25, 10, 0)); // 7 working hours before the due time: inside the warning window
        Dossier apologised = dossiers.apologise(d.id(), d.rowVersion(), "Có thể phải xác minh thêm", LocalDateTime.of(2026, 11, 27, 9, 0),
                as("lanhdao.longxuyen"));
        assertThat(apologised.late()).isFalse();
        Dossier x = dossiers.forward(apologised.id(), apologised.rowVersion(), null, null, null, as("chuyenvien.longxuyen"));
        x = dossiers.forward(x.id(), x.rowVersion(), null, Outcome.GRANTED, "Trích lục số 46/2026", as("lanhdao.longxuyen"));
        Dossier done = dossiers.returnResult(x.id(), x.rowVersion(), Delivery.COUNTER, null, as("tiepnhan.longxuyen"));
        assertThat(done.late()).isFalse();
        assertThat(dossiers.deadline(done)).isEqualTo(DeadlineState.DONE_ON_TIME);
    }

    @Test
    void aPaperDossierReceivedAfterTheCutOffMovesAndCountsFromTheNextWorkingDay() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 23, 15, 30));
        Dossier lltp = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(lltp.clockStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 7, 30));
        assertThat(lltp.stepStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 7, 30));
        assertThat(lltp.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 17, 0)); // the whole 10th working day
        assertThat(lltp.history().get(lltp.history().size() - 1).note()).contains("giờ chốt");
        // a same-day procedure received after the cut-off is due by the end of the next working day; before it, the same day
        Dossier late = receiveAtLongXuyen(BIRTH);
        assertThat(late.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 24, 17, 0));
        clock.set(LocalDateTime.of(2026, 11, 27, 15, 10)); // Friday
        assertThat(receiveAtLongXuyen(BIRTH).dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 30, 17, 0));
        clock.set(LocalDateTime.of(2026, 11, 23, 14, 0));
        assertThat(receiveAtLongXuyen(BIRTH).dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 23, 17, 0));
        // received during the lunch break: counted from 13:00
        clock.set(LocalDateTime.of(2026, 11, 23, 12, 10));
        Dossier lunch = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(lunch.clockStartedAt()).isEqualTo(LocalDateTime.of(2026, 11, 23, 13, 0));
        assertThat(lunch.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 7, 11, 30)); // 10 × 8 office hours, ending before lunch
        // the control sheet shows the hand-over the next morning
        String sheet = pdfText(mvc.perform(get("/ho-so/{id}/phieu/kiem-soat.pdf", lltp.id()).with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet).contains("07 giờ 30 phút, ngày 24 tháng 11 năm 2026");
    }

    @Test
    void anyCentreOfTheProvinceReceivesAnyProcedureAndRoutesItToTheCompetentAgency() {
        clock.set(MONDAY_9);
        long province = unit(agencies, "AG.TTPVHCC");
        Set<Long> birth = allComponents(catalog, RECOGNITION);
        // a commune procedure at the province's centre goes to the applicant's commune
        Dossier d = dossiers.receive(new IntakeRequest(RECOGNITION, province, Channel.COUNTER, applicant(), unit(agencies, "AG.X.AC"), null, 1,
                Delivery.COUNTER, birth, Map.of(), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        assertThat(d.handlingAgencyId()).isEqualTo(unit(agencies, "AG.X.AC"));
        assertThat(d.receivingAgencyId()).isEqualTo(province);
        assertThat(queries.queue(as("chuyenvien.anchau"), Queue.MY_STEP)).extracting(v -> v.dossier().id()).contains(d.id());
        // without a commune the officer is asked to choose one
        assertThatThrownBy(() -> dossiers.receive(new IntakeRequest(RECOGNITION, province, Channel.COUNTER, applicant(), birth,
                IntakeDecision.ACCEPT, null), as("tiepnhan"))).isInstanceOf(ValidationException.class).hasMessageContaining("chọn xã, phường");
        // the officer may choose among the competent agencies only
        assertThatThrownBy(() -> dossiers.receive(new IntakeRequest(RECOGNITION, province, Channel.COUNTER, applicant(), null,
                unit(agencies, "AG.STP"), 1, null, birth, Map.of(), IntakeDecision.ACCEPT, null), as("tiepnhan")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không có thẩm quyền");
        Dossier chosen = dossiers.receive(new IntakeRequest(RECOGNITION, province, Channel.COUNTER, applicant(), null,
                unit(agencies, "AG.P.RG"), 1, null, birth, Map.of(), IntakeDecision.ACCEPT, null), as("tiepnhan"));
        assertThat(chosen.handlingAgencyId()).isEqualTo(unit(agencies, "AG.P.RG"));
        // a province procedure at a commune's centre goes to the department
        Dossier lltp = dossiers.receive(new IntakeRequest(LLTP, unit(agencies, "AG.P.LX.BPMC"), Channel.COUNTER, applicant(),
                allComponents(catalog, LLTP), IntakeDecision.ACCEPT, null), as("tiepnhan.longxuyen"));
        assertThat(lltp.handlingAgencyId()).isEqualTo(unit(agencies, "AG.STP"));
        // and the result comes back to the centre that received it
        assertThat(dossiers.mayAct(as("tiepnhan.longxuyen"), lltp, vn.motcua.identity.Role.RECEIVING_OFFICER)).isTrue();
    }

    @Test
    void concurrentActionsOnOneDossierAreDetected() {
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        dossiers.forward(d.id(), d.rowVersion(), "lần 1", null, null, as("chuyenvien.stp"));
        assertThatThrownBy(() -> dossiers.sendBack(d.id(), d.rowVersion(), "cùng lúc", as("lanhdao.stp")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("người khác");
        Dossier now = dossiers.get(d.id());
        assertThat(now.currentStep()).isEqualTo(3);
        assertThat(now.history()).filteredOn(e -> e.action() == DossierAction.FORWARD).hasSize(1);
    }

    @Test
    void assignmentAndTransferAcceptOnlyOfficersAndAgenciesThatFit() {
        Dossier received = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(dossiers.assignees(received)).extracting(vn.motcua.identity.Account::username).containsExactly("chuyenvien.stp");
        assertThatThrownBy(() -> dossiers.assign(received.id(), received.rowVersion(), " ", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dossiers.assign(received.id(), received.rowVersion(), "nobody", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cán bộ của đơn vị");
        assertThatThrownBy(() -> dossiers.assign(received.id(), received.rowVersion(), "chuyenvien.longxuyen", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        Dossier d = dossiers.assign(received.id(), received.rowVersion(), "chuyenvien.stp", as("chuyenvien.stp"));
        assertThat(d.assignee()).isEqualTo("chuyenvien.stp");
        assertThatThrownBy(() -> dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG.STP"), "x", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG"), "x", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG.TTPVHCC"), "x", as("chuyenvien.stp")))
                .isInstanceOf(ValidationException.class);
        Dossier moved = dossiers.transfer(d.id(), d.rowVersion(), unit(agencies, "AG.SNV"), "Xin ý kiến Sở Nội vụ", as("chuyenvien.stp"));
        assertThat(moved.handlingAgencyId()).isEqualTo(unit(agencies, "AG.SNV"));
        assertThat(moved.assignee()).isNull();
        assertThatThrownBy(() -> dossiers.forward(moved.id(), moved.rowVersion(), null, null, null, as("chuyenvien.stp")))
                .as("the agency that handed it over no longer acts on it").isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlineSubmissionChecksFilesByContentAndAsksNoUploadForDocumentsOnlyShown() throws Exception {
        clock.set(MONDAY_9);
        byte[] pdf = "%PDF-1.4 giấy tờ".getBytes();
        List<UploadedDocument> files = catalog.current(RECOGNITION).components().stream()
                .map(c -> new UploadedDocument(c.id(), "giay-to-" + c.position() + ".pdf", "application/pdf", pdf)).toList();
        Dossier d = dossiers.submitOnline(new OnlineSubmission(RECOGNITION, unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null, files, Map.of()),
                as("congdan"));
        assertThat(d.status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(d.channel()).isEqualTo(Channel.ONLINE);
        assertThat(d.timeLimitDays()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(d.processVariant()).isEqualTo("ONLINE");
        assertThat(d.files()).hasSize(files.size()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
        assertThat(queries.queue(as("tiepnhan.longxuyen"), Queue.INTAKE)).extracting(v -> v.dossier().id()).contains(d.id());
        assertThat(queries.mine(as("congdan"))).extracting(v -> v.dossier().id()).contains(d.id());
        // the fee is due at submission: the online dossier is received once paid (the wait does not count against the agency)
        Dossier unpaid = d;
        assertThatThrownBy(() -> dossiers.decideIntake(unpaid.id(), unpaid.rowVersion(), IntakeDecision.ACCEPT, new HashSet<>(), Map.of(), null,
                as("tiepnhan.longxuyen"))).isInstanceOf(vn.motcua.shared.ValidationException.class).hasMessageContaining("chưa nộp phí, lệ phí");
        paidInCash(d, "tiepnhan.longxuyen");
        Dossier accepted = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, new HashSet<>(), Map.of(), null, as("tiepnhan.longxuyen"));
        assertThat(accepted.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 9, 0));
        // officers open what the applicant uploaded, as an attachment that the browser must not sniff
        mvc.perform(get("/ho-so/{id}/tep/{f}", d.id(), d.files().get(0).id()).with(httpBasic("chuyenvien.longxuyen", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get("/ho-so/{id}/tep/{f}", d.id(), d.files().get(0).id()).with(httpBasic("chuyenvien.stp", PASSWORD)))
                .andExpect(status().isNotFound());
        // nothing attached, a program renamed .pdf, or a procedure without online service: clear messages, nothing saved
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        assertThatThrownBy(() -> dossiers.submitOnline(new OnlineSubmission(RECOGNITION, unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null,
                List.of(), Map.of()), as("congdan"))).isInstanceOf(ValidationException.class).hasMessageContaining("Chưa đính kèm");
        List<UploadedDocument> exe = files.stream().map(f -> new UploadedDocument(f.componentId(), "../../virus.pdf", "application/pdf",
                new byte[]{'M', 'Z', 0, 1, 2})).toList();
        assertThatThrownBy(() -> dossiers.submitOnline(new OnlineSubmission(RECOGNITION, unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null,
                exe, Map.of()), as("congdan"))).isInstanceOf(ValidationException.class).hasMessageContaining("không phải PDF, JPEG hay PNG")
                .hasMessageContaining("virus.pdf").hasMessageNotContaining("../");
        assertThatThrownBy(() -> dossiers.submitOnline(new OnlineSubmission("2.000815", unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null,
                files, Map.of()), as("congdan"))).isInstanceOf(ValidationException.class).hasMessageContaining("chưa cung cấp dịch vụ công trực tuyến");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
        // birth registration: the identity paper is only shown, and the declaration can be made with the online form
        List<Component> components = catalog.current(BIRTH).components();
        Component form = components.get(0);
        Component certificate = components.get(1);
        assertThat(components.get(2).showOnly()).isTrue();
        Dossier birth = dossiers.submitOnline(new OnlineSubmission(BIRTH, unit(agencies, "AG.P.LX.BPMC"), applicant(), unit(agencies, "AG.P.LX"),
                Delivery.ONLINE, List.of(new UploadedDocument(certificate.id(), "giay-chung-sinh.pdf", "application/pdf", pdf)),
                Map.of(form.id(), "Đăng ký khai sinh cho con là Nguyễn Văn Bé, sinh ngày 20/11/2026 tại Bệnh viện Đa khoa An Giang.")), as("congdan"));
        assertThat(birth.files()).hasSize(2);
        DossierFile declared = birth.filesOf(form.id()).get(0);
        DossierFile.Content declaration = dossiers.fileContent(birth, declared.id());
        assertThat(declaration.contentType()).isEqualTo("application/pdf");
        assertThat(pdfText(declaration.content())).contains("Nguyễn Văn Bé").contains("Nguyễn Thị Hoa");
    }

    @Test
    void withdrawalBeforeReceiptStopAfterItWithTheNoticeAndStatistics() throws Exception {
        Dossier online = dossiers.submitOnline(new OnlineSubmission(RECOGNITION, unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null,
                catalog.current(RECOGNITION).components().stream().map(c -> new UploadedDocument(c.id(), "a.pdf", "application/pdf",
                        "%PDF-1.4".getBytes())).toList(), Map.of()), as("congdan"));
        assertThatThrownBy(() -> dossiers.withdraw(online.id(), online.rowVersion(), "x", as("congdan01"))).isInstanceOf(NotFoundException.class);
        Dossier w = dossiers.withdraw(online.id(), online.rowVersion(), "Nộp nhầm", as("congdan"));
        assertThat(w.status()).isEqualTo(DossierStatus.WITHDRAWN);
        assertThat(dossiers.deadline(w)).isEqualTo(DeadlineState.ENDED);

        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThatThrownBy(() -> dossiers.withdraw(d.id(), d.rowVersion(), "Xin rút", as("tiepnhan")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("đề nghị dừng");
        assertThatThrownBy(() -> dossiers.stop(d.id(), d.rowVersion(), StopKind.APPLICANT_REQUEST, "x", null, "y", as("lanhdao.stp")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Chưa có đề nghị dừng");
        Dossier requested = dossiers.requestStop(d.id(), d.rowVersion(), "Công dân có đơn xin dừng giải quyết", as("tiepnhan"));
        assertThatThrownBy(() -> dossiers.stop(requested.id(), requested.rowVersion(), StopKind.APPLICANT_REQUEST, "Theo đơn", null, "Trả lại hồ sơ",
                as("chuyenvien.stp"))).isInstanceOf(ValidationException.class).hasMessageContaining("lãnh đạo");
        assertThatThrownBy(() -> dossiers.stop(requested.id(), requested.rowVersion(), StopKind.LEGAL_GROUND, "Có tranh chấp", " ", "Trả lại hồ sơ",
                as("lanhdao.stp"))).isInstanceOf(ValidationException.class).hasMessageContaining("căn cứ pháp lý");
        java.time.LocalDate today = agencies.today();
        long stp = unit(agencies, "AG.STP");
        AgencyDossierStatistic before = queries.statistics(today.minusYears(5), today.plusYears(5)).stream()
                .filter(s -> s.agencyId() == stp).findFirst().orElseThrow();
        Dossier stopped = dossiers.stop(requested.id(), requested.rowVersion(), StopKind.APPLICANT_REQUEST, "Người yêu cầu có đơn đề nghị dừng",
                null, "Không hoàn phí đã nộp; trả lại bản chính giấy tờ", as("lanhdao.stp"));
        assertThat(stopped.status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(stopped.finishedAt()).isNotNull();
        String notice = pdfText(mvc.perform(get("/ho-so/{id}/phieu/dung.pdf", d.id()).with(httpBasic("tiepnhan", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(notice).contains("THÔNG BÁO").contains("dừng giải quyết hồ sơ").contains("Mẫu số 05").contains(d.code())
                .contains("Theo đề nghị của tổ chức, cá nhân").contains("trả lại bản chính").contains("Huỳnh Thị Lan");
        AgencyDossierStatistic after = queries.statistics(today.minusYears(5), today.plusYears(5)).stream()
                .filter(s -> s.agencyId() == stp).findFirst().orElseThrow();
        assertThat(after.ended()).isEqualTo(before.ended() + 1);
        mvc.perform(get("/thong-ke/ho-so")).andExpect(status().isOk()).andExpect(content().string(containsString("Sở Tư pháp tỉnh An Giang")));
        mvc.perform(get("/api/v1/statistics/dossiers").param("from", "2026-12-31").param("to", "2026-01-01"))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void theCitizenFollowsTheDossierSupplementsItOnlineAndOthersSeeNothing() throws Exception {
        clock.set(MONDAY_9);
        List<UploadedDocument> files = catalog.current(LLTP).components().stream()
                .map(c -> new UploadedDocument(c.id(), "giay-to.pdf", "application/pdf", "%PDF-1.4".getBytes())).toList();
        Dossier d = dossiers.submitOnline(new OnlineSubmission(LLTP, unit(agencies, "AG.TTPVHCC"), applicant(), null, null, files, Map.of()),
                as("congdan"));
        paidInCash(d, "tiepnhan");
        d = dossiers.decideIntake(d.id(), d.rowVersion(), IntakeDecision.ACCEPT, Set.of(), Map.of(), null, as("tiepnhan"));
        clock.set(MONDAY_9.plusDays(1));
        long component = firstComponent(LLTP);
        d = dossiers.requestSupplement(d.id(), d.rowVersion(), Map.of(component, "Ảnh mờ"), null, as("chuyenvien.stp"));
        mvc.perform(get("/ho-so-cua-toi/{id}", d.id()).with(httpBasic("congdan", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ảnh mờ"))).andExpect(content().string(containsString("send-supplement")))
                .andExpect(content().string(containsString("tiep-nhan.pdf"))).andExpect(content().string(not(containsString("kiem-soat.pdf"))));
        mvc.perform(get("/ho-so-cua-toi/{id}", d.id()).with(httpBasic("congdan01", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/ho-so/{id}/phieu/bo-sung.pdf", d.id()).with(httpBasic("congdan", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/ho-so/{id}/phieu/kiem-soat.pdf", d.id()).with(httpBasic("congdan", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/ho-so/{id}/phieu/tiep-nhan.pdf", d.id()).with(httpBasic("congdan01", PASSWORD))).andExpect(status().isNotFound());
        // a wrong file is refused with a message; the right one resumes the dossier with its time limit from zero
        clock.set(MONDAY_9.plusDays(3));
        mvc.perform(multipart("/ho-so-cua-toi/{id}/bo-sung", d.id()).file(new MockMultipartFile("file-" + component, "x.pdf", "application/pdf",
                        "not a pdf".getBytes())).param("rowVersion", String.valueOf(d.rowVersion())).with(httpBasic("congdan", PASSWORD)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("không phải PDF")));
        assertThat(dossiers.get(d.id()).status()).isEqualTo(DossierStatus.PAUSED);
        mvc.perform(multipart("/ho-so-cua-toi/{id}/bo-sung", d.id()).file(new MockMultipartFile("file-" + component, "anh-ro.pdf", "application/pdf",
                        "%PDF-1.4 rõ".getBytes())).param("rowVersion", String.valueOf(d.rowVersion())).with(httpBasic("congdan", PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Dossier resumed = dossiers.get(d.id());
        assertThat(resumed.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(resumed.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 8, 9, 0)); // 8 working days (online) from Thursday
        assertThat(resumed.files()).anyMatch(f -> f.filename().equals("anh-ro.pdf") && f.supplementId() != null);
    }

    @Test
    void apiAndPages() throws Exception {
        Dossier d = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        mvc.perform(get("/can-bo").param("hang", "MY_STEP").with(httpBasic("chuyenvien.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString(d.code())));
        mvc.perform(get("/can-bo/ho-so/{id}", d.id()).with(httpBasic("chuyenvien.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhật ký xử lý"))).andExpect(content().string(containsString("assignee-select")));
        mvc.perform(get("/can-bo/ho-so/{id}", d.id()).param("lang", "en").with(httpBasic("chuyenvien.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("History (cannot be changed or deleted)")));
        mvc.perform(get("/can-bo/ho-so/{id}", d.id()).with(httpBasic("chuyenvien.longxuyen", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/can-bo").with(httpBasic("congdan", PASSWORD))).andExpect(status().isForbidden());
        // a receiving officer lands on the queue that holds work
        String queues = mvc.perform(get("/can-bo").with(httpBasic("tiepnhan.longxuyen", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queues).containsPattern("<a [^>]*id=\"tab-INTAKE\"[^>]*aria-current=\"page\"");
        mvc.perform(post("/api/v1/dossiers/{id}/forward", d.id()).with(httpBasic("chuyenvien.stp", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": " + d.rowVersion() + ", \"note\": \"API\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value(3));
        mvc.perform(post("/api/v1/dossiers/{id}/forward", d.id()).with(httpBasic("chuyenvien.stp", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": " + d.rowVersion() + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/dossiers/{id}/fly", d.id()).with(httpBasic("chuyenvien.stp", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rowVersion\": 0}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/can-bo/so-theo-doi").with(httpBasic("tiepnhan", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString(d.code())));
        String book = pdfText(mvc.perform(get("/can-bo/so-theo-doi.pdf").with(httpBasic("tiepnhan", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(book).contains("SỔ THEO DÕI HỒ SƠ").contains("Mẫu số 07").contains("Nguyễn Thị Hoa").contains("Cơ quan chủ trì giải quyết");
        // a code outside the officer's units: the same answer as an unknown code
        mvc.perform(get("/can-bo/tim").param("ma", d.code()).with(httpBasic("tiepnhan.longxuyen", PASSWORD)))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/can-bo"));
    }

    /**
     * The book's numbers are committed when taken (an intake does not hold the next one back): an intake that fails
     * after taking one leaves it unused, and the book shows it in its place, on the page and in the printed book.
     */
    @Test
    void aNumberOfTheBookTakenByAFailedIntakeStaysInTheBookAsNotUsed() throws Exception {
        clock.set(MONDAY_9);
        Dossier before = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
            throw new IllegalStateException("the documents could not be stored");
        })).hasMessageContaining("could not be stored");
        Dossier after = receiveLltp(IntakeDecision.ACCEPT, allComponents(catalog, LLTP), null);
        assertThat(after.bookNumber()).isEqualTo(before.bookNumber() + 2);
        long unit = unit(agencies, "AG.TTPVHCC");
        List<BookRow> book = queries.book(unit, MONDAY_9.toLocalDate(), MONDAY_9.toLocalDate());
        int at = java.util.stream.IntStream.range(0, book.size()).filter(i -> !book.get(i).unused() && book.get(i).dossier().id() == before.id())
                .findFirst().orElseThrow();
        assertThat(book.get(at + 1).unused()).isTrue();
        assertThat(book.get(at + 1).numbers()).isEqualTo(String.valueOf(before.bookNumber() + 1));
        assertThat(book.get(at + 2).dossier().id()).isEqualTo(after.id());
        mvc.perform(get("/can-bo/so-theo-doi").param("donVi", String.valueOf(unit)).param("tu", "2026-11-23").param("den", "2026-11-23")
                        .with(httpBasic("tiepnhan", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Không sử dụng: số đã lấy cho một lần tiếp nhận không hoàn tất")));
        String printed = pdfText(mvc.perform(get("/can-bo/so-theo-doi.pdf").param("donVi", String.valueOf(unit)).param("tu", "2026-11-23")
                .param("den", "2026-11-23").with(httpBasic("tiepnhan", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(printed).contains("Không sử dụng: số đã lấy cho một lần tiếp nhận không hoàn tất");
        // a number missing from a period but held by a dossier outside it is not shown as unused
        jdbc.sql("update dossier set received_at = ? where id = ?").params(MONDAY_9.minusDays(1), before.id()).update();
        try {
            List<BookRow> day = queries.book(unit, MONDAY_9.toLocalDate(), MONDAY_9.toLocalDate());
            assertThat(day).noneMatch(r -> r.unused() && r.number().equals(before.bookNumber()));
        } finally {
            jdbc.sql("update dossier set received_at = ? where id = ?").params(before.receivedAt(), before.id()).update();
        }
    }

    @Test
    void queueTabsCountEveryDossierNotOnlyTheShownPage() throws Exception {
        for (String officer : List.of("tiepnhan", "tiepnhan.longxuyen", "chuyenvien.stp", "lanhdao.longxuyen", "thanhtra")) {
            for (Queue q : Queue.values()) {
                long count = queries.count(as(officer), q);
                List<DossierView> shown = queries.queue(as(officer), q);
                assertThat(shown).as(officer + " " + q).hasSize((int) Math.min(count, DossierQueries.QUEUE_LIMIT));
            }
        }
        long finished = queries.count(as("thanhtra"), Queue.FINISHED);
        assertThat(finished).isPositive();
        mvc.perform(get("/can-bo").param("hang", "FINISHED").with(httpBasic("thanhtra", "MotCua@2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("(" + finished + ")")));
    }
    @Test
    void anAccountSubmitsAtMostTheDailyNumberOfOnlineDossiers() {
        clock.set(MONDAY_9);
        Object target = org.springframework.test.util.AopTestUtils.getTargetObject(dossiers);
        long today = jdbc.sql("select count(*) from dossier where applicant_username = 'congdan03' and channel = 'ONLINE'"
                + " and submitted_at >= ? and submitted_at < ?").params(MONDAY_9.toLocalDate().atStartOfDay(), MONDAY_9.toLocalDate().plusDays(1).atStartOfDay())
                .query(Long.class).single();
        org.springframework.test.util.ReflectionTestUtils.setField(target, "maxOnlinePerDay", (int) today + 1);
        try {
            byte[] pdf = "%PDF-1.4 giấy tờ".getBytes();
            List<UploadedDocument> files = catalog.current(RECOGNITION).components().stream()
                    .map(c -> new UploadedDocument(c.id(), "giay-to.pdf", "application/pdf", pdf)).toList();
            OnlineSubmission s = new OnlineSubmission(RECOGNITION, unit(agencies, "AG.P.LX.BPMC"), applicant(), null, null, files, Map.of());
            dossiers.submitOnline(s, as("congdan03"));
            long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
            assertThatThrownBy(() -> dossiers.submitOnline(s, as("congdan03"))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("tối đa " + (today + 1) + " hồ sơ một ngày");
            assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
            // the next day the account may submit again
            clock.set(MONDAY_9.plusDays(1));
            assertThat(dossiers.submitOnline(s, as("congdan03")).status()).isEqualTo(DossierStatus.SUBMITTED);
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(target, "maxOnlinePerDay", 20);
        }
    }

    @Test
    void formsOfADraftAreNotPublic() throws Exception {
        List<Long[]> drafts = jdbc.sql("select v.id, c.id from procedure_version v join procedure_component c on c.version_id = v.id"
                        + " where v.status = 'DRAFT' and c.form_file_id is not null")
                .query((rs, n) -> new Long[]{rs.getLong(1), rs.getLong(2)}).list();
        assertThat(drafts).as("the demo catalog has a draft with a form").isNotEmpty();
        String path = "/thu-tuc/bieu-mau/" + drafts.get(0)[0] + "/" + drafts.get(0)[1];
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(path).with(httpBasic("congdan", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"));
        Long[] published = jdbc.sql("select v.id, c.id from procedure_version v join procedure_component c on c.version_id = v.id"
                        + " where v.status = 'PUBLISHED' and c.form_file_id is not null")
                .query((rs, n) -> new Long[]{rs.getLong(1), rs.getLong(2)}).list().get(0);
        mvc.perform(get("/thu-tuc/bieu-mau/" + published[0] + "/" + published[1])).andExpect(status().isOk());
    }

    /** The applicant pays the fees at the counter (the first fee line; the listener may have made the request already). */
    private void paidInCash(Dossier d, String officer) {
        vn.motcua.payment.Payment p = payments.active(d.id(), vn.motcua.payment.PaymentTiming.AT_SUBMISSION).orElseGet(() -> {
            try {
                return payments.request(d.id(), Map.of(1, 1), as(officer));
            } catch (vn.motcua.shared.ConflictException e) {
                return payments.active(d.id(), vn.motcua.payment.PaymentTiming.AT_SUBMISSION).orElseThrow();
            }
        });
        payments.recordCash(p.id(), p.rowVersion(), as(officer));
    }
}
