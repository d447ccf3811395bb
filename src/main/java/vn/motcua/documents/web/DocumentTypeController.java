package vn.motcua.documents.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.SearchQuery;
import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DocumentTypes;
import vn.motcua.shared.ConflictException;
import vn.motcua.shared.FieldProblem;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document-type catalog for TTHC-control officers: the kinds of documents, and for each procedure which kind each
 * published component and the result is, and whether the result is an electronic certified copy.
 */
@Controller
public class DocumentTypeController {
    private final DocumentTypes types;
    private final CatalogService catalog;

    public DocumentTypeController(DocumentTypes types, CatalogService catalog) {
        this.types = types;
        this.catalog = catalog;
    }

    @GetMapping("/quan-tri/loai-giay-to")
    String page(@RequestParam(name = "thuTuc", required = false) String procedure, @RequestParam(name = "q", required = false) String q,
                Model model) {
        return page(model, procedure, q, List.of());
    }

    private String page(Model model, String procedure, String q, List<FieldProblem> problems) {
        model.addAttribute("types", types.types());
        model.addAttribute("problems", problems);
        model.addAttribute("q", q);
        model.addAttribute("found", catalog.search(new SearchQuery(q, null, null, null, null), 1, 100).items());
        if (procedure != null && !procedure.isBlank()) {
            ProcedureVersion v;
            try {
                v = catalog.current(procedure.trim());
            } catch (NotFoundException e) {
                model.addAttribute("problems", List.of(new FieldProblem("thuTuc", e.getMessage())));
                return "documents/types";
            }
            model.addAttribute("v", v);
            model.addAttribute("mapping", types.mappings(v.code()));
            model.addAttribute("resultKey", DocumentTypes.RESULT);
            model.addAttribute("certifiedCopy", types.certifiedCopy(v.code()));
        }
        return "documents/types";
    }

    @PostMapping("/quan-tri/loai-giay-to")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Integer validityMonths, @RequestParam(required = false) String description, Model model,
                  RedirectAttributes redirect) {
        try {
            DocumentType t = types.create(code, name, validityMonths, description);
            redirect.addFlashAttribute("saved", "flash.documents.typeSaved|" + t.name());
            return "redirect:/quan-tri/loai-giay-to";
        } catch (ValidationException e) {
            model.addAttribute("entered", Map.of("code", String.valueOf(code), "name", name == null ? "" : name));
            return page(model, null, null, e.problems());
        }
    }

    @PostMapping("/quan-tri/loai-giay-to/{code}")
    String update(@PathVariable String code, @RequestParam long rowVersion, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Integer validityMonths, @RequestParam(required = false) String description, Model model,
                  RedirectAttributes redirect) {
        try {
            DocumentType t = types.update(code, rowVersion, name, validityMonths, description);
            redirect.addFlashAttribute("saved", "flash.documents.typeSaved|" + t.name());
            return "redirect:/quan-tri/loai-giay-to";
        } catch (ValidationException e) {
            return page(model, null, null, e.problems());
        } catch (ConflictException e) {
            return page(model, null, null, List.of(new FieldProblem("rowVersion", e.getMessage())));
        }
    }

    @PostMapping("/quan-tri/loai-giay-to/anh-xa")
    String map(@RequestParam(name = "thuTuc") String procedure, @RequestParam(required = false) boolean certifiedCopy,
               @RequestParam Map<String, String> all, Model model, RedirectAttributes redirect) {
        ProcedureVersion v = catalog.current(procedure.trim());
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Component c : v.components()) {
            mapping.put(c.name(), all.get("loai-" + c.id()));
        }
        mapping.put(DocumentTypes.RESULT, all.get("loai-ket-qua"));
        try {
            types.map(v.code(), mapping, certifiedCopy);
            redirect.addFlashAttribute("saved", "flash.documents.mappingSaved|" + v.code());
            return "redirect:/quan-tri/loai-giay-to?thuTuc=" + v.code();
        } catch (ValidationException e) {
            return page(model, v.code(), null, e.problems());
        }
    }

}
