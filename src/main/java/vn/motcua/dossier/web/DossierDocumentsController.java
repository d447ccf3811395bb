package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.internal.DossierPdfs;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.shared.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The forms of a dossier as PDF, for its officers and its applicant. */
@Controller
public class DossierDocumentsController {
    private final DossierService dossiers;
    private final DossierPdfs pdfs;
    private final AgencyService agencies;
    private final AccountService accounts;

    public DossierDocumentsController(DossierService dossiers, DossierPdfs pdfs, AgencyService agencies, AccountService accounts) {
        this.dossiers = dossiers;
        this.pdfs = pdfs;
        this.agencies = agencies;
        this.accounts = accounts;
    }

    @GetMapping("/ho-so/{id}/phieu/{kind}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String kind, HttpServletRequest request) {
        Dossier d = dossiers.get(id);
        CurrentUser user = CurrentUser.get().orElseThrow();
        if (!dossiers.maySee(user, d)) {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }
        DossierPdfs.Issuer issuer = issuer(d);
        String tracking = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                + "/tra-cuu?ma=" + d.code();
        byte[] body = switch (kind) {
            case "tiep-nhan" -> {
                require(d.receivedAt() != null, "Hồ sơ chưa được tiếp nhận.");
                yield pdfs.receipt(d, issuer, tracking);
            }
            case "bo-sung" -> pdfs.supplementRequest(d, issuer, tracking, lastNote(d, DossierAction.REQUEST_SUPPLEMENT_AT_INTAKE, DossierAction.PAUSE));
            case "tu-choi" -> pdfs.refusal(d, issuer, tracking, lastNote(d, DossierAction.REFUSE));
            case "xin-loi" -> {
                require(d.lateExplanation() != null, "Hồ sơ chưa có Phiếu xin lỗi, hẹn lại.");
                yield pdfs.apology(d, issuer, tracking, agencies.get(d.handlingAgencyId()).name());
            }
            case "kiem-soat" -> {
                Map<String, String> names = accounts.list().stream().collect(Collectors.toMap(a -> a.username(), a -> a.fullName()));
                List<String> actors = d.events().stream().map(e -> names.getOrDefault(e.actor(), e.actor())).toList();
                yield pdfs.controlSheet(d, issuer, tracking, actors);
            }
            default -> throw new NotFoundException("Không có biểu mẫu \"" + kind + "\".");
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(kind + "-" + d.code() + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    private DossierPdfs.Issuer issuer(Dossier d) {
        Map<Long, Agency> all = agencies.all().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        Agency unit = all.get(d.receivingAgencyId());
        Agency parent = unit.parentId() == null ? unit : all.get(unit.parentId());
        return new DossierPdfs.Issuer(parent.name(), unit.name());
    }

    private static String lastNote(Dossier d, DossierAction... actions) {
        List<DossierAction> wanted = List.of(actions);
        return d.events().stream().filter(e -> wanted.contains(e.action())).reduce((a, b) -> b).map(DossierEvent::note)
                .orElseThrow(() -> new NotFoundException("Hồ sơ không có phiếu này."));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new NotFoundException(message);
        }
    }
}
