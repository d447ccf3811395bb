package vn.motcua.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.dossier.Dossier;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.integration.internal.OutboxStore;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyService;
import vn.motcua.organization.AgencyType;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.Problems;
import vn.motcua.shared.ValidationException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public post (bưu chính công ích): an applicant books a pick-up of the paper dossier to a one-stop unit; a result to
 * be sent by post gets a delivery order when it is approved. Orders reach the post through the outbox; its tracking
 * callbacks (each applied once) move the order and show on the dossier's pages.
 */
@Service
public class PostService {
    private static final Pattern PHONE = Pattern.compile("0\\d{9,10}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final String COLUMNS = """
            id, order_code, kind, dossier_id, dossier_code, procedure_code, receiving_agency_id, sender_name, sender_phone, sender_address,
            receiver_name, receiver_address, carrier_code, price, status, status_note, created_at, created_by, updated_at, row_version""";

    private final JdbcClient jdbc;
    private final OutboxStore outbox;
    private final AgencyService agencies;
    private final CatalogService catalog;
    private final ObjectMapper json;
    private final IntegrationProperties props;
    private final AuditLog audit;
    private final Clock clock;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.core.env.Environment env;

    PostService(JdbcClient jdbc, OutboxStore outbox, AgencyService agencies, CatalogService catalog, ObjectMapper json,
                IntegrationProperties props, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.agencies = agencies;
        this.catalog = catalog;
        this.json = json;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    private final RowMapper<PostOrder> order = (rs, n) -> new PostOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
            rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12), rs.getString(13), rs.getObject(14, Long.class), rs.getString(15), rs.getString(16),
            rs.getObject(17, LocalDateTime.class), rs.getString(18), rs.getObject(19, LocalDateTime.class), rs.getLong(20), List.of());

    private PostOrder withEvents(PostOrder o) {
        List<PostOrder.Event> events = jdbc.sql("select status, note, at from post_order_event where order_id = ? order by at, id").param(o.id())
                .query((rs, n) -> new PostOrder.Event(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class))).list();
        return new PostOrder(o.id(), o.orderCode(), o.kind(), o.dossierId(), o.dossierCode(), o.procedureCode(), o.receivingAgencyId(), o.senderName(),
                o.senderPhone(), o.senderAddress(), o.receiverName(), o.receiverAddress(), o.carrierCode(), o.price(), o.status(), o.statusNote(),
                o.createdAt(), o.createdBy(), o.updatedAt(), o.rowVersion(), events);
    }

    /** What an applicant asks the post to fetch. */
    public record PickupRequest(String procedureCode, Long receivingAgencyId, String name, String phone, String address) {
    }

    /** An applicant books the post to fetch the paper dossier and bring it to the chosen one-stop unit. */
    @Transactional
    public PostOrder requestPickup(PickupRequest r, CurrentUser applicant) {
        Problems p = new Problems();
        ProcedureVersion v = r.procedureCode() == null ? null : catalog.inForceOn(r.procedureCode().trim(), agencies.today()).orElse(null);
        p.require(v != null, "procedureCode", "Chọn thủ tục đang được công bố.");
        p.require(v == null || v.byPost(), "procedureCode", "Thủ tục này không nhận hồ sơ qua dịch vụ bưu chính công ích.");
        Agency counter = r.receivingAgencyId() == null ? null : agencies.activeOn(agencies.today()).stream()
                .filter(a -> a.id() == r.receivingAgencyId() && a.type() == AgencyType.ONE_STOP).findFirst().orElse(null);
        p.require(counter != null, "receivingAgencyId", "Chọn bộ phận một cửa nhận hồ sơ.");
        p.require(r.name() != null && !r.name().isBlank() && r.name().length() <= 200, "name", "Nhập họ tên người gửi.");
        p.require(r.phone() != null && PHONE.matcher(r.phone().trim()).matches(), "phone", "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0.");
        p.require(r.address() != null && r.address().trim().length() >= 10 && r.address().length() <= 500, "address",
                "Nhập địa chỉ để bưu tá đến nhận hồ sơ (số nhà, đường, xã/phường).");
        p.throwIfAny();
        PostOrder o = insert("PICKUP", null, null, v.code(), counter.id(), r.name().trim(), r.phone().trim(), r.address().trim(),
                counter.name(), counter.address() == null ? counter.name() : counter.address(), applicant.username());
        queue(o);
        return o;
    }

    /** A delivery order for a result to be sent by post (called when the result is approved); once per dossier. */
    @Transactional
    public Optional<PostOrder> requestDelivery(Dossier d) {
        if (jdbc.sql("select count(*) from post_order where dossier_id = ? and kind = 'DELIVERY' and status <> 'CANCELLED'").param(d.id())
                .query(Long.class).single() > 0) {
            return Optional.empty();
        }
        Agency counter = agencies.get(d.receivingAgencyId());
        String address = d.applicant().address() == null || d.applicant().address().isBlank() ? "(chưa có địa chỉ)" : d.applicant().address();
        PostOrder o = insert("DELIVERY", d.id(), d.code(), d.procedureCode(), counter.id(), counter.name(),
                counter.phone() == null ? "0000000000" : counter.phone(), counter.address() == null ? counter.name() : counter.address(),
                d.applicant().name(), address, "system");
        queue(o);
        return Optional.of(o);
    }

    private PostOrder insert(String kind, Long dossierId, String dossierCode, String procedureCode, long agencyId, String senderName, String senderPhone,
                             String senderAddress, String receiverName, String receiverAddress, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        String code = (kind.equals("PICKUP") ? "BCN-" : "BCP-") + STAMP.format(now) + "-" + jdbc.sql("select count(*) + 1 from post_order")
                .query(Long.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into post_order (order_code, kind, dossier_id, dossier_code, procedure_code, receiving_agency_id, sender_name, sender_phone,
                  sender_address, receiver_name, receiver_address, status, created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""")
                .params(code, kind, dossierId, dossierCode, procedureCode, agencyId, senderName, senderPhone, senderAddress, receiverName,
                        receiverAddress, now, by, now).update(keys, "id");
        PostOrder o = get(keys.getKey().longValue());
        audit.recordAs(by, "post.order-requested", "post_order", o.id(), null, Map.of("kind", kind, "code", code));
        return o;
    }

    private void queue(PostOrder o) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaDonHang", o.orderCode());
        body.put("LoaiDon", o.kind());
        body.put("MaHoSo", o.dossierCode());
        body.put("NguoiGui", Map.of("HoTen", o.senderName(), "SoDienThoai", o.senderPhone(), "DiaChi", o.senderAddress()));
        body.put("NguoiNhan", Map.of("HoTen", o.receiverName(), "DiaChi", o.receiverAddress()));
        body.put("KhoiLuong", 300);
        body.put("DiaChiNhanTrangThai", callbackUrl());
        try {
            outbox.add("VNPOST:TaoDonHang:" + o.orderCode(), "VNPOST", "TaoDonHang", "post:" + o.orderCode(), o.dossierId(), o.dossierCode(),
                    (o.pickup() ? "Đơn thu gom hồ sơ " : "Đơn phát kết quả ") + o.orderCode(), json.writeValueAsString(body), LocalDateTime.now(clock));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String callbackUrl() {
        return vn.motcua.shared.LocalAddress.resolve(props.callbackBaseUrl(), env) + "/api/v1/partners/post/callback";
    }

    /** The post took the order (the outbox's answer): its carrier code and price. */
    @Transactional
    public void accepted(String orderCode, String carrierCode, long price) {
        jdbc.sql("""
                update post_order set carrier_code = ?, price = ?, status = case when status = 'REQUESTED' then 'ACCEPTED' else status end,
                  updated_at = ?, row_version = row_version + 1 where order_code = ?""").params(carrierCode, price, LocalDateTime.now(clock), orderCode).update();
    }

    /** A tracking callback of the post, applied once per event id; answers what happened. */
    @Transactional
    public PartnerCall tracking(JsonNode r) {
        Problems p = new Problems();
        String eventId = r.path("SuKienId").asText("");
        String status = r.path("TrangThai").asText("");
        p.require(!eventId.isBlank() && eventId.length() <= 120, "SuKienId", "Thiếu mã sự kiện.");
        p.require(List.of("ACCEPTED", "PICKED_UP", "IN_TRANSIT", "DELIVERED", "FAILED", "RETURNED", "CANCELLED").contains(status), "TrangThai",
                "Trạng thái không hợp lệ.");
        p.throwIfAny();
        PostOrder o = jdbc.sql("select " + COLUMNS + " from post_order where order_code = ?").param(r.path("MaDonHang").asText("")).query(order)
                .optional().orElseThrow(() -> new NotFoundException("Không có đơn hàng " + r.path("MaDonHang").asText() + "."));
        if (jdbc.sql("select count(*) from post_order_event where event_key = ?").param(eventId).query(Long.class).single() > 0) {
            return new PartnerCall("DUPLICATE", o.dossierCode(), "Sự kiện đã được ghi nhận trước đó.");
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(r.path("ThoiGian").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("ThoiGian", "Thời gian phải theo dạng yyyy-MM-ddTHH:mm:ss.");
        }
        String note = r.path("GhiChu").asText(null);
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("insert into post_order_event (order_id, event_key, status, note, at, received_at) values (?, ?, ?, ?, ?, ?)")
                .params(o.id(), eventId, status, note == null ? null : note.length() > 500 ? note.substring(0, 500) : note, at, now).update();
        // the latest event by its time wins (callbacks may arrive out of order)
        String latest = jdbc.sql("select status from post_order_event where order_id = ? order by at desc, id desc").param(o.id())
                .query(String.class).list().get(0);
        jdbc.sql("update post_order set status = ?, status_note = ?, carrier_code = coalesce(carrier_code, ?), updated_at = ?, row_version = row_version + 1 where id = ?")
                .params(latest, note, r.path("MaVanDon").asText(null), now, o.id()).update();
        audit.recordAs("VNPOST", "post.tracking", "post_order", o.id(), Map.of("status", o.status()), Map.of("status", latest));
        return new PartnerCall("UPDATED", o.dossierCode(), PostOrder.label(latest));
    }

    public PostOrder get(long id) {
        return jdbc.sql("select " + COLUMNS + " from post_order where id = ?").param(id).query(order).optional().map(this::withEvents)
                .orElseThrow(() -> new NotFoundException("Không có đơn hàng bưu chính này."));
    }

    public List<PostOrder> ofDossier(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from post_order where dossier_id = ? order by id").param(dossierId).query(order).list().stream()
                .map(this::withEvents).toList();
    }

    public List<PostOrder> mine(CurrentUser user) {
        return jdbc.sql("select " + COLUMNS + " from post_order where created_by = ? order by id desc").param(user.username()).query(order).list()
                .stream().map(this::withEvents).toList();
    }

    /** The orders of the one-stop units the officer receives at (pick-ups on their way or arrived, deliveries), newest first. */
    public List<PostOrder> forOfficer(CurrentUser officer, int limit) {
        var units = officer.unitsFor(Role.RECEIVING_OFFICER);
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from post_order where receiving_agency_id in (:units) order by id desc").param("units", units)
                .query(order).list().stream().limit(limit).map(this::withEvents).toList();
    }

    /**
     * A pick-up order that has arrived links to the dossier the officer entered from it (same procedure, same unit, the
     * sender's phone or name as the applicant's); called when a dossier arrived by post.
     */
    @Transactional
    public Optional<PostOrder> linkArrived(Dossier d) {
        List<PostOrder> open = jdbc.sql("select " + COLUMNS + " " + """
                 from post_order where kind = 'PICKUP' and dossier_id is null and procedure_code = ? and receiving_agency_id = ?
                 order by id""").params(d.procedureCode(), d.receivingAgencyId()).query(order).list();
        for (PostOrder o : open) {
            boolean same = (d.applicant().phone() != null && d.applicant().phone().equals(o.senderPhone()))
                    || vn.motcua.shared.VietnameseText.fold(d.applicant().name()).equals(vn.motcua.shared.VietnameseText.fold(o.senderName()));
            if (same) {
                jdbc.sql("update post_order set dossier_id = ?, dossier_code = ?, row_version = row_version + 1 where id = ?").params(d.id(), d.code(), o.id()).update();
                return Optional.of(get(o.id()));
            }
        }
        return Optional.empty();
    }
}
