package vn.motcua.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.IntegrationTest;
import vn.motcua.TestSupport;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.IntakeDecision;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.identity.AccountService;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.organization.MergeRequest;
import vn.motcua.organization.NewAgency;
import vn.motcua.quality.domain.Fact;
import vn.motcua.quality.internal.FactStore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 766 index on the real database: a hand-computed month of a unit (ten dossiers with every data rule: returned early,
 * paused twice, open past its due time and within it, withdrawn, late after an apology, transferred in, not synced) and
 * a unit merged mid-period; a dossier's fact following it through the real services by events; the drill-down; the API
 * and pages with their refusals; settings changed with concurrent edits detected.
 */
@IntegrationTest
class QualityIntegrationTest {
    static final String PASSWORD = "MotCua@2026";

    @Autowired QualityService quality;
    @Autowired FactStore facts;
    @Autowired AgencyService agencies;
    @Autowired DossierService dossiers;
    @Autowired CatalogService catalog;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    static final LocalDateTime MARCH = LocalDateTime.of(2019, 3, 4, 9, 0);

    /** A fact written directly: the month (March 2019) lies before every demo dossier. */
    static Fact fact(long id, long unit, LocalDateTime received, LocalDateTime due, LocalDateTime ended, String endKind, String status, boolean late,
                     int supplements, String channel, boolean synced, boolean fee, boolean paid, boolean eResult, boolean reused, boolean population,
                     boolean unhappy) {
        boolean processed = "PROCESSED".equals(endKind);
        return new Fact(id, "QI-" + id, "1.001078", "Cấp phiếu lý lịch tư pháp", unit, unit, received.toLocalDate(), received, channel, status, due, ended,
                endKind, late, supplements, supplements > 1, ended == null ? null : new BigDecimal("2.50"), fee, paid, processed, eResult,
                !processed || eResult, reused, false, false, eResult, population, synced, null, unhappy);
    }

    long newUnit(String code, String name) {
        return agencies.create(new NewAgency(code, name, null, AgencyType.DEPARTMENT, agencies.findByCode("AG").orElseThrow().id(),
                LocalDate.of(2019, 1, 1))).id();
    }

    @Test
    void aMonthOfAUnitComputedByHand() throws Exception {
        long unit = newUnit("QI.SO1", "Sở thử nghiệm chỉ số");
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 8, 0);
        LocalDateTime due = MARCH.plusDays(10);
        List<Fact> rows = List.of(
                // returned early
                fact(9_100_001, unit, MARCH, due, MARCH.plusDays(2), "PROCESSED", "RETURNED", false, 0, "COUNTER", true, false, false, true, false, false, false),
                // paused twice, finished before its due time: late (second supplement request)
                fact(9_100_002, unit, MARCH, due, due.minusDays(1), "PROCESSED", "RETURNED", false, 2, "COUNTER", true, false, false, true, false, false, false),
                // still open, due on 20 March: late when March ends
                fact(9_100_003, unit, MARCH.plusDays(1), LocalDateTime.of(2019, 3, 20, 9, 0), null, null, "PROCESSING", true, 0, "COUNTER", true, false, false,
                        false, false, false, false),
                // still open, due on 10 April: within time when March ends
                fact(9_100_004, unit, MARCH.plusDays(20), LocalDateTime.of(2019, 4, 10, 9, 0), null, null, "PROCESSING", false, 0, "COUNTER", true, false,
                        false, false, false, false, false),
                // withdrawn before its due time: on time, no result
                fact(9_100_005, unit, MARCH, due, MARCH.plusDays(3), "WITHDRAWN", "WITHDRAWN", false, 0, "COUNTER", true, false, false, false, false, false,
                        false),
                // late after an apology and a new appointment kept: still late
                fact(9_100_006, unit, MARCH, due, due.plusDays(4), "PROCESSED", "RETURNED", true, 0, "COUNTER", true, false, false, false, false, false, false),
                // online, paid online, VNeID, reused a document
                fact(9_100_007, unit, MARCH, due, MARCH.plusDays(1), "PROCESSED", "RETURNED", false, 0, "ONLINE", true, true, true, true, true, true, false),
                // online, fee paid in cash, rated unhappy
                fact(9_100_008, unit, MARCH, due, MARCH.plusDays(1), "PROCESSED", "RETURNED", false, 0, "ONLINE", true, true, false, true, false, false, true),
                // transferred in from another agency: counts where it is handled now
                fact(9_100_009, unit, MARCH, due, MARCH.plusDays(4), "PROCESSED", "RETURNED", false, 0, "POST", false, false, false, true, false, false, false),
                // on time, never synced to the portal
                fact(9_100_010, unit, MARCH, due, MARCH.plusDays(4), "PROCESSED", "RETURNED", false, 0, "COUNTER", false, false, false, false, false, false,
                        false));
        rows.forEach(f -> facts.upsert(f, now));

