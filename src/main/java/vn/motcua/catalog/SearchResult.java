package vn.motcua.catalog;

import java.util.List;

public record SearchResult(List<ProcedureSummary> items, long total, int page, int size) {
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
