package vn.motcua.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.TestSupport;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.ProcessVariant;
import vn.motcua.control.domain.DecentralisationStatus;
import vn.motcua.control.domain.DraftStatus;
import vn.motcua.control.domain.InspectionStatus;
import vn.motcua.control.domain.ProposalStatus;
import vn.motcua.control.domain.PublicationTimeliness;
import vn.motcua.control.domain.StepTimes;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Delivery;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.MutableClock;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * TTHC control end to end on the real database: the calculator on the published example, a proposal from draft to the
 * publication decision that implements it, the tracker, internal procedures, the decentralisation review and its
 * appendix in Excel, publication deadlines with warnings by real e-mail, draft regulations with their documents,
 * inspections, step times mined from the demo history, the API; refusals that save nothing, stale forms, scope.
 */
@IntegrationTest
class ControlIntegrationTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired ReviewService reviews;
    @Autowired SimplificationService simplification;
    @Autowired OversightService oversight;
    @Autowired StepTimeService stepTimes;
    @Autowired AccountService accounts;
    @Autowired AgencyService agencies;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired MutableClock clock;

    java.util.Set<Long> allComponents(String code) {
        return catalog.current(code).components().stream().map(vn.motcua.catalog.Component::id).collect(java.util.stream.Collectors.toSet());
    }

    CurrentUser as(String username) {
        return TestSupport.user(accounts, username);
    }

    String unit(String code) {
        return String.valueOf(agencies.findByCode(code).orElseThrow().id());
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static CostInput.Line line(String kind, String text, String hours, String quantity, String unitCost, boolean drop, String hoursAfter,
                               String unitCostAfter) {
        return new CostInput.Line(kind, text, hours, quantity, unitCost, drop, hoursAfter, "", unitCostAfter, false);
    }

    @Test
    void theCalculatorReproducesThePublishedExampleAndAHandComputedOneAndRefusesBadRowsWithoutSaving() {
        CostAssessment published = simplification.compute(new CostInput("1.012767", "Ví dụ", "2026", "5.900.000", "Minh họa", "1", "3228", "7", null,
                List.of(line("SERVICE", "Chi phí một hồ sơ", "", "1", "1.024.000", false, "", "231000"))));
        assertThat(published.saving().before()).isEqualTo(1_024_000);
        assertThat(published.saving().after()).isEqualTo(231_000);
        assertThat(published.saving().percent()).isEqualByComparingTo("77.44");
        assertThat(published.saving().yearlySaving()).isEqualTo(2_559_804_000L);
        assertThat(published.id()).isZero();
        // 7,040,000 đ a month = 40,000 đ an hour: 2 h + 1.5 h of work, 3 copies, 2 trips, a fee; online after: 1 h and the fee
        CostAssessment hand = simplification.compute(new CostInput("1.001078", null, "2026", "7040000", "Minh họa", "2", "1000", "", null, List.of(
                line("WORK", "Chuẩn bị hồ sơ", "2", "", "", false, "1", ""),
                line("WORK", "Nộp hồ sơ, nhận kết quả", "1,5", "", "", true, "", ""),
                line("COPY", "Bản sao chứng thực", "", "3", "2000", true, "", ""),
                line("TRAVEL", "Đi lại", "", "2", "30000", true, "", ""),
                line("FEE", "Phí", "", "1", "100000", false, "", ""),
                line("WORK", "", "", "", "", false, "", ""))));
        assertThat(hand.hourlyIncome()).isEqualByComparingTo("40000");
        assertThat(hand.saving().before()).isEqualTo(306_000);
        assertThat(hand.saving().after()).isEqualTo(140_000);
        assertThat(hand.saving().percent()).isEqualByComparingTo("54.25");
        assertThat(hand.saving().yearlyBefore()).isEqualTo(612_000_000L);
        assertThat(hand.now()).hasSize(5);
        assertThat(hand.after()).extracting(CostLine::cost).containsExactly(40_000L, 100_000L);
        // every bad row is named, in Vietnamese, and nothing is saved
        long before = count("cost_assessment") + count("cost_item");
        assertThatThrownBy(() -> simplification.saveAssessment(new CostInput("1.001078", null, "2026", "7040000", "Minh họa", "1", "1,5", "", null,
                List.of(line("WORK", "Chuẩn bị", "nhiều", "", "", false, "", ""), line("FEE", "Phí", "", "0", "-5", false, "", ""),
                        line("BRIBE", "?", "", "1", "1", false, "", ""))), as("kiemsoat")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).extracting(p -> p.field()).contains("subjectsPerYear", "lines[0].hours", "lines[1].quantity",
                            "lines[1].unitCost", "lines[2].kind");
                    assertThat(e.allMessages()).contains("dòng 1", "phải là số");
                });
        assertThatThrownBy(() -> simplification.compute(new CostInput("9.999999", null, "2026", "1", "x", "1", "1", "", null, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.allMessages()).contains("9.999999", "Chưa nhập khoản chi phí"));
        assertThat(count("cost_assessment") + count("cost_item")).isEqualTo(before);
    }

    @Test
    void aProposalGoesFromTheAssessmentToTheDecisionThatImplementsItAndCountsInTheTracker() {
        CurrentUser office = as("kiemsoat");
        int year = agencies.today().getYear();
        long assessment = simplification.saveAssessment(new CostInput("1.009972", "Kiểm thử", String.valueOf(year), "5900000", "Minh họa", "1", "100",
                "12", null, List.of(line("SERVICE", "Bản vẽ", "", "1", "1000000", false, "", "500000"))), office);
        CutFigure sxdBefore = simplification.tracker(year).stream().filter(f -> f.agencyName().startsWith("Sở Xây dựng")).findFirst().orElseThrow();
        long id = simplification.propose(new SimplificationService.ProposalInput("PUBLIC", "1.009972", String.valueOf(year), "Bỏ bản vẽ xin phép",
                null, String.valueOf(assessment), null), office);
        Proposal p = simplification.proposal(id);
        assertThat(p.state().status()).isEqualTo(ProposalStatus.DRAFTED);
        assertThat(p.percent()).isEqualByComparingTo("50.00");
        assertThat(p.timeAfter()).isEqualByComparingTo("12");
        // another unit's control officer may not move it; a stale form is refused
        assertThatThrownBy(() -> simplification.move(id, p.rowVersion(), SimplificationService.Move.SUBMIT, null, null, as("kiemsoat.stp")))
                .isInstanceOf(AccessDeniedException.class);
        simplification.move(id, p.rowVersion(), SimplificationService.Move.SUBMIT, "2026-08-03", null, office);
        assertThatThrownBy(() -> simplification.move(id, p.rowVersion(), SimplificationService.Move.APPROVE, "2026-09-01", "1/QĐ", office))
                .isInstanceOf(ConflictException.class);
        Proposal approved = simplification.move(id, simplification.proposal(id).rowVersion(), SimplificationService.Move.APPROVE, "2026-09-01",
                "1999/QĐ-UBND", office);
        // the implementing decision must exist and carry the procedure
        assertThatThrownBy(() -> simplification.move(id, approved.rowVersion(), SimplificationService.Move.IMPLEMENT, null, "9999/QĐ-UBND", office))
                .isInstanceOf(ValidationException.class).hasMessageContaining("9999/QĐ-UBND");
        assertThatThrownBy(() -> simplification.move(id, approved.rowVersion(), SimplificationService.Move.IMPLEMENT, null, "3120/QĐ-UBND", office))
                .isInstanceOf(ValidationException.class).hasMessageContaining("không công bố thủ tục 1.009972");
        Proposal done = simplification.move(id, approved.rowVersion(), SimplificationService.Move.IMPLEMENT, null, "2890/QĐ-UBND", office);
        assertThat(done.state().status()).isEqualTo(ProposalStatus.IMPLEMENTED);
        assertThat(done.state().implementedOn()).isEqualTo(LocalDate.of(2026, 10, 5));
        CutFigure sxd = simplification.tracker(year).stream().filter(f -> f.agencyName().startsWith("Sở Xây dựng")).findFirst().orElseThrow();
        assertThat(sxd.proposals()).isEqualTo(sxdBefore.proposals() + 1);
        assertThat(sxd.simplified()).isEqualTo(1); // the same procedure counts once
        // the latest counted assessment of the procedure stands for it: 100 × 1,000,000 → 100 × 500,000
        assertThat(sxd.yearlyBefore()).isEqualTo(100_000_000L);
        assertThat(sxd.costCutPercent()).isEqualByComparingTo("50.00");
        assertThat(sxd.reachesTarget()).isTrue();
        assertThat(audit.search(null, "control.proposal.implement", "simplification_proposal", String.valueOf(id), 5)).hasSize(1);
    }

    @Test
    void internalProceduresHaveVersionsByDecisionAndTheirOwnCutTracking() {
        CurrentUser office = as("kiemsoat");
        String vp = unit("AG.VP");
        assertThatThrownBy(() -> simplification.createInternal(new SimplificationService.InternalInput("x", "", "PROVINCE", "", vp, "", "", "2,3", ""),
                office)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                .contains("code", "name", "fieldName", "steps", "components", "timeLimitDays", "legalBasis"));
        String code = simplification.createInternal(new SimplificationService.InternalInput("NB.TEST.01", "Thẩm định đề án", "PROVINCE", "Tổ chức",
                vp, "1. Gửi\n2. Thẩm định", "Tờ trình", "20", "Nghị định 62/2020/NĐ-CP"), office);
        InternalProcedure ip = simplification.internal(code);
        assertThat(ip.current()).isNull();
        simplification.publishInternal(code, ip.draft().id(), ip.draft().rowVersion(), "100/QĐ-UBND", "2026-01-05", office);
        assertThat(simplification.internal(code).current().decisionNumber()).isEqualTo("100/QĐ-UBND");
        long proposal = simplification.propose(new SimplificationService.ProposalInput("INTERNAL", code, "2026", "Rút ngắn 20 → 15 ngày", null, null, "15"),
                office);
        assertThatThrownBy(() -> simplification.propose(new SimplificationService.ProposalInput("INTERNAL", code, "2026", "Kéo dài", null, null, "25"),
                office)).isInstanceOf(ValidationException.class).hasMessageContaining("không được dài hơn");
        long draft = simplification.amendInternal(code, office);
        assertThat(simplification.amendInternal(code, office)).isEqualTo(draft); // one draft at a time
        InternalProcedure.Version v = simplification.internal(code).draft();
        SimplificationService.InternalInput shorter = new SimplificationService.InternalInput(code, v.name(), "PROVINCE", v.fieldName(), vp, v.steps(),
                v.components(), "15", v.legalBasis());
        simplification.saveInternalDraft(code, draft, v.rowVersion(), shorter, office);
        assertThatThrownBy(() -> simplification.saveInternalDraft(code, draft, v.rowVersion(), shorter, office)).isInstanceOf(ConflictException.class);
        simplification.publishInternal(code, draft, simplification.internal(code).draft().rowVersion(), "200/QĐ-UBND", "2026-06-01", office);
        InternalProcedure after = simplification.internal(code);
        assertThat(after.current().versionNo()).isEqualTo(2);
        assertThat(after.current().timeLimitDays()).isEqualByComparingTo("15");
        assertThat(after.versions()).extracting(InternalProcedure.Version::status)
                .containsExactly(InternalProcedure.Status.PUBLISHED, InternalProcedure.Status.REPLACED);
        Proposal p = simplification.move(proposal, 0, SimplificationService.Move.SUBMIT, "2026-02-01", null, office);
        p = simplification.move(proposal, p.rowVersion(), SimplificationService.Move.APPROVE, "2026-03-01", "50/QĐ-UBND", office);
        assertThatThrownBy(() -> simplification.move(proposal, simplification.proposal(proposal).rowVersion(), SimplificationService.Move.IMPLEMENT, null,
                "300/QĐ-UBND", office)).isInstanceOf(ValidationException.class);
        p = simplification.move(proposal, p.rowVersion(), SimplificationService.Move.IMPLEMENT, null, "200/QĐ-UBND", office);
        assertThat(p.state().implementedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        simplification.abolishInternal(code, "2026-12-01", office);
        assertThat(simplification.internal(code).current()).isNull();
        assertThatThrownBy(() -> simplification.abolishInternal(code, "2026-12-02", office)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theDecentralisationRoundListsProvincialProceduresAndItsAppendixMarksTheColumnsTheLetterAsksFor() throws Exception {
        CurrentUser office = as("kiemsoat");
        String round = "Kiểm thử " + System.nanoTime();
        int added = reviews.openRound(round, "2026-12-31", office);
        List<DecentralisationItem> items = reviews.round(round);
        assertThat(items).hasSize(added).isNotEmpty();
        assertThat(reviews.openRound(round, "2026-12-31", office)).isZero(); // once per procedure
        DecentralisationItem first = items.get(0);
        assertThatThrownBy(() -> reviews.review(first.id(), first.rowVersion(), new ReviewService.DecentralisationInput("CHAIR", "Luật X",
                "DELEGATE", " ", null, null), office)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("receiver", "proposalType"));
        DecentralisationItem reviewed = reviews.review(first.id(), first.rowVersion(), new ReviewService.DecentralisationInput("CHAIR", "Luật X",
                "DELEGATE", "Giám đốc Sở", "WITHIN_PROVINCE", null), office);
        assertThat(reviewed.status()).isEqualTo(DecentralisationStatus.REVIEWED);
        assertThatThrownBy(() -> reviews.review(first.id(), first.rowVersion(), new ReviewService.DecentralisationInput("CHAIR", "Luật X", "KEEP", null,
                null, "Giữ"), office)).isInstanceOf(ConflictException.class);
        DecentralisationItem other = items.get(1);
        reviews.review(other.id(), other.rowVersion(), new ReviewService.DecentralisationInput("OTHER", "Luật Y", null, null, null, null), office);
        assertThat(reviews.submitRound(round, office)).isEqualTo(2);
        assertThatThrownBy(() -> reviews.review(first.id(), reviewed.rowVersion() + 1, new ReviewService.DecentralisationInput("CHAIR", "Luật X", "KEEP",
                null, null, "Giữ"), office)).isInstanceOf(ConflictException.class).hasMessageContaining("đã gửi");
        byte[] xlsx = mvc.perform(get("/kiem-soat/phan-cap.xlsx").param("dot", round).with(httpBasic("kiemsoat", "MotCua@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(5).getCell(6).getStringCellValue()).isEqualTo("(7)");
            assertThat(sheet.getRow(4).getCell(7).getStringCellValue()).isEqualTo("Chủ tịch UBND tỉnh");
            // the procedure not decided by the committee or its chair is left out of the appendix
            assertThat(sheet.getLastRowNum()).isEqualTo(5 + items.size() - 1);
            Row row = null;
            for (int r = 6; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(first.procedureCode())) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("x");  // (8) chair
            assertThat(row.getCell(6).getStringCellValue()).isEmpty();       // (7) committee
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("x"); // (12) delegate
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("x"); // (13) within the province
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Giám đốc Sở");
        }
    }

    @Test
    void publicationDeadlinesAreWatchedAndTheUnitsControlOfficersAreWarnedOnceByEmail() throws Exception {
        CurrentUser office = as("kiemsoat");
        LocalDate today = agencies.today();
        assertThatThrownBy(() -> oversight.watch(new OversightService.WatchInput("", "x", unit("AG.STP"), "31/13/2026", "0", null), office))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactly("sourceRef", "basisEffectiveOn", "procedures"));
        String ref = "Thông tư kiểm thử " + System.nanoTime();
        long id = oversight.watch(new OversightService.WatchInput(ref, "Sửa đổi thủ tục lý lịch tư pháp", unit("AG.STP"),
                today.plusDays(10).toString(), "2", null), as("kiemsoat.stp"));
        PublicationItem item = oversight.publications(today.minusMonths(1), today).stream().filter(i -> ref.equals(i.sourceRef())).findFirst().orElseThrow();
        assertThat(item.state()).isEqualTo(PublicationTimeliness.State.DECISION_DUE_SOON);
        assertThat(item.timeliness().decideBy()).isBefore(today.plusDays(10));
        assertThatThrownBy(() -> oversight.link(id, 0, "không-có/QĐ", null, office)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> oversight.link(id, 0, "3120/QĐ-UBND", null, office)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("đã gắn");
        int sent = oversight.sendWarnings();
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(oversight.sendWarnings()).isZero(); // each warning once
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains(ref)));
        MimeMessage m = Arrays.stream(smtp.getReceivedMessages()).filter(x -> subject(x).contains(ref)).findFirst().orElseThrow();
        assertThat(subject(m)).startsWith("[MotCua] Sắp đến hạn");
        // the unit's own control officer and the province's office
        assertThat(Arrays.stream(m.getAllRecipients()).map(Object::toString)).contains("kiemsoat.stp@angiang.example.gov.vn",
                "kiemsoat@angiang.example.gov.vn");
        // one message (GreenMail keeps a copy per recipient)
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(x -> subject(x).contains(ref)).map(ControlIntegrationTest::messageId).distinct())
                .hasSize(1);
        // the Justice officer sees it; group 1 figures are rates with two decimals
        assertThat(oversight.warnings(as("kiemsoat.stp"))).anyMatch(w -> w.title().contains(ref));
        PublicationFigures f = oversight.figures(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(f.published()).isPositive();
        assertThat(f.decidedRate().scale()).isEqualTo(2);
        assertThat(f.inForce()).isEqualTo(f.complete() + f.incomplete().size());
    }

    @Test
    void aDraftRegulationGoesThroughOpinionAndAppraisalWithItsDocumentsAndProcedures() throws Exception {
        CurrentUser office = as("kiemsoat");
        long before = count("regulation_draft");
        assertThatThrownBy(() -> oversight.registerDraft(new OversightService.DraftInput("Dự thảo", "Quyết định", unit("AG.STP"), "2026-01-10", "a", "b",
                "c", "d", null, "2026-01-05", null), office)).isInstanceOf(ValidationException.class).hasMessageContaining("Hạn có ý kiến");
        assertThat(count("regulation_draft")).isEqualTo(before);
        long id = oversight.registerDraft(new OversightService.DraftInput("Quyết định thủ tục kiểm thử", "Quyết định", unit("AG.STP"), "2026-11-02",
                "Cần thiết", "Hợp lý", "Hợp pháp", "300.000 đồng/hồ sơ", null, null, null), office);
        RegulationDraft d = oversight.draft(id);
        assertThat(d.opinionDue()).isEqualTo(LocalDate.of(2026, 11, 16)); // 10 working days
        assertThat(d.appraisalDue()).isEqualTo(LocalDate.of(2026, 11, 30));
        oversight.linkProcedure(id, "1.012999", "NEW", office);
        assertThatThrownBy(() -> oversight.linkProcedure(id, "1.012998", "AMENDED", office)).isInstanceOf(ValidationException.class);
        oversight.linkProcedure(id, "1.001078", "AMENDED", office);
        assertThat(oversight.draft(id).procedures()).extracting(RegulationDraft.Link::procedureCode).containsExactly("1.001078", "1.012999");
        assertThatThrownBy(() -> oversight.moveDraft(id, 0, OversightService.DraftMove.APPRAISAL, null, "Đạt", office)).isInstanceOf(ConflictException.class);
        oversight.moveDraft(id, 0, OversightService.DraftMove.OPINION, "2026-11-10", "Thống nhất", office);
        assertThatThrownBy(() -> oversight.moveDraft(id, 0, OversightService.DraftMove.APPRAISAL, null, "Đạt", office)).isInstanceOf(ConflictException.class);
        RegulationDraft appraised = oversight.moveDraft(id, 1, OversightService.DraftMove.APPRAISAL, "2026-11-20", "Đạt", office);
        assertThat(appraised.status()).isEqualTo(DraftStatus.APPRAISED);
        assertThat(oversight.moveDraft(id, appraised.rowVersion(), OversightService.DraftMove.ISSUE, null, null, office).status()).isEqualTo(DraftStatus.ISSUED);
        // documents: a real PDF is kept; a text file named .pdf is refused
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
        long fileId = oversight.attach(id, "ASSESSMENT", "bao-cao.pdf", pdf, office);
        assertThatThrownBy(() -> oversight.attach(id, "ASSESSMENT", "gia.pdf", "not a pdf".getBytes(), office)).isInstanceOf(ValidationException.class);
        assertThat(oversight.draft(id).files()).hasSize(1);
        mvc.perform(get("/kiem-soat/du-thao/{id}/tai-lieu/{f}", id, fileId).with(httpBasic("kiemsoat", "MotCua@2026")))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
    }

    @Test
    void anInspectionIsClosedOnlyOnceEveryFindingIsRemedied() {
        CurrentUser office = as("kiemsoat");
        long id = oversight.planInspection(new OversightService.InspectionInput("2026", "UNANNOUNCED", unit("AG.P.RG"), "2026-11-03", "Tổ công tác",
                "Một cửa"), office);
        assertThatThrownBy(() -> oversight.addFinding(id, 0, new OversightService.FindingInput("a", "b", "c", "2026-12-01"), office))
                .isInstanceOf(ConflictException.class);
        oversight.holdInspection(id, 0, "2026-11-03", "Còn tồn tại", office);
        long finding = oversight.addFinding(id, 1, new OversightService.FindingInput("Niêm yết thiếu", "Bổ sung", "Bộ phận một cửa", "2026-11-20"), office);
        assertThatThrownBy(() -> oversight.closeInspection(id, 2, office)).isInstanceOf(ConflictException.class).hasMessageContaining("1 nội dung");
        assertThat(oversight.warnings()).anyMatch(w -> w.subjectType().equals("inspection_finding") && w.subjectId() == finding && w.overdue());
        assertThatThrownBy(() -> oversight.closeFinding(id, finding, 0, "2026-10-01", "Đã bổ sung", office)).isInstanceOf(ValidationException.class);
        oversight.closeFinding(id, finding, 0, "2026-11-18", "Đã bổ sung", office);
        oversight.closeInspection(id, 2, office);
        Inspection closed = oversight.inspection(id);
        assertThat(closed.status()).isEqualTo(InspectionStatus.CLOSED);
        assertThat(closed.findings().get(0).closedOn()).isEqualTo(LocalDate.of(2026, 11, 18));
        // the Justice department's officer cannot touch another unit's inspection
        assertThatThrownBy(() -> oversight.planInspection(new OversightService.InspectionInput("2026", "PERIODIC", unit("AG.P.RG"), "2026-12-03", "x", "y"),
                as("kiemsoat.stp"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reviewPlansTrackProgressAndRefuseStaleForms() {
        CurrentUser office = as("kiemsoat");
        long plan = reviews.createPlan(new ReviewService.PlanInput("2027", "KH-TEST-" + System.nanoTime(), "Rà soát 2027", unit("AG")), office);
        assertThatThrownBy(() -> reviews.createPlan(new ReviewService.PlanInput("2027", reviews.plan(plan).reference(), "x", unit("AG")), office))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Đã có");
        assertThatThrownBy(() -> reviews.addItem(plan, 0, new ReviewService.ItemInput("1.999999", null, unit("AG.STP"), "2027-03-01"), office))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1.999999");
        long item = reviews.addItem(plan, 0, new ReviewService.ItemInput("1.001078", null, unit("AG.STP"), "2027-03-01"), office);
        assertThatThrownBy(() -> reviews.addItem(plan, 0, new ReviewService.ItemInput(null, "Nhóm", unit("AG.STP"), "2027-03-01"), office))
                .isInstanceOf(ConflictException.class);
        ReviewItem reported = reviews.report(item, 0, "40", "Đang làm", as("kiemsoat.stp"));
        assertThat(reported.progress().progress()).isEqualTo(40);
        assertThatThrownBy(() -> reviews.report(item, 0, "100", "Xong", office)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reviews.report(item, reported.rowVersion(), "100", " ", office)).isInstanceOf(ValidationException.class);
        reviews.report(item, reported.rowVersion(), "100", "Đề xuất bỏ bản sao CCCD", office);
        ReviewPlan p = reviews.plan(plan);
        assertThat(p.items()).singleElement().satisfies(i -> assertThat(i.subject()).startsWith("Cấp Phiếu lý lịch tư pháp"));
        assertThat(p.progress()).isEqualTo(100);
        assertThat(p.done()).isEqualTo(1);
    }

    @Test
    void stepTimesAreMinedFromHandledDossiersInWorkingMinutesPerStepAndUnit() {
        // five dossiers of 1.001695, one a day from Monday 10 May 2027: received at 8:00 (past the counter's check), specialist done at 10:00,
        // leader signs at 11:00, returned at 14:00 (office hours 7:30–11:30 and 13:00–17:00)
        LocalDateTime monday = LocalDateTime.of(2027, 5, 10, 8, 0);
        long counter = agencies.findByCode("AG.P.LX.BPMC").orElseThrow().id();
        try {
            for (int i = 0; i < 5; i++) {
                clock.set(monday.plusDays(i));
                Dossier d = dossiers.receive(new IntakeRequest("1.001695", counter, Channel.COUNTER,
                        new Applicant("Người nộp " + i, null, "0911222333", null, null), allComponents("1.001695"), IntakeDecision.ACCEPT, null),
                        as("tiepnhan.longxuyen"));
                clock.set(monday.plusDays(i).plusHours(2));
                d = dossiers.forward(d.id(), d.rowVersion(), null, null, null, as("chuyenvien.longxuyen"));
                clock.set(monday.plusDays(i).plusHours(3));
                d = dossiers.forward(d.id(), d.rowVersion(), null, Outcome.GRANTED, "Trích lục số " + i, as("lanhdao.longxuyen"));
                clock.set(monday.plusDays(i).plusHours(6));
                dossiers.returnResult(d.id(), d.rowVersion(), Delivery.COUNTER, null, as("tiepnhan.longxuyen"));
            }
        } finally {
            clock.reset();
        }
        StepAnalysis a = stepTimes.analyse("1.001695", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 31), ProcessVariant.STANDARD);
        assertThat(a.analysis().dossiers()).isEqualTo(5);
        List<StepTimes.StepResult> steps = a.analysis().steps();
        assertThat(steps).extracting(s -> s.all().count()).containsExactly(5, 5, 5, 5);
        assertThat(steps).extracting(s -> s.all().medianMinutes()).containsExactly(0L, 120L, 60L, 90L);
        assertThat(steps).extracting(s -> s.all().p90Minutes()).containsExactly(0L, 120L, 60L, 90L);
        assertThat(steps.get(1).byAgency()).containsOnlyKeys(dossiers.get(jdbc.sql("select max(id) from dossier").query(Long.class).single())
                .handlingAgencyId());
        // every step took less than allotted, none was late: the cut keeps each step within what it really took
        assertThat(steps).allSatisfy(s -> assertThat(s.all().lateShare()).isEqualByComparingTo("0"));
        assertThat(a.analysis().reachesTarget()).isTrue();
        assertThat(steps.get(1).proposedMinutes()).isGreaterThanOrEqualTo(120);
        assertThatThrownBy(() -> stepTimes.analyse("1.001695", LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 1), ProcessVariant.STANDARD))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theApiAnswersJsonToControlOfficersProblemsForBadInputAndRefusesOthers() throws Exception {
        String body = mvc.perform(get("/api/v1/control/simplification-tracker").with(httpBasic("kiemsoat", "MotCua@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode rows = json.readTree(body);
        assertThat(rows.get(rows.size() - 1).get("agencyId").asLong()).isZero();
        mvc.perform(post("/api/v1/control/cost-simulations").with(httpBasic("kiemsoat", "MotCua@2026")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("procedureCode", "1.001078", "year", "2026", "monthlyIncome", "7040000",
                                "incomeSource", "x", "timesPerYear", "1", "subjectsPerYear", "10",
                                "lines", List.of(Map.of("kind", "FEE", "description", "Phí", "quantity", "1", "unitCost", "200000", "unitCostAfter", "100000"))))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.saving.percent").value(50.0)).andExpect(jsonPath("$.id").value(0));
        mvc.perform(post("/api/v1/control/cost-simulations").with(httpBasic("kiemsoat", "MotCua@2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureCode\":\"1.001078\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/control/step-times").param("procedureCode", "1.001193").with(httpBasic("kiemsoat", "MotCua@2026")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.analysis.steps.length()").value(4));
        mvc.perform(get("/api/v1/control/proposals").with(httpBasic("congdan", "MotCua@2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/kiem-soat").with(httpBasic("chuyenvien.longxuyen", "MotCua@2026"))).andExpect(status().isForbidden());
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
