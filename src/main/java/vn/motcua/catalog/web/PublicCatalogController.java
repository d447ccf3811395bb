package vn.motcua.catalog.web;

import vn.motcua.shared.web.Attachments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.catalog.VersionStatus;
import vn.motcua.shared.NotFoundException;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.rules.RuleSetService;
import vn.motcua.shared.VietnameseText;
import vn.motcua.catalog.CatalogProperties;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FormFile;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.QrCodes;

import java.time.Duration;
import java.util.List;

/** Public pages of the catalog: no login needed. */
@Controller
public class PublicCatalogController {
    private final CatalogService catalog;
    private final AgencyService agencies;
    private final CatalogProperties properties;
    private final WorkingCalendarService calendars;
    private final RuleSetService ruleSets;

    public PublicCatalogController(CatalogService catalog, AgencyService agencies, CatalogProperties properties, WorkingCalendarService calendars,
                                   RuleSetService ruleSets) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.properties = properties;
        this.calendars = calendars;
        this.ruleSets = ruleSets;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("total", catalog.search(SearchQuery.all(), 1, 1).total());
        return "home";
    }

    @GetMapping("/thu-tuc")
    String search(@RequestParam(name = "q", required = false) String q,
                  @RequestParam(name = "agency", required = false) Long agency,
                  @RequestParam(name = "field", required = false) Long field,
                  @RequestParam(name = "level", required = false) ProcedureLevel level,
                  @RequestParam(name = "online", required = false) OnlineLevel online,
                  @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        SearchQuery query = new SearchQuery(q, agency, field, level, online);
        model.addAttribute("q", q);
        model.addAttribute("query", query);
        model.addAttribute("result", catalog.search(query, page, 20));
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("agencies", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == AgencyType.DEPARTMENT || a.type() == AgencyType.PROVINCE_COMMITTEE)
                .sorted(VietnameseText.by(Agency::name)).toList());
        model.addAttribute("levels", levelsInUse(agencies));
        model.addAttribute("onlineLevels", OnlineLevel.values());
        return "catalog/search";
    }

    @GetMapping("/thu-tuc/{code}")
    String procedure(@PathVariable String code, Model model) {
        ProcedureVersion v = catalog.inForceOn(code, agencies.today()).orElseGet(() -> catalog.latestPublished(code));
        return show(v, model);
    }

    @GetMapping("/thu-tuc/{code}/phien-ban/{versionNo}")
    String version(@PathVariable String code, @PathVariable int versionNo, Model model) {
        return show(catalog.publishedVersion(code, versionNo), model);
    }

    /**
     * Levels of government that exist today: the district level ended on 1 July 2025, so it is offered only while
     * district committees are in force (or a search asks for it explicitly).
     */
    static List<ProcedureLevel> levelsInUse(AgencyService agencies) {
        var active = agencies.activeOn(agencies.today());
        return java.util.Arrays.stream(ProcedureLevel.values()).filter(l -> switch (l) {
            case PROVINCE -> true;
            case DISTRICT -> active.stream().anyMatch(a -> a.type() == AgencyType.DISTRICT_COMMITTEE);
            case COMMUNE -> active.stream().anyMatch(a -> a.type() == AgencyType.COMMUNE_COMMITTEE);
        }).toList();
    }

    private String show(ProcedureVersion v, Model model) {
        model.addAttribute("officeHours", calendars.calendar().hours());
        model.addAttribute("cutoff", ruleSets.inForceOn(agencies.today()).cutoff());
        model.addAttribute("v", v);
        model.addAttribute("current", v.inForceOn(agencies.today()));
        model.addAttribute("history", catalog.history(v.code(), false));
        return "catalog/procedure";
    }

    @GetMapping("/thu-tuc/{code}/niem-yet")
    String posting(@PathVariable String code, @RequestParam(name = "v", required = false) Integer versionNo,
                   HttpServletRequest request, Model model) {
        ProcedureVersion v = versionNo == null ? catalog.current(code) : catalog.publishedVersion(code, versionNo);
        model.addAttribute("officeHours", calendars.calendar().hours());
        model.addAttribute("cutoff", ruleSets.inForceOn(agencies.today()).cutoff());
        model.addAttribute("v", v);
        model.addAttribute("link", publicLink(code, request));
        return "catalog/posting";
    }

    @GetMapping(value = "/thu-tuc/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String code, HttpServletRequest request) {
        catalog.latestPublished(code);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .contentType(MediaType.IMAGE_PNG).body(QrCodes.png(publicLink(code, request), 320));
    }

    @GetMapping("/thu-tuc/bieu-mau/{versionId}/{componentId}")
    ResponseEntity<byte[]> form(@PathVariable long versionId, @PathVariable long componentId) {
        // a draft is not public: its forms are for the TTHC-control officers preparing it
        boolean mayReadDrafts = CurrentUser.get().map(u -> u.has(Role.TTHC_CONTROL) || u.has(Role.ADMIN)).orElse(false);
        if (catalog.version(versionId).status() == VersionStatus.DRAFT && !mayReadDrafts) {
            throw new NotFoundException("Không tìm thấy biểu mẫu.");
        }
        FormFile f = catalog.formFile(versionId, componentId);
        return Attachments.of(f.filename(), f.contentType(), f.content());
    }

    @GetMapping("/thong-ke/cong-bo")
    String statistics(@RequestParam(name = "nam", required = false) Integer year, Model model) {
        int y = year == null || year < 2000 || year > 2100 ? agencies.today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("stats", catalog.monthlyStatistics(y));
        return "catalog/stats";
    }

    /** The address of a procedure's public page, for QR codes. */
    private String publicLink(String code, HttpServletRequest request) {
        String base = properties.publicBaseUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                : properties.publicBaseUrl();
        return base + "/thu-tuc/" + code;
    }
}
