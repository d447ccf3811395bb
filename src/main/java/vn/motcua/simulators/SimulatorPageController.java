package vn.motcua.simulators;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.QrCodes;

import java.util.Base64;
import java.util.List;

/** The simulators' pages: the inbox of everything the systems received, their knobs, and the payment platform's pay page. */
@Controller
@ConditionalOnProperty(name = "motcua.simulators.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorPageController {
    static final List<String> SYSTEMS = List.of("paygov", "paygov-callback", "sms", "zalo", "dvcqg", "dvcqg-handover", "vneid", "csdldc", "vnpost",
            "vnpost-callback");
    private final Simulators sims;
    private final vn.motcua.catalog.CatalogService catalog;
    private final vn.motcua.organization.AgencyService agencies;

    SimulatorPageController(Simulators sims, vn.motcua.catalog.CatalogService catalog, vn.motcua.organization.AgencyService agencies) {
        this.sims = sims;
        this.catalog = catalog;
        this.agencies = agencies;
    }

    /** A citizen submits a dossier on the national portal, which hands it over to the province. */
    @PostMapping("/gia-lap/dvcqg/nop-ho-so")
    String handOver(@RequestParam String procedureCode, @RequestParam String counterCode, @RequestParam(required = false) String communeCode,
                    @RequestParam String idNumber, @RequestParam(defaultValue = "false") boolean vneid, RedirectAttributes redirect) {
        Simulators.Answer a = sims.handOver(procedureCode, counterCode, communeCode, idNumber, vneid);
        redirect.addFlashAttribute("success", "Cổng DVCQG đã chuyển hồ sơ; tỉnh trả lời " + a.status() + ": " + a.body());
        return "redirect:/gia-lap#dvcqg";
    }

    @GetMapping("/gia-lap")
    String inbox(Model model, org.springframework.security.web.csrf.CsrfToken csrf) {
        // the knobs' forms come after long lists: make the form token (and the visitor's session) before the page is written
        csrf.getToken();
        model.addAttribute("transactions", sims.payGov().latest(50));
        model.addAttribute("sms", sims.sms().latest(50));
        model.addAttribute("zalo", sims.zalo().latest(50));
        model.addAttribute("mails", sims.mails(50));
        model.addAttribute("mailRunning", sims.mailRunning());
        model.addAttribute("systems", SYSTEMS);
        model.addAttribute("portal", sims.portal());
        model.addAttribute("portalDossiers", sims.portal().dossiers().values().stream().limit(30).toList());
        model.addAttribute("citizens", sims.national().citizens());
        model.addAttribute("postOrders", sims.national().orders().stream().limit(30).toList());
        model.addAttribute("procedures", catalog.search(vn.motcua.catalog.SearchQuery.all(), 0, 1000).items());
        model.addAttribute("counters", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == vn.motcua.organization.AgencyType.ONE_STOP).toList());
        model.addAttribute("communes", agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.type() == vn.motcua.organization.AgencyType.COMMUNE_COMMITTEE).toList());
        model.addAttribute("knobs", SYSTEMS.stream().map(s -> sims.knobs(s).orElseThrow().settings()).toList());
        return "simulators/inbox";
    }

    @PostMapping("/gia-lap/{system}/dieu-khien")
    String control(@PathVariable String system, @RequestParam(defaultValue = "0") long delayMillis, @RequestParam(defaultValue = "0") int failNext,
                   @RequestParam(defaultValue = "0") int failPercent, @RequestParam(defaultValue = "false") boolean down,
                   @RequestParam(defaultValue = "false") boolean twice, @RequestParam(defaultValue = "0") int timeoutPercent,
                   @RequestParam(defaultValue = "30000") long timeoutMillis, RedirectAttributes redirect) {
        Knobs k = sims.knobs(system).orElseThrow(() -> new NotFoundException("Không có hệ thống giả lập " + system + "."));
        k.set(new Knobs.Settings(delayMillis, failNext, failPercent, down, twice, timeoutPercent, timeoutMillis));
        redirect.addFlashAttribute("success", "Đã đổi cách hoạt động của hệ thống giả lập " + system + ".");
        return "redirect:/gia-lap#knobs";
    }

    @GetMapping("/sim/paygov/thanh-toan/{id}")
    String payPage(@PathVariable String id, Model model) {
        PayGovSimulator.Transaction t = sims.payGov().byId(id).orElseThrow(() -> new NotFoundException("Không có giao dịch " + id + "."));
        model.addAttribute("t", t);
        model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
                QrCodes.png("PAYGOV|" + t.id() + "|" + t.amount(), 200)));
        return "simulators/pay";
    }

    @PostMapping("/sim/paygov/thanh-toan/{id}")
    String pay(@PathVariable String id, @RequestParam(defaultValue = "BANK") String instrument, @RequestParam(defaultValue = "") String bank,
               @RequestParam(defaultValue = "PAID") String outcome) {
        PayGovSimulator pg = sims.payGov();
        PayGovSimulator.Transaction t = pg.byId(id).orElseThrow(() -> new NotFoundException("Không có giao dịch " + id + "."));
        PayGovSimulator.Status status = switch (outcome) {
            case "FAILED" -> PayGovSimulator.Status.FAILED;
            case "CANCELLED" -> PayGovSimulator.Status.CANCELLED;
            default -> PayGovSimulator.Status.PAID;
        };
        String how = List.of("BANK", "QR", "CARD", "WALLET").contains(instrument) ? instrument : "BANK";
        pg.finish(t, status, how, bank.isBlank() ? null : bank.trim(), t.amount());
        if (t.returnUrl() == null || t.returnUrl().isBlank()) {
            return "redirect:/gia-lap";
        }
        return "redirect:" + UriComponentsBuilder.fromUriString(t.returnUrl()).queryParam("orderId", t.orderId())
                .queryParam("status", t.status().name()).build().toUriString();
    }
}
