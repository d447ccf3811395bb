package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyHistoryEntry;
import vn.motcua.organization.AgencyNode;
import vn.motcua.organization.AgencyService;

import java.time.LocalDate;
import java.util.List;

/** JSON API of the agency tree (read only). */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies", description = "Cây đơn vị hành chính")
public class AgencyApiController {
    private final AgencyService agencies;

    public AgencyApiController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @GetMapping("/tree")
    @Operation(summary = "Cây đơn vị vào một ngày (mặc định hôm nay)")
    public List<AgencyNode> tree(@RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return agencies.tree(date == null ? agencies.today() : date);
    }

    @GetMapping
    @Operation(summary = "Mọi đơn vị đã từng có, kể cả đã sáp nhập")
    public List<Agency> all() {
        return agencies.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một đơn vị theo mã số")
    public Agency one(@PathVariable long id) {
        return agencies.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Các giai đoạn trực thuộc của đơn vị")
    public List<AgencyHistoryEntry> history(@PathVariable long id) {
        agencies.get(id);
        return agencies.history(id);
    }
}