        IndexCard c = quality.card(unit, Period.month(java.time.YearMonth.of(2019, 3)));
        assertThat(c.dossiers()).isEqualTo(10);
        // 2.1: late = paused twice, open past due, late after apology → 7/10 = 70 % → 14 points
        assertThat(c.indicator("2.1").orElseThrow().numerator()).isEqualTo(7);
        assertThat(c.indicator("2.1").orElseThrow().points()).isEqualByComparingTo("14.00");
        // 1.4: 8 of 10 synced → 4.80 of 6
        assertThat(c.indicator("1.4").orElseThrow().points()).isEqualByComparingTo("4.80");
        // 3.3: 2 online × 80 % synced = 1.6 → 2 of 10 = 20 % of a 50 % threshold → 1.60 of 4
        assertThat(c.indicator("3.3").orElseThrow().points()).isEqualByComparingTo("1.60");
        // 3.6: 1 of the 2 fee-bearing dossiers paid online → 3.00 of 6
        assertThat(c.indicator("3.6").orElseThrow().points()).isEqualByComparingTo("3.00");
        // 4.1: 7 processed, 5 with an electronic result → 71.43 % → 4.29 of 6
        assertThat(c.indicator("4.1").orElseThrow().rate()).isEqualByComparingTo("71.43");
        assertThat(c.indicator("4.1").orElseThrow().points()).isEqualByComparingTo("4.29");
        // 4.3: 1 reused of 10 = 10 % of an 80 % threshold → 0.25 of 2; 4.5b: 10 % → 0.20 of 2
        assertThat(c.indicator("4.3").orElseThrow().points()).isEqualByComparingTo("0.25");
        assertThat(c.indicator("4.5b").orElseThrow().points()).isEqualByComparingTo("0.20");
        // 4.2: digitised = every component and, once processed, the electronic result: 8 of 10 → 3.20 of 4 (linear as shipped)
        assertThat(c.indicator("4.2").orElseThrow().points()).isEqualByComparingTo("3.20");
        // 4.4: the result kept in the citizen's data store: 5 of 10 → 2.00 of 4
        assertThat(c.indicator("4.4").orElseThrow().points()).isEqualByComparingTo("2.00");
        // 4.2c: no certified copy → N/A, out of the attainable points
        assertThat(c.indicator("4.2c").orElseThrow().notApplicable()).isTrue();
        // 5.4: 100 % − (30 % late + 10 % unhappy) = 60 % of a 90 % threshold → 4.00 of 6
        assertThat(c.indicator("5.4").orElseThrow().points()).isEqualByComparingTo("4.00");
        // 5.2, 5.3: no feedback → full points
        assertThat(c.indicator("5.2").orElseThrow().points()).isEqualByComparingTo("6.00");
        assertThat(c.indicator("5.3").orElseThrow().points()).isEqualByComparingTo("6.00");
        assertThat(c.averageDays()).containsEntry("1.001078", new BigDecimal("2.50"));
        assertThat(c.points()).isEqualByComparingTo(c.groups().stream().map(GroupScore::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(c.score()).isEqualByComparingTo(c.points().multiply(BigDecimal.valueOf(100)).divide(c.attainable(), 2, java.math.RoundingMode.HALF_UP));

        // the drill-down names exactly the three late dossiers, linked by id
        QualityService.LostPage lost = quality.lost(unit, Period.month(java.time.YearMonth.of(2019, 3)), "2.1", null, 1, 50);
        assertThat(lost.total()).isEqualTo(3);
        assertThat(lost.dossiers()).extracting(FactStore.LostDossier::code).containsExactlyInAnyOrder("QI-9100002", "QI-9100003", "QI-9100006");
        assertThat(quality.lost(unit, Period.month(java.time.YearMonth.of(2019, 3)), "1.4", null, 1, 50).dossiers())
                .extracting(FactStore.LostDossier::code).containsExactlyInAnyOrder("QI-9100009", "QI-9100010");
        // judged at the end of the first half of March, the dossier due on 20 March was within time
        IndexCard half = quality.card(unit, Period.range(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 15)));
        assertThat(half.indicator("2.1").orElseThrow().numerator()).isEqualTo(half.dossiers() - 2);
        // the page shows it too, with the link to each dossier
        mvc.perform(get("/chi-so/chi-tieu/2.1").param("donVi", String.valueOf(unit)).param("ky", "2019-03").with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("QI-9100006")))
                .andExpect(content().string(containsString("/can-bo/ho-so/9100006")));
        // the same in Excel
        byte[] xlsx = mvc.perform(get("/chi-so/bang-chi-so.xlsx").param("donVi", String.valueOf(unit)).param("ky", "2019-03")
                .with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "2.1".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(7.0);
                    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(14.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/chi-so/bang-chi-so.xlsx").param("ky", "khong-phai-ky").with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().is4xxClientError());
        // the unit's own procedures by procedure, with the average handling time (2.2)
        assertThat(quality.procedures(unit, Period.month(java.time.YearMonth.of(2019, 3))))
                .singleElement().satisfies(p -> assertThat(p.late()).isEqualTo(3));
    }

    @Test
    void theCatalogIndicatorsCountTheProceduresInForce() {
        // the province this month against the catalog read directly
        Period month = quality.currentMonth();
        IndexCard c = quality.card(IndexCard.PROVINCE, month);
        List<vn.motcua.catalog.ProcedureVersion> inForce = catalog.allInForce(quality.today());
        long online = inForce.stream().filter(v -> v.onlineLevel() != null && v.onlineLevel() != vn.motcua.catalog.OnlineLevel.NONE).count();
        assertThat(c.indicator("3.1").orElseThrow().numerator()).isEqualTo(online);
        assertThat(c.indicator("3.1").orElseThrow().denominator()).isEqualTo(inForce.size());
        long feeBearing = inForce.stream().filter(v -> v.fees().stream().mapToLong(vn.motcua.catalog.Fee::amountVnd).sum() > 0).count();
        assertThat(c.indicator("3.5a").orElseThrow().denominator()).isEqualTo(feeBearing);
        assertThat(c.indicator("3.5b").orElseThrow().denominator()).isEqualTo(feeBearing);
        assertThat(c.indicator("3.2").orElseThrow().denominator()).isEqualTo(online);
        // 1.3 is the control module's figure; a procedure listed as losing 3.1 is one without an online service
        assertThat(c.indicator("1.3").orElseThrow().denominator()).isEqualTo(inForce.size());
        QualityService.LostPage lost31 = quality.lost(IndexCard.PROVINCE, month, "3.1", null, 1, 50);
        assertThat(lost31.procedures()).hasSize((int) (inForce.size() - online));
        assertThat(lost31.procedures()).allSatisfy(p -> assertThat(inForce.stream().filter(v -> v.code().equals(p.code())).findFirst().orElseThrow()
                .onlineLevel()).isIn(null, vn.motcua.catalog.OnlineLevel.NONE));
        // a procedure's own index: its dossiers only, its own catalog line
        String code = inForce.get(0).code();
        IndexCard one = quality.card(IndexCard.PROVINCE, month, code);
        assertThat(one.indicator("3.1").orElseThrow().denominator()).isEqualTo(1);
        assertThat(one.dossiers()).isLessThanOrEqualTo(c.dossiers());
    }

    @Test
    void aUnitMergedMidPeriodCountsForItsSuccessor() {
        long a = newUnit("QI.SOA", "Sở thử nghiệm sáp nhập A");
        long b = newUnit("QI.SOB", "Sở thử nghiệm sáp nhập B");
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 8, 0);
        facts.upsert(fact(9_200_001, a, MARCH, MARCH.plusDays(5), MARCH.plusDays(1), "PROCESSED", "RETURNED", false, 0, "COUNTER", true, false, false,
                true, false, false, false), now);
        facts.upsert(fact(9_200_002, b, MARCH.plusDays(16), MARCH.plusDays(25), MARCH.plusDays(30), "PROCESSED", "RETURNED", true, 0, "COUNTER", true,
                false, false, true, false, false, false), now);
        agencies.merge(new MergeRequest(List.of(a), b, LocalDate.of(2019, 3, 15), "Nghị quyết thử nghiệm"));
        IndexCard c = quality.card(b, Period.month(java.time.YearMonth.of(2019, 3)));
        assertThat(c.dossiers()).isEqualTo(2);
        assertThat(c.indicator("2.1").orElseThrow().numerator()).isEqualTo(1);
        // the merged unit's own history stays readable, and it leaves the list of units judged today
        assertThat(quality.card(a, Period.month(java.time.YearMonth.of(2019, 3))).dossiers()).isEqualTo(1);
        assertThat(quality.units()).extracting(QualityService.Unit::id).contains(b).doesNotContain(a);
    }

