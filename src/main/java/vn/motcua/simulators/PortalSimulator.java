package vn.motcua.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.SearchQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The national public-service portal as the province's system sees it: it takes the dossier, status and vote syncs
 * (each idempotency key applied once; a key sent again gets the first answer), answers the catalog operations from a
 * national catalog (the province's own procedures, three of them amended by their ministries, and two new procedures
 * the province has not published yet), counts what it received for reconciliation, and hands dossiers submitted on the
 * portal over to the province.
 * <p>
 * It keeps what it received in memory, so it keeps a bounded amount: the {@value #KEPT_DOSSIERS} dossiers it heard of
 * most recently (their latest whole-dossier message and their status changes; the one heard of longest ago is
 * forgotten with its statuses) and the
 * answers to the last {@value #KEPT_ANSWERS} idempotency keys. A demo province or a test stays far below both; a load
 * test's soak does not, and before the bound the node's heap grew by about 45 MB a minute with the portal's copies.
 */
public class PortalSimulator {
    /** The knobs of the sync API and of the hand-over of dossiers to the province. */
    public final Knobs api = new Knobs();
    public final Knobs handOver = new Knobs();

    private final ObjectMapper json;
    private final CatalogService catalog;
    private final String clientId;
    private final String secret;
    static final int KEPT_DOSSIERS = 10_000;
    static final int KEPT_ANSWERS = 100_000;
    private final Map<String, ObjectNode> answers = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > KEPT_ANSWERS;
        }
    };
    /** The dossiers heard of, least recently first; beyond the bound that one is forgotten with its messages. */
    private final Map<String, Boolean> heardOf = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            if (size() > KEPT_DOSSIERS) {
                dossiers.remove(eldest.getKey());
                statuses.remove(eldest.getKey());
                return true;
            }
            return false;
        }
    };
    private final Map<String, JsonNode> dossiers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> statuses = new ConcurrentHashMap<>();
    private final List<JsonNode> votes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private volatile Map<String, ObjectNode> nationalCatalog;

    PortalSimulator(ObjectMapper json, CatalogService catalog, String clientId, String secret) {
        this.json = json;
        this.catalog = catalog;
        this.clientId = clientId;
        this.secret = secret;
    }

    private final AtomicLong handOvers = new AtomicLong();

    long nextHandOver() {
        return handOvers.incrementAndGet();
    }

    CatalogService catalogService() {
        return catalog;
    }

    String clientId() {
        return clientId;
    }

    String secret() {
        return secret;
    }

    boolean signed(String client, String body, String signature) {
        return clientId.equals(client) && vn.motcua.shared.Hmac.matches(secret, body, signature);
    }

    /** Applies a sync once per idempotency key; the same key again gets the same answer and changes nothing. */
    synchronized ObjectNode sync(String key, String service, JsonNode data) {
        ObjectNode earlier = answers.get(key);
        if (earlier != null) {
            repeats.incrementAndGet();
            return earlier;
        }
        ObjectNode answer = json.createObjectNode();
        for (JsonNode item : data) {
            String code = item.path("MaHoSo").asText();
            if (!service.equals("DongBoDanhGia")) {
                heardOf.put(code, Boolean.TRUE);
            }
            switch (service) {
                case "DongBoHoSoMC" -> dossiers.put(code, item);
                case "DongBoTrangThaiHoSo" -> statuses.computeIfAbsent(code, k -> Collections.synchronizedList(new ArrayList<>())).add(item);
                case "DongBoDanhGia" -> votes.add(item);
                default -> throw new IllegalArgumentException(service);
            }
        }
        answer.put("error_code", 0);
        answer.put("message", "Thành công");
        answer.put("MaGiaoDich", "DVC-" + transactions.incrementAndGet());
        answers.put(key, answer);
        return answer;
    }

    // ---------------------------------------------------------------- what the portal holds (pages, tests, reconciliation)

    public Map<String, JsonNode> dossiers() {
        return Collections.unmodifiableMap(dossiers);
    }

    /** The status changes received for a dossier, in the order they arrived. */
    public List<JsonNode> statuses(String dossierCode) {
        List<JsonNode> list = statuses.get(dossierCode);
        return list == null ? List.of() : List.copyOf(list);
    }

    public int statusCount() {
        return statuses.values().stream().mapToInt(List::size).sum();
    }

    public List<JsonNode> votes() {
        return List.copyOf(votes);
    }

    /** Calls that repeated an idempotency key already applied (answered, not applied again). */
    public long repeats() {
        return repeats.get();
    }

    public synchronized void clear() {
        answers.clear();
        heardOf.clear();
        dossiers.clear();
        statuses.clear();
        votes.clear();
        repeats.set(0);
    }

    /** The dossiers received whose date of receipt (yyyyMMdd…) falls between the two days (inclusive, yyyyMMdd). */
    List<String> receivedBetween(String from, String to) {
        return dossiers.entrySet().stream().filter(e -> {
            String day = e.getValue().path("NgayTiepNhan").asText("");
            day = day.length() >= 8 ? day.substring(0, 8) : "";
            return day.compareTo(from) >= 0 && day.compareTo(to) <= 0;
        }).map(Map.Entry::getKey).sorted().toList();
    }

    /** Forgets a dossier the portal received (to show what reconciliation finds). */
    public void lose(String dossierCode) {
        dossiers.remove(dossierCode);
    }

    // ---------------------------------------------------------------- the national catalog

    Map<String, ObjectNode> catalog() {
        Map<String, ObjectNode> c = nationalCatalog;
        if (c == null) {
            c = buildCatalog();
            nationalCatalog = c;
        }
        return c;
    }

    private Map<String, ObjectNode> buildCatalog() {
        Map<String, ObjectNode> c = new LinkedHashMap<>();
        List<ProcedureSummary> local = catalog.search(SearchQuery.all(), 0, 1000).items();
        int amended = 0;
        for (ProcedureSummary s : local) {
            ProcedureVersion v = catalog.current(s.code());
            ObjectNode n = detail(v.code(), v.name(), v.field() == null ? null : v.field().code(), v.field() == null ? null : v.field().name(),
                    v.level().name(), v.timeLimitDays(), v.fees(), v.components(), v.legalBasis(), v.agencyName());
            if (amended < 3 && v.timeLimitDays().compareTo(BigDecimal.valueOf(3)) > 0) {
                // the ministry shortened these procedures' time limits and updated their legal basis (changes to propose)
                n.put("ThoiHanGiaiQuyet", v.timeLimitDays().subtract(BigDecimal.ONE));
                n.put("CanCuPhapLy", v.legalBasis() + "\nQuyết định công bố sửa đổi của Bộ (giả lập).");
                amended++;
            }
            c.put(v.code(), n);
        }
        ObjectNode fresh = detail("1.013579", "Cấp giấy phép tổ chức lễ hội cấp tỉnh (thủ tục mới công bố)", "G13-VH", "Văn hóa",
                "PROVINCE", BigDecimal.valueOf(10), List.of(), List.of(), "Nghị định 110/2018/NĐ-CP (giả lập)", "Sở Văn hóa, Thể thao và Du lịch");
        c.put("1.013579", fresh);
        c.put("2.002468", detail("2.002468", "Đăng ký hoạt động thư viện ngoài công lập (thủ tục mới công bố)", "G13-VH", "Văn hóa", "COMMUNE",
                BigDecimal.valueOf(5), List.of(), List.of(), "Luật Thư viện 2019 (giả lập)", "UBND cấp xã"));
        return c;
    }

    private ObjectNode detail(String code, String name, String fieldCode, String fieldName, String level, BigDecimal days, List<Fee> fees,
                              List<Component> components, String legalBasis, String agency) {
        ObjectNode n = json.createObjectNode();
        n.put("MaTTHC", code);
        n.put("TenTTHC", name);
        n.put("MaLinhVuc", fieldCode);
        n.put("TenLinhVuc", fieldName);
        n.put("CapThucHien", level);
        n.put("ThoiHanGiaiQuyet", days);
        n.put("CoQuanThucHien", agency);
        n.put("CanCuPhapLy", legalBasis);
        ArrayNode f = n.putArray("PhiLePhi");
        for (Fee fee : fees) {
            ObjectNode x = f.addObject();
            x.put("LoaiPhiLePhi", fee.kind().name());
            x.put("MoTa", fee.description());
            x.put("SoTien", fee.amountVnd());
        }
        ArrayNode parts = n.putArray("ThanhPhanHoSo");
        for (Component comp : components) {
            ObjectNode x = parts.addObject();
            x.put("TenGiayTo", comp.name());
            x.put("BanChinh", comp.originals());
            x.put("BanSao", comp.copies());
            x.put("BatBuoc", comp.required());
        }
        return n;
    }
}
