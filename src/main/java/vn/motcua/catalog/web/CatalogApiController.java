package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.DecisionInfo;
import vn.motcua.catalog.MonthlyStatistic;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureAdminService;
import vn.motcua.catalog.ProcedureDraft;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.PublicationAction;
import vn.motcua.catalog.PublishRequest;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.catalog.SearchResult;
import vn.motcua.catalog.VersionHistoryEntry;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the procedure catalog. Reading is public; changing needs a TTHC-control officer or administrator. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Danh mục thủ tục hành chính")
public class CatalogApiController {
    private final CatalogService catalog;
    private final ProcedureAdminService admin;

    public CatalogApiController(CatalogService catalog, ProcedureAdminService admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GetMapping("/procedures")
    @Operation(summary = "Tìm thủ tục đang có hiệu lực (không phân biệt dấu, hoa thường)")
    public SearchResult search(@RequestParam(name = "q", required = false) String q,
                               @RequestParam(name = "agency", required = false) Long agency,
                               @RequestParam(name = "field", required = false) Long field,
                               @RequestParam(name = "level", required = false) ProcedureLevel level,
                               @RequestParam(name = "online", required = false) OnlineLevel online,
                               @RequestParam(name = "page", defaultValue = "1") int page,
                               @RequestParam(name = "size", defaultValue = "20") int size) {
        return catalog.search(new SearchQuery(q, agency, field, level, online), page, size);
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "Phiên bản của thủ tục có hiệu lực hôm nay, hoặc vào ngày 'date' (yyyy-MM-dd)")
    public ProcedureVersion procedure(@PathVariable String code,
                                      @RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date == null) {
            return catalog.current(code);
        }
        return catalog.inForceOn(code, date).orElseThrow(() -> new NotFoundException(
                "Thủ tục " + code + " không có phiên bản nào có hiệu lực vào ngày " + date + "."));
    }

    @GetMapping("/procedures/{code}/versions")
    @Operation(summary = "Lịch sử phiên bản đã công bố")
    public List<VersionHistoryEntry> versions(@PathVariable String code) {
        return catalog.history(code, false);
    }

    @GetMapping("/procedures/{code}/versions/{versionNo}")
    @Operation(summary = "Một phiên bản đã công bố của thủ tục, theo số thứ tự phiên bản")
    public ProcedureVersion version(@PathVariable String code, @PathVariable int versionNo) {
        return catalog.publishedVersion(code, versionNo);
    }

    @GetMapping("/fields")
    @Operation(summary = "Các lĩnh vực thủ tục hành chính")
    public List<ProcedureField> fields() {
        return catalog.fields();
    }

    @GetMapping("/statistics/publications")
    @Operation(summary = "Số thủ tục công bố mới, sửa đổi, thay thế, bãi bỏ theo tháng và cơ quan")
    public List<MonthlyStatistic> statistics(@RequestParam(name = "year") int year) {
        if (year < 2000 || year > 2100) {
            throw ValidationException.of("year", "Năm phải từ 2000 đến 2100.");
        }
        return catalog.monthlyStatistics(year);
    }

    public record Created(long versionId) {
    }

    @PostMapping("/procedures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Tạo thủ tục mới dưới dạng dự thảo")
    public Created create(@RequestBody ProcedureDraft draft) {
        return new Created(admin.createProcedure(draft, List.of(), ActingUsers.current()));
    }

    @PostMapping("/procedures/{code}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Mở dự thảo sửa đổi, bổ sung (sao chép phiên bản đang công bố)")
    public Created amend(@PathVariable String code) {
        return new Created(admin.startAmendment(code, ActingUsers.current()));
    }

    @GetMapping("/drafts/{id}")
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Dự thảo đang soạn (cán bộ kiểm soát TTHC)")
    public ProcedureVersion draft(@PathVariable long id) {
        return admin.draftForEdit(id, ActingUsers.current());
    }

    public record DraftUpdate(long rowVersion, ProcedureDraft draft) {
    }

    @PutMapping("/drafts/{id}")
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Lưu dự thảo; rowVersion phải khớp bản đang lưu (phát hiện sửa đồng thời)")
    public ProcedureVersion saveDraft(@PathVariable long id, @RequestBody DraftUpdate update) {
        if (update.draft() == null) {
            throw ValidationException.of("draft", "Thiếu nội dung dự thảo.");
        }
        return admin.saveDraft(id, update.rowVersion(), update.draft(), List.of(), ActingUsers.current());
    }

    public record Publication(long rowVersion, PublicationAction action, String replacesCode, DecisionInfo decision) {
    }

    @PostMapping("/drafts/{id}/publication")
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Công bố dự thảo theo quyết định (mới, sửa đổi bổ sung, thay thế)")
    public ProcedureVersion publish(@PathVariable long id, @RequestBody Publication p) {
        return admin.publish(new PublishRequest(id, p.rowVersion(), p.action(), p.replacesCode(), p.decision()), ActingUsers.current());
    }

    @PostMapping("/procedures/{code}/abolition")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('TTHC_CONTROL','ADMIN')")
    @Operation(summary = "Bãi bỏ thủ tục theo quyết định")
    public void abolish(@PathVariable String code, @RequestBody DecisionInfo decision) {
        admin.abolish(code, decision, ActingUsers.current());
    }
}
