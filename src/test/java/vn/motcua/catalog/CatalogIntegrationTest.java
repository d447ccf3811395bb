package vn.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.IntegrationTest;
import vn.motcua.identity.Role;
import vn.motcua.organization.AgencyService;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CatalogIntegrationTest {
    static final String PASSWORD = "MotCua@2026";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CatalogService catalog;
    @Autowired AgencyService agencies;
    @Autowired JdbcClient jdbc;

    long agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    long field(String code) {
        return catalog.fields().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow().id();
    }

    Map<String, Object> draftJson(String code, String agencyCode, int limit, List<Map<String, Object>> process) {
        return Map.ofEntries(
                Map.entry("code", code), Map.entry("name", "Cấp giấy phép thử nghiệm " + code), Map.entry("fieldId", field("XD")),
                Map.entry("level", "PROVINCE"), Map.entry("agencyId", agency(agencyCode)), Map.entry("implementingAgency", "Sở Xây dựng"),
                Map.entry("steps", "Bước 1: nộp hồ sơ. Bước 2: nhận kết quả."), Map.entry("byCounter", true), Map.entry("byOnline", false),
                Map.entry("byPost", true), Map.entry("onlineLevel", "NONE"), Map.entry("timeLimitDays", limit),
                Map.entry("subjects", "Tổ chức, cá nhân"), Map.entry("resultType", "Giấy phép"), Map.entry("legalBasis", "Luật Xây dựng 2014"),
                Map.entry("components", List.of(Map.of("position", 1, "name", "Đơn đề nghị", "originals", 1, "copies", 0, "required", true))),
                Map.entry("fees", List.of(Map.of("kind", "CHARGE", "description", "Lệ phí", "amountVnd", 50000))),
                Map.entry("process", process));
    }

    static List<Map<String, Object>> steps(int... hours) {
        return java.util.stream.IntStream.range(0, hours.length).mapToObj(i -> Map.<String, Object>of(
                "variant", "STANDARD", "position", i + 1, "name", "Bước " + (i + 1), "responsible", "Phòng chuyên môn",
                "role", Role.PROCESSING_OFFICER.name(), "durationHours", hours[i])).toList();
    }

    Map<String, Object> decision(String number, LocalDate effective) {
        return Map.of("number", number, "title", "Công bố thủ tục hành chính", "issuerAgencyId", agency("AG"),
                "signedOn", effective.minusDays(3).toString(), "effectiveOn", effective.toString());
    }

    JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsByteArray());
    }

    long countVersions() {
        return jdbc.sql("select count(*) from procedure_version").query(Long.class).single();
    }

    @Test
    void demoCatalogHasAtLeastThirtyProceduresInForceAcrossSeveralFields() {
        SearchResult all = catalog.search(SearchQuery.all(), 1, 100);
        assertThat(all.total()).isGreaterThanOrEqualTo(30);
        assertThat(all.items()).extracting(ProcedureSummary::fieldName)
                .contains("Hộ tịch", "Đất đai", "Thành lập và hoạt động của doanh nghiệp", "Hoạt động xây dựng");
    }

    @Test
    void searchIgnoresDiacriticsAndCase() throws Exception {
        for (String q : List.of("ho tich", "HỘ TỊCH", "Hộ Tịch", "khai sinh", "1.001193")) {
            mvc.perform(get("/api/v1/procedures").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].code", hasItem("1.001193")));
        }
        mvc.perform(get("/api/v1/procedures").param("q", "xyz khong co")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void filtersByFieldLevelAgencyAndOnlineLevel() {
        SearchResult full = catalog.search(new SearchQuery(null, null, field("HT"), ProcedureLevel.COMMUNE, OnlineLevel.FULL), 1, 50);
        assertThat(full.items()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.fieldName()).isEqualTo("Hộ tịch");
            assertThat(p.level()).isEqualTo(ProcedureLevel.COMMUNE);
            assertThat(p.onlineLevel()).isEqualTo(OnlineLevel.FULL);
        });
        SearchResult byAgency = catalog.search(new SearchQuery(null, agency("AG.STC"), null, null, null), 1, 50);
        assertThat(byAgency.items()).isNotEmpty().allSatisfy(p -> assertThat(p.agencyName()).isEqualTo("Sở Tài chính tỉnh An Giang"));
    }

    @Test
    void theExactVersionInForceOnADateIsKnown() throws Exception {
        ProcedureVersion before = catalog.inForceOn("1.001193", LocalDate.of(2025, 1, 1)).orElseThrow();
        ProcedureVersion now = catalog.inForceOn("1.001193", LocalDate.of(2026, 11, 1)).orElseThrow();
        assertThat(before.versionNo()).isEqualTo(1);
        assertThat(before.timeLimitDays()).isEqualByComparingTo("0"); // within the day of receipt (Luật Hộ tịch, Điều 16)
        assertThat(before.timeLimitNote()).contains("Điều 16");
        assertThat(before.validUntil()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(now.versionNo()).isEqualTo(2);
        assertThat(now.timeLimitNote()).contains("liên thông");
        assertThat(now.decisionNumber()).isEqualTo("2890/QĐ-UBND");
        assertThat(catalog.inForceOn("1.001193", LocalDate.of(2024, 3, 19))).isEmpty();
        mvc.perform(get("/api/v1/procedures/1.001193").param("date", "2025-01-01"))
                .andExpect(jsonPath("$.versionNo").value(1)).andExpect(jsonPath("$.id").value(before.id()));
        mvc.perform(get("/api/v1/procedures/1.001193/versions")).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void abolishedAndReplacedProceduresLeaveSearchButKeepTheirHistory() throws Exception {
        SearchResult all = catalog.search(SearchQuery.all(), 1, 100);
        assertThat(all.items()).extracting(ProcedureSummary::code).doesNotContain("1.005388", "1.004441").contains("1.012801");
        ProcedureVersion abolished = catalog.latestPublished("1.005388");
        assertThat(abolished.abolishedOn()).isEqualTo(LocalDate.of(2026, 10, 10));
        ProcedureVersion replaced = catalog.latestPublished("1.004441");
        assertThat(replaced.replacedByCode()).isEqualTo("1.012801");
        assertThat(catalog.current("1.012801").replacesCode()).isEqualTo("1.004441");
        mvc.perform(get("/thu-tuc/1.004441")).andExpect(status().isOk())
                .andExpect(content().string(containsString("1.012801")))
                .andExpect(content().string(containsString("hết hiệu lực")));
    }

    @Test
    void publicProcedurePageShowsEveryComponent() throws Exception {
        mvc.perform(get("/thu-tuc/1.001193")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng ký khai sinh")))
                .andExpect(content().string(containsString("Tờ khai đăng ký khai sinh theo mẫu")))
                .andExpect(content().string(containsString("Luật Hộ tịch năm 2014")))
                .andExpect(content().string(containsString("Quy trình nội bộ")))
                .andExpect(content().string(containsString("2890/QĐ-UBND")));
        mvc.perform(get("/thu-tuc/1.999999")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy")));
        mvc.perform(get("/thu-tuc").param("level", "SAI")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void formTemplatesCanBeDownloaded() throws Exception {
        ProcedureVersion v = catalog.current("1.001193");
        Component withForm = v.components().stream().filter(c -> c.formFileId() != null).findFirst().orElseThrow();
        MvcResult r = mvc.perform(get("/thu-tuc/bieu-mau/{v}/{c}", v.id(), withForm.id())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment"))).andReturn();
        assertThat(new String(r.getResponse().getContentAsByteArray())).startsWith("{\\rtf1");
    }

    @Test
    void postingSheetCarriesAQrCodeLinkingToTheProcedurePage() throws Exception {
        mvc.perform(get("/thu-tuc/1.001193/niem-yet")).andExpect(status().isOk())
                .andExpect(content().string(containsString("qr.png")))
                .andExpect(content().string(containsString("Tờ khai đăng ký khai sinh")));
        byte[] png = mvc.perform(get("/thu-tuc/1.001193/qr.png")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(text).endsWith("/thu-tuc/1.001193");
    }

    @Test
    void monthlyStatisticsCountPublicationsPerAgency() throws Exception {
        List<MonthlyStatistic> y2024 = catalog.monthlyStatistics(2024);
        MonthlyStatistic march = y2024.stream().filter(s -> s.month() == 3 && s.agencyName().equals("Sở Tư pháp tỉnh An Giang"))
                .findFirst().orElseThrow();
        assertThat(march.newlyPublished()).isEqualTo(11);
        List<MonthlyStatistic> oct = catalog.monthlyStatistics(2026).stream().filter(s -> s.month() == 10).toList();
        assertThat(oct.stream().mapToLong(MonthlyStatistic::amended).sum()).isGreaterThanOrEqualTo(2);
        assertThat(oct.stream().mapToLong(MonthlyStatistic::abolished).sum()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/thong-ke/cong-bo").param("nam", "2024")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sở Tư pháp tỉnh An Giang")));
        mvc.perform(get("/api/v1/statistics/publications").param("year", "1800")).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void fullLifecycleThroughTheApi() throws Exception {
        String code = "1.099001";
        long created = body(mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(draftJson(code, "AG.SXD", 5, steps(8, 24, 8)))))
                .andExpect(status().isCreated()).andReturn()).get("versionId").asLong();
        // not public while a draft; a search is kept in memory, so this one is asked again below after each change
        mvc.perform(get("/api/v1/procedures/" + code)).andExpect(status().isNotFound());
        SearchQuery byCode = new SearchQuery(code, null, null, null, null);
        assertThat(catalog.search(byCode, 1, 20).items()).extracting(ProcedureSummary::code).doesNotContain(code);
        // publish v1 (new)
        LocalDate first = LocalDate.of(2026, 1, 15);
        mvc.perform(post("/api/v1/drafts/{id}/publication", created).with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", 0, "action", "NEW", "decision", decision("41/QĐ-UBND", first)))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.versionNo").value(1)).andExpect(jsonPath("$.validFrom").value("2026-01-15"));
        assertThat(catalog.search(byCode, 1, 20).items()).extracting(ProcedureSummary::code).contains(code);
        mvc.perform(get("/api/v1/procedures").param("q", code)).andExpect(jsonPath("$.items[*].code", hasItem(code)));
        // amend: new draft, v2 cannot overlap v1
        long amendment = body(mvc.perform(post("/api/v1/procedures/{c}/amendments", code).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isCreated()).andReturn()).get("versionId").asLong();
        JsonNode draft = body(mvc.perform(get("/api/v1/drafts/{id}", amendment).with(httpBasic("kiemsoat", PASSWORD))).andReturn());
        assertThat(draft.get("versionNo").asInt()).isEqualTo(2);
        long before = countVersions();
        mvc.perform(post("/api/v1/drafts/{id}/publication", amendment).with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", draft.get("rowVersion").asLong(), "action", "AMENDED",
                                "decision", decision("42/QĐ-UBND", first)))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("chồng lấn"))));
        assertThat(countVersions()).isEqualTo(before);
        assertThat(catalog.current(code).versionNo()).isEqualTo(1);
        mvc.perform(post("/api/v1/drafts/{id}/publication", amendment).with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", draft.get("rowVersion").asLong(), "action", "AMENDED",
                                "decision", decision("42/QĐ-UBND", LocalDate.of(2026, 6, 1))))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.versionNo").value(2));
        assertThat(catalog.inForceOn(code, LocalDate.of(2026, 5, 31)).orElseThrow().versionNo()).isEqualTo(1);
        assertThat(catalog.inForceOn(code, LocalDate.of(2026, 6, 1)).orElseThrow().versionNo()).isEqualTo(2);
        // abolish
        mvc.perform(post("/api/v1/procedures/{c}/abolition", code).with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(decision("43/QĐ-UBND", LocalDate.of(2026, 9, 1)))))
                .andExpect(status().isNoContent());
        assertThat(catalog.inForceOn(code, LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(catalog.inForceOn(code, LocalDate.of(2026, 8, 31))).isPresent();
        mvc.perform(post("/api/v1/procedures/{c}/amendments", code).with(httpBasic("kiemsoat", PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void processLongerThanTheTimeLimitIsRejectedAndNothingIsSaved() throws Exception {
        long before = countVersions();
        mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(draftJson("1.099002", "AG.SXD", 2, steps(8, 16, 8)))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("vượt thời hạn giải quyết")));
        assertThat(countVersions()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from tthc_procedure where code = '1.099002'").query(Long.class).single()).isZero();
    }

    @Test
    void badInputGetsClearMessagesNeverAServerError() throws Exception {
        mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"abc\", \"timeLimitDays\": \"ba ngày\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Yêu cầu không đọc được"));
        mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(draftJson("1.001193", "AG.SXD", 5, steps(8)))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", containsString("đã có trong danh mục")));
        long draftId = admin().startAmendment("1.000894", ActingUser.system("test"));
        mvc.perform(post("/api/v1/drafts/{id}/publication", draftId).with(httpBasic("kiemsoat", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", 0, "action", "AMENDED", "decision",
                                Map.of("number", "số 12", "title", "x", "issuerAgencyId", agency("AG"), "signedOn", "2026-12-01", "effectiveOn", "2026-11-30")))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("1234/QĐ-UBND"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("trước ngày ký"))));
    }

    @Autowired ProcedureAdminService adminService;

    ProcedureAdminService admin() {
        return adminService;
    }

    @Test
    void concurrentEditsOfADraftAreDetected() throws Exception {
        long id = adminService.startAmendment("1.000656", ActingUser.system("test"));
        ProcedureVersion v = adminService.draftForEdit(id, ActingUser.system("test"));
        ProcedureDraft d = ProcedureAdminService.toDraft(v);
        ProcedureDraft first = new ProcedureDraft(d.code(), d.name() + " (bản A)", d.fieldId(), d.level(), d.agencyId(), d.implementingAgency(),
                d.steps(), d.methodDetails(), d.byCounter(), d.byOnline(), d.byPost(), d.onlineLevel(), d.timeLimitDays(),
                d.onlineTimeLimitDays(), d.timeLimitNote(), d.subjects(), d.resultType(), d.feesNote(), d.requirements(), d.legalBasis(),
                d.components(), d.fees(), d.process());
        mvc.perform(put("/api/v1/drafts/{id}", id).with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", v.rowVersion(), "draft", first))))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/drafts/{id}", id).with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", v.rowVersion(), "draft", d))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("người khác")));
        assertThat(adminService.draftForEdit(id, ActingUser.system("test")).name()).endsWith("(bản A)");
        adminService.deleteDraft(id, adminService.draftForEdit(id, ActingUser.system("test")).rowVersion(), ActingUser.system("test"));
    }

    @Test
    void controlOfficersOnlyManageTheirOwnAgencysProcedures() throws Exception {
        mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat.stp", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(draftJson("1.099003", "AG.SXD", 5, steps(8)))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", containsString("không được phân quyền")));
        mvc.perform(post("/api/v1/procedures/{c}/amendments", "1.009972").with(httpBasic("kiemsoat.stp", PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(adminService.list(new ActingUser("kiemsoat.stp", java.util.Set.of(agency("AG.STP"))), null))
                .isNotEmpty().allSatisfy(r -> assertThat(r.agencyName()).isEqualTo("Sở Tư pháp tỉnh An Giang"));
        mvc.perform(post("/api/v1/procedures").with(httpBasic("congdan", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void replacementEndsTheReplacedProcedure() throws Exception {
        // old procedure published in 2025, replaced in 2026 by a new code
        long oldId = body(mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(draftJson("1.099010", "AG.SXD", 5, steps(8))))).andReturn()).get("versionId").asLong();
        adminService.publish(new PublishRequest(oldId, 0, PublicationAction.NEW, null, new DecisionInfo("51/QĐ-UBND", "Công bố",
                agency("AG"), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5))), ActingUser.system("test"));
        long newId = body(mvc.perform(post("/api/v1/procedures").with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(draftJson("1.099011", "AG.SXD", 4, steps(8))))).andReturn()).get("versionId").asLong();
        mvc.perform(post("/api/v1/drafts/{id}/publication", newId).with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", 0, "action", "REPLACED", "replacesCode", "1.099999",
                                "decision", decision("52/QĐ-UBND", LocalDate.of(2026, 2, 2))))))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail", containsString("1.099999")));
        mvc.perform(post("/api/v1/drafts/{id}/publication", newId).with(httpBasic("kiemsoat", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("rowVersion", 0, "action", "REPLACED", "replacesCode", "1.099010",
                                "decision", decision("52/QĐ-UBND", LocalDate.of(2026, 2, 2))))))
                .andExpect(status().isOk());
        assertThat(catalog.inForceOn("1.099010", LocalDate.of(2026, 2, 1))).isPresent();
        assertThat(catalog.inForceOn("1.099010", LocalDate.of(2026, 2, 2))).isEmpty();
        assertThat(catalog.latestPublished("1.099010").replacedByCode()).isEqualTo("1.099011");
        assertThat(catalog.monthlyStatistics(2026).stream().filter(s -> s.month() == 2).mapToLong(MonthlyStatistic::replaced).sum())
                .isEqualTo(1);
        assertThat(new BigDecimal("4")).isEqualByComparingTo(catalog.current("1.099011").timeLimitDays());
    }
}