    @Test
    void aDossierIsFollowedThroughTheRealServices() {
        String code = "1.001078";
        long counter = agencies.findByCode("AG.TTPVHCC").orElseThrow().id();
        long unit = agencies.findByCode("AG.STP").orElseThrow().id();
        Period month = quality.currentMonth();
        long before = quality.card(unit, month).dossiers();
        Dossier d = dossiers.receive(new IntakeRequest(code, counter, Channel.COUNTER, new Applicant("Đỗ Văn Chỉ", null, "0911000766", null, null),
                catalog.current(code).components().stream().map(Component::id).collect(Collectors.toSet()), IntakeDecision.ACCEPT, null),
                TestSupport.user(accounts, "tiepnhan"));
        Long fact = TestSupport.eventually(() -> jdbc.sql("select unit_id from quality_fact where dossier_id = ?").param(d.id()).query(Long.class).optional());
        assertThat(fact).isEqualTo(unit);
        assertThat(quality.card(unit, month).dossiers()).isEqualTo(before + 1);
        // the specialist and the leader: processing ends when the leader approves
        Dossier x = dossiers.forward(d.id(), d.rowVersion(), "Đủ điều kiện", null, null, TestSupport.user(accounts, "chuyenvien.stp"));
        Dossier y = dossiers.forward(x.id(), x.rowVersion(), "Đồng ý", Outcome.GRANTED, "Phiếu số 1/2026", TestSupport.user(accounts, "lanhdao.stp"));
        String ended = TestSupport.eventually(() -> jdbc.sql("select end_kind from quality_fact where dossier_id = ? and ended_at is not null")
                .param(y.id()).query(String.class).optional());
        assertThat(ended).isEqualTo("PROCESSED");
    }

