package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.payment.CollectingAccount;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentTiming;
import vn.motcua.payment.RevenueRow;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.UnavailableException;
import vn.motcua.shared.ValidationException;
import vn.motcua.shared.VietnameseText;
import vn.motcua.shared.web.Attachments;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payment pages: the applicant's and the officer's actions on a dossier's fees (request, pay online, cash, assessed
 * fees), the return page from the payment platform, receipts, the accountants' page (flags, callbacks, reconciliation,
 * refunds), the revenue report (page and Excel) and the settings (when each procedure's fees are paid, collecting accounts).
 */
@Controller
class PaymentPageController {
    private final PaymentService payments;
    private final AgencyService agencies;
    private final vn.motcua.catalog.CatalogService catalog;

    PaymentPageController(PaymentService payments, AgencyService agencies, vn.motcua.catalog.CatalogService catalog) {
        this.payments = payments;
        this.agencies = agencies;
        this.catalog = catalog;
    }

    private static CurrentUser user() {
        return CurrentUser.get().orElseThrow();
    }

    // ------------------------------------------------------------------ on a dossier

    @PostMapping({"/ho-so-cua-toi/{id}/phi", "/can-bo/ho-so/{id}/phi"})
    String request(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest http, RedirectAttributes redirect) {
        Map<Integer, Integer> quantities = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("q-\\d{1,3}") && v != null && !v.isBlank()) {
                try {
                    quantities.put(Integer.parseInt(k.substring(2)), Integer.parseInt(v.trim()));
                } catch (NumberFormatException e) {
                    quantities.put(Integer.parseInt(k.substring(2)), -1);
                }
            }
        });
        return act(http, id, redirect, () -> payments.request(id, quantities, user()), "flash.payment.requested");
    }

    @PostMapping("/can-bo/ho-so/{id}/phi/tham-dinh")
    String assess(@PathVariable long id, @RequestParam(defaultValue = "0") int position, @RequestParam(defaultValue = "0") String amount,
                  HttpServletRequest http, RedirectAttributes redirect) {
        long value;
        try {
            value = Long.parseLong(amount.trim().replace(".", ""));
        } catch (NumberFormatException e) {
            value = -1;
        }
        long v = value;
        return act(http, id, redirect, () -> payments.assess(id, position, v, user()), "flash.payment.requested");
    }

    @PostMapping("/ho-so-cua-toi/{id}/phi/{paymentId}/truc-tuyen")
    String payOnline(@PathVariable long id, @PathVariable long paymentId, RedirectAttributes redirect) {
        Payment p = payments.get(paymentId);
        if (p.dossierId() != id) {
            throw new NotFoundException("Không tìm thấy khoản thanh toán.");
        }
        String returnUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/thanh-toan/ket-qua").toUriString();
        try {
            Payment started = payments.startOnline(paymentId, user(), returnUrl);
            if (started.paymentUrl() != null && started.status().open()) {
                return "redirect:" + started.paymentUrl();
            }
            redirect.addFlashAttribute("saved", "flash.payment.paid");
        } catch (UnavailableException | ConflictException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:/ho-so-cua-toi/" + id + "#payment-box";
    }

    @PostMapping("/can-bo/thanh-toan/{paymentId}/tien-mat")
    String cash(@PathVariable long paymentId, @RequestParam long rowVersion, HttpServletRequest http, RedirectAttributes redirect) {
        Payment p = payments.get(paymentId);
        return act(http, p.dossierId(), redirect, () -> payments.recordCash(paymentId, rowVersion, user()), "flash.payment.cash");
    }

    private String act(HttpServletRequest http, long dossierId, RedirectAttributes redirect, Runnable action, String flash) {
        String back = http.getRequestURI().contains("/ho-so-cua-toi/") ? "/ho-so-cua-toi/" + dossierId : "/can-bo/ho-so/" + dossierId;
        try {
            action.run();
            redirect.addFlashAttribute("saved", flash);
        } catch (ValidationException | ConflictException | UnavailableException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:" + back + "#payment-box";
    }

    /** Where the payment platform sends the payer back: the payment's state, asked again of the platform if still pending. */
    @GetMapping("/thanh-toan/ket-qua")
    String back(@RequestParam(required = false) String orderId, Model model) {
        Optional<Payment> p = orderId == null ? Optional.empty() : payments.byCode(orderId.trim())
                .filter(x -> payments.maySee(user(), x)).map(x -> payments.refresh(x.id()));
        model.addAttribute("payment", p.orElse(null));
        model.addAttribute("orderId", orderId);
        model.addAttribute("dossierLink", p.map(x -> user().has(Role.CITIZEN) ? "/ho-so-cua-toi/" + x.dossierId() : "/can-bo/ho-so/" + x.dossierId())
                .orElse(null));
        return "payment/back";
    }

    /** The status part of the return page, refreshed by htmx while the payment is still pending. */
    @GetMapping("/thanh-toan/ket-qua/trang-thai")
    String backStatus(@RequestParam String orderId, Model model) {
        back(orderId, model);
        return "payment/back :: status";
    }

    @GetMapping("/thanh-toan/{paymentId}/bien-lai.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable long paymentId) {
        Payment p = payments.open(paymentId, user());
        return Attachments.of("bien-lai-" + p.code() + ".pdf", "application/pdf", payments.receipt(p));
    }

    // ------------------------------------------------------------------ accountants

    @GetMapping("/ke-toan")
    String accounting(Model model) {
        CurrentUser u = user();
        model.addAttribute("flagged", payments.flagged(u));
        model.addAttribute("latest", payments.latest(u, 50));
        model.addAttribute("callbacks", payments.callbacks(20));
        model.addAttribute("runs", payments.reconciliations(10));
        model.addAttribute("agencyNames", agencyNames());
        return "payment/accounting";
    }

    @PostMapping("/ke-toan/doi-soat")
    String reconcile(RedirectAttributes redirect) {
        var run = payments.reconcile(user().username());
        redirect.addFlashAttribute("saved", "flash.payment.reconciled|" + run.checked() + "|" + run.changed() + "|" + run.differences()
                + "|" + run.unreachable());
        return "redirect:/ke-toan#runs";
    }

    @PostMapping("/ke-toan/thanh-toan/{paymentId}/hoan-tien")
    String refund(@PathVariable long paymentId, @RequestParam long rowVersion, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        try {
            payments.refund(paymentId, rowVersion, reason, user());
            redirect.addFlashAttribute("saved", "flash.payment.refunded");
        } catch (ValidationException | ConflictException | UnavailableException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:/ke-toan";
    }

    @PostMapping("/ke-toan/thanh-toan/{paymentId}/xu-ly")
    String resolve(@PathVariable long paymentId, @RequestParam long rowVersion, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect) {
        try {
            payments.resolveFlag(paymentId, rowVersion, note, user());
            redirect.addFlashAttribute("saved", "flash.payment.resolved");
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:/ke-toan";
    }

    @GetMapping("/ke-toan/doanh-thu")
    String revenue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) Long agency, Model model) {
        LocalDate today = agencies.today();
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("agency", agency);
        model.addAttribute("agencies", agencies.activeOn(today).stream()
                .filter(a -> a.type() != vn.motcua.organization.AgencyType.ONE_STOP && a.type() != vn.motcua.organization.AgencyType.DIVISION)
                .sorted(VietnameseText.by(Agency::name)).toList());
        try {
            List<RevenueRow> rows = payments.revenue(f, t, agency, user());
            model.addAttribute("rows", rows);
            model.addAttribute("total", RevenueExcel.totals(rows));
        } catch (ValidationException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("total", RevenueExcel.totals(List.of()));
            model.addAttribute("problems", e.problems());
        }
        return "payment/revenue";
    }

    @GetMapping("/ke-toan/doanh-thu.xlsx")
    ResponseEntity<byte[]> revenueExcel(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) Long agency) {
        List<RevenueRow> rows = payments.revenue(from, to, agency, user());
        return Attachments.of("doanh-thu-phi-le-phi-" + from + "-" + to + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RevenueExcel.write(rows, from, to,
                        agency == null ? "Toàn tỉnh (trong phạm vi được giao)" : agencies.get(agency).name()));
    }

    // ------------------------------------------------------------------ settings

    @GetMapping("/quan-tri/thu-phi")
    String settings(@RequestParam(name = "sua", required = false) Long editAgency, Model model) {
        model.addAttribute("editing", editAgency == null ? null : payments.accounts().stream().filter(a -> a.agencyId() == editAgency)
                .findFirst().orElse(null));
        model.addAttribute("procedures", FeeSettings.procedures(payments, catalog));
        model.addAttribute("timings", PaymentTiming.values());
        model.addAttribute("accounts", payments.accounts());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("agencies", agencies.activeOn(agencies.today()).stream().sorted(VietnameseText.by(Agency::name)).toList());
        model.addAttribute("isAdmin", user().has(Role.ADMIN));
        return "payment/settings";
    }

    @PostMapping("/quan-tri/thu-phi/{code}")
    String setTiming(@PathVariable String code, @RequestParam PaymentTiming timing, RedirectAttributes redirect) {
        try {
            payments.setTiming(code, timing, user());
            redirect.addFlashAttribute("saved", "flash.payment.timing");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:/quan-tri/thu-phi";
    }

    @PostMapping("/quan-tri/tai-khoan-thu")
    String saveAccount(@RequestParam long agencyId, @RequestParam(defaultValue = "") String accountNumber,
                       @RequestParam(defaultValue = "") String accountName, @RequestParam(defaultValue = "") String bank,
                       @RequestParam(defaultValue = "") String treasury, @RequestParam(defaultValue = "") String receiptTemplate,
                       @RequestParam(defaultValue = "") String receiptSeries, @RequestParam(defaultValue = "-1") long rowVersion,
                       RedirectAttributes redirect) {
        try {
            payments.saveAccount(new CollectingAccount(agencyId, accountNumber.trim(), accountName.trim(), bank.trim(),
                    treasury.isBlank() ? null : treasury.trim(), receiptTemplate.trim().toUpperCase(), receiptSeries.trim().toUpperCase(),
                    rowVersion), user());
            redirect.addFlashAttribute("saved", "flash.payment.account");
        } catch (ValidationException | ConflictException e) {
            redirect.addFlashAttribute("paymentError", e.getMessage());
        }
        return "redirect:/quan-tri/thu-phi#accounts";
    }

    private Map<Long, String> agencyNames() {
        Map<Long, String> names = new HashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
