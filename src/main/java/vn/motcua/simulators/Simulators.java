package vn.motcua.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The running simulators, for their pages and for the tests. */
public class Simulators {
    private final PayGovSimulator payGov;
    private final MessageInbox sms;
    private final MessageInbox zalo;
    private final GreenMail mail;
    private final String smsKey;
    private final String zaloToken;
    private final PortalSimulator portal;
    private final NationalSimulators national;

    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final org.springframework.core.env.Environment env;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(3)).build();

    Simulators(PayGovSimulator payGov, MessageInbox sms, MessageInbox zalo, GreenMail mail, String smsKey, String zaloToken, PortalSimulator portal,
               NationalSimulators national, com.fasterxml.jackson.databind.ObjectMapper json, org.springframework.core.env.Environment env) {
        this.json = json;
        this.env = env;
        this.portal = portal;
        this.national = national;
        this.payGov = payGov;
        this.sms = sms;
        this.zalo = zalo;
        this.mail = mail;
        this.smsKey = smsKey;
        this.zaloToken = zaloToken;
    }

    public PayGovSimulator payGov() {
        return payGov;
    }

    public PortalSimulator portal() {
        return portal;
    }

    /** The identity provider, the population database and the public post. */
    public NationalSimulators national() {
        return national;
    }

    public MessageInbox sms() {
        return sms;
    }

    public MessageInbox zalo() {
        return zalo;
    }

    String smsKey() {
        return smsKey;
    }

    String zaloToken() {
        return zaloToken;
    }

    /** The knobs of a system by its name on the page: paygov, paygov-callback, sms, zalo, dvcqg, dvcqg-handover, csdldc, vnpost, vnpost-callback, vneid. */
    public Optional<Knobs> knobs(String system) {
        return Optional.ofNullable(switch (system) {
            case "paygov" -> payGov.api;
            case "paygov-callback" -> payGov.callback;
            case "sms" -> sms.knobs;
            case "zalo" -> zalo.knobs;
            case "dvcqg" -> portal.api;
            case "dvcqg-handover" -> portal.handOver;
            case "csdldc" -> national.population;
            case "vnpost" -> national.post;
            case "vnpost-callback" -> national.postCallback;
            case "vneid" -> national.identity;
            default -> null;
        });
    }

    /** An e-mail the mail simulator received. */
    public record Mail(String to, String subject, String text, LocalDateTime at) {
    }

    public boolean mailRunning() {
        return mail != null;
    }

    public List<Mail> mails(int n) {
        if (mail == null) {
            return List.of();
        }
        List<Mail> list = new ArrayList<>();
        for (var m : mail.getReceivedMessages()) {
            try {
                String to = String.join(", ", Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
                LocalDateTime at = m.getSentDate() == null ? null : LocalDateTime.ofInstant(m.getSentDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
                Object content = m.getContent();
                list.add(new Mail(to, m.getSubject(), content instanceof String text ? text : GreenMailUtil.getBody(m), at));
            } catch (MessagingException | java.io.IOException e) {
                list.add(new Mail("?", "?", e.getMessage(), null));
            }
        }
        Collections.reverse(list);
        return list.subList(0, Math.min(n, list.size()));
    }

    /** Forgets every transaction and message and resets every knob (tests). */
    public void clear() {
        payGov.clear();
        sms.clear();
        zalo.clear();
    }

    @PreDestroy
    void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    // ---------------------------------------------------------------- calls the simulated systems make to the province

    /** The answer of a call from a simulated system to the province. */
    public record Answer(int status, String body) {
    }

    /** A signed JSON POST from a simulated system to the province (the address may contain {port}). */
    public Answer post(String address, String body, String clientId, String secret, String idempotencyKey) {
        String url = vn.motcua.shared.LocalAddress.resolve(address, env);
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(20))
                    .header("Content-Type", "application/json; charset=utf-8").header("X-Client-Id", clientId)
                    .header("X-Signature", vn.motcua.shared.Hmac.sha256Hex(secret, body))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            var r = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /**
     * The post moves an order to its next status (or the one given) and calls the province back, twice when its knob
     * says so; returns the province's answer (status 0 when the callback knob kept it from being sent).
     */
    public Answer advancePost(String carrierCode, String status) {
        NationalSimulators.Order o = national.orderByCarrierCode(carrierCode)
                .orElseThrow(() -> new vn.motcua.shared.NotFoundException("Không có vận đơn " + carrierCode + "."));
        String next = status != null && !status.isBlank() ? status : NationalSimulators.next(o.status());
        if (next == null) {
            return new Answer(0, "Đơn đã kết thúc");
        }
        o.statuses.add(next);
        if (o.callbackUrl == null || national.postCallback.call() != Knobs.Trouble.NONE) {
            return new Answer(0, "Không gọi lại");
        }
        var body = json.createObjectNode();
        body.put("MaVanDon", o.carrierCode);
        body.put("MaDonHang", o.orderCode);
        body.put("TrangThai", next);
        body.put("ThoiGian", java.time.LocalDateTime.now().withNano(0).toString());
        body.put("GhiChu", switch (next) {
            case "PICKED_UP" -> "Bưu tá đã nhận bưu gửi";
            case "IN_TRANSIT" -> "Đang vận chuyển";
            case "DELIVERED" -> "Đã phát thành công";
            case "FAILED" -> "Phát không thành công: không liên lạc được người nhận";
            default -> next;
        });
        body.put("SuKienId", o.carrierCode + ":" + o.statuses.size());
        String text = body.toString();
        Answer a = post(o.callbackUrl, text, "VNPOST", national.postSecret, null);
        if (national.postCallback.twice()) {
            a = post(o.callbackUrl, text, "VNPOST", national.postSecret, null);
        }
        return a;
    }

    /**
     * A citizen submits a dossier on the national portal: the portal hands it to the province (signed, with a one-page
     * PDF for each required component), twice when its hand-over knob says so. Returns the province's last answer.
     */
    public Answer handOver(String procedureCode, String counterCode, String idNumber, boolean vneid) {
        return handOver(procedureCode, counterCode, null, idNumber, vneid);
    }

    /** The same, for a commune-level procedure: the applicant's commune (its local code) goes with the dossier. */
    public Answer handOver(String procedureCode, String counterCode, String communeCode, String idNumber, boolean vneid) {
        var citizen = national.citizen(idNumber).orElseThrow(() -> new vn.motcua.shared.NotFoundException("Không có công dân " + idNumber + " trong CSDL giả lập."));
        var v = portal.catalogService().current(procedureCode);
        var body = json.createObjectNode();
        String code = "G22.99-" + java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE).substring(2) + "-"
                + String.format("%05d", portal.nextHandOver());
        body.put("MaHoSoDVCQG", code);
        body.put("MaTTHC", procedureCode);
        body.put("NoiTiepNhan", counterCode);
        if (communeCode != null && !communeCode.isBlank()) {
            body.put("MaXaPhuong", communeCode);
        }
        body.put("XacThucVNeID", vneid);
        body.put("NoiNhanKetQua", "ONLINE");
        var owner = body.putObject("ChuHoSo");
        owner.put("HoTen", citizen.name());
        owner.put("SoDinhDanh", citizen.idNumber());
        owner.put("SoDienThoai", citizen.phone());
        owner.put("DiaChi", citizen.currentAddress());
        var files = body.putArray("TepDinhKem");
        for (var c : v.components()) {
            if (c.required() && !c.showOnly()) {
                var f = files.addObject();
                f.put("ThuTuThanhPhan", c.position());
                f.put("TenTep", "thanh-phan-" + c.position() + ".pdf");
                f.put("LoaiTep", "application/pdf");
                f.put("NoiDung", java.util.Base64.getEncoder().encodeToString(onePagePdf(c.name())));
            }
        }
        String text = body.toString();
        String address = "http://127.0.0.1:{port}/api/v1/partners/portal/dossiers";
        if (portal.handOver.call() != Knobs.Trouble.NONE) {
            return new Answer(0, "Cổng chưa chuyển được hồ sơ " + code);
        }
        Answer a = post(address, text, "DVCQG", portal.secret(), null);
        if (portal.handOver.twice()) {
            a = post(address, text, "DVCQG", portal.secret(), null);
        }
        return a;
    }

    /** A valid one-page PDF naming the component (what a citizen scanned). */
    static byte[] onePagePdf(String title) {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText(vn.motcua.shared.VietnameseText.unaccented(title).replaceAll("[^\\x20-\\x7E]", "?"));
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