    @Test
    void apiPagesAndRefusals() throws Exception {
        // the public summary, without a login
        mvc.perform(get("/api/v1/statistics/service-index")).andExpect(status().isOk()).andExpect(jsonPath("$.province.unitId").value(0))
                .andExpect(jsonPath("$.units").isArray());
        mvc.perform(get("/thong-ke/chi-so")).andExpect(status().isOk()).andExpect(content().string(containsString("Bộ chỉ số")));
        // the officers' figures
        mvc.perform(get("/api/v1/service-index").param("period", "2026-Q4").with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups.length()").value(6)).andExpect(jsonPath("$.period.kind").value("QUARTER"));
        mvc.perform(get("/api/v1/service-index/trend").param("count", "3").with(httpBasic("lanhdao.stp", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/v1/service-index/ranking").with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/service-index/forecast").with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.period.kind").value("MONTH"));
        mvc.perform(get("/chi-so").with(httpBasic("lanhdao.stp", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("qi-indicators")));
        // bad input: a clear problem, never a 500
        mvc.perform(get("/api/v1/service-index").param("period", "tháng 13").with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isUnprocessableEntity()).andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/service-index").param("unit", "987654").with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/service-index/indicators/9.9/lost").with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/chi-so").param("ky", "abc").with(httpBasic("kiemsoat", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kỳ không hợp lệ")));
        // a citizen sees the public summary only
        mvc.perform(get("/api/v1/service-index").with(httpBasic("congdan", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void settingsAreDataChangedWithConcurrentEditsDetected() throws Exception {
        JsonNode settings = json.readTree(mvc.perform(get("/api/v1/service-index/indicators").with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode i42 = null;
        for (JsonNode i : settings.path("indicators")) {
            if (i.path("code").asText().equals("4.2")) {
                i42 = i;
            }
        }
        assertThat(i42).isNotNull();
        long version = i42.path("rowVersion").asLong();
        // a threshold above 100 % is refused, nothing saved
        mvc.perform(put("/api/v1/service-index/indicators/4.2").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rowVersion\":" + version + ",\"maxPoints\":4,\"threshold\":120,\"whenEmpty\":\"NA\"}"))
                .andExpect(status().isUnprocessableEntity());
        // the national rule's 80 % threshold for 4.2, as the score table has it
        mvc.perform(put("/api/v1/service-index/indicators/4.2").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rowVersion\":" + version + ",\"maxPoints\":4,\"threshold\":80,\"whenEmpty\":\"NA\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.threshold").value(80.0));
        // the same stale version again: a conflict, not an overwrite
        mvc.perform(put("/api/v1/service-index/indicators/4.2").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rowVersion\":" + version + ",\"maxPoints\":5,\"threshold\":null,\"whenEmpty\":\"NA\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'quality.indicator.changed' and subject_id = '4.2'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
        // a leader may read the settings but not change them
        mvc.perform(put("/api/v1/service-index/indicators/4.2").with(httpBasic("lanhdao.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rowVersion\":" + (version + 1) + ",\"maxPoints\":4,\"threshold\":null,\"whenEmpty\":\"NA\"}")).andExpect(status().isForbidden());
        // back as it was, through the page's form
        mvc.perform(post("/chi-so/cau-hinh/4.2").with(httpBasic("kiemsoat", PASSWORD)).with(csrf()).param("rowVersion", String.valueOf(version + 1))
                .param("maxPoints", "4").param("threshold", "").param("whenEmpty", "NA")).andExpect(status().is3xxRedirection());
        assertThat(quality.indicators().stream().filter(i -> i.code().equals("4.2")).findFirst().orElseThrow().threshold()).isNull();
        Optional<Indicator> after = quality.indicators().stream().filter(i -> i.code().equals("4.2")).findFirst();
        assertThat(after.orElseThrow().rowVersion()).isEqualTo(version + 2);
    }
}
