package vn.motcua.dossier.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.shared.QrCodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one-stop forms of Circular 01/2018/TT-VPCP as PDF: receipt and appointment (Mẫu 01), request to
 * supplement (02), refusal (03), apology and new appointment (04), control sheet (05). Every form carries
 * the dossier code and a QR code for public tracking.
 */
@Component
public class DossierPdfs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private final BaseFont regular;
    private final BaseFont bold;

    public DossierPdfs() {
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
    }

    private static BaseFont font(String file) {
        try (InputStream in = DossierPdfs.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who issues the form: the unit that received the dossier and the body it belongs to. */
    public record Issuer(String parentName, String unitName) {
    }

    public byte[] receipt(Dossier d, Issuer issuer, String trackingUrl) {
        return form(d, issuer, trackingUrl, "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", doc -> {
            text(doc, issuer.unitName() + " đã tiếp nhận hồ sơ của: " + d.applicant().name());
            contact(doc, d);
            text(doc, "Nội dung yêu cầu giải quyết: " + d.procedureName() + " (mã thủ tục " + d.procedureCode() + ").");
            text(doc, "Hình thức nộp: " + d.channel().label() + ".");
            documents(doc, d.documents());
            text(doc, "Thời gian giải quyết hồ sơ theo quy định là " + days(d) + " ngày làm việc.");
            strong(doc, "Thời gian nhận hồ sơ: " + TIME.format(d.receivedAt()));
            strong(doc, "Thời gian trả kết quả giải quyết hồ sơ: " + TIME.format(d.dueAt()));
            text(doc, "Vào Sổ theo dõi hồ sơ, Quyển số: 01/" + d.receivedAt().getYear() + ", Số thứ tự: " + d.code());
        });
    }

    public byte[] supplementRequest(Dossier d, Issuer issuer, String trackingUrl, String requested) {
        return form(d, issuer, trackingUrl, "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", doc -> {
            text(doc, issuer.unitName() + " tiếp nhận hồ sơ của: " + d.applicant().name());
            contact(doc, d);
            text(doc, "Nội dung yêu cầu giải quyết: " + d.procedureName() + " (mã thủ tục " + d.procedureCode() + ").");
            text(doc, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau (chỉ trong thành phần hồ sơ đã được công bố):");
            for (String line : requested.split("\n")) {
                text(doc, line);
            }
            text(doc, "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ bộ phận tiếp nhận để được hướng dẫn.");
        });
    }

    public byte[] refusal(Dossier d, Issuer issuer, String trackingUrl, String reason) {
        return form(d, issuer, trackingUrl, "Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", doc -> {
            text(doc, issuer.unitName() + " tiếp nhận hồ sơ của: " + d.applicant().name());
            contact(doc, d);
            text(doc, "Nội dung yêu cầu giải quyết: " + d.procedureName() + " (mã thủ tục " + d.procedureCode() + ").");
            text(doc, "Qua xem xét, cơ quan tiếp nhận thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
            strong(doc, reason);
            text(doc, "Xin thông báo để ông/bà được biết và thực hiện.");
        });
    }

    public byte[] apology(Dossier d, Issuer issuer, String trackingUrl, String handlingName) {
        return form(d, issuer, trackingUrl, "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", doc -> {
            text(doc, "Kính gửi: " + d.applicant().name());
            text(doc, "Ngày " + SHORT.format(d.receivedAt()) + ", " + issuer.unitName() + " tiếp nhận giải quyết hồ sơ "
                    + d.procedureName() + " của ông/bà; thời gian hẹn trả kết quả: " + TIME.format(d.dueAt()) + ".");
            text(doc, "Tuy nhiên đến nay, " + handlingName + " chưa trả kết quả giải quyết hồ sơ của ông/bà. Lý do:");
            strong(doc, d.lateExplanation());
            text(doc, "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. Chúng tôi thành thật xin lỗi ông/bà và hẹn lại thời gian trả kết quả:");
            strong(doc, TIME.format(d.newAppointmentAt()));
            text(doc, "Rất mong nhận được sự thông cảm của ông/bà.");
        });
    }

    public byte[] controlSheet(Dossier d, Issuer issuer, String trackingUrl, List<String> actorNames) {
        return form(d, issuer, trackingUrl, "Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", doc -> {
            text(doc, "Kèm theo hồ sơ của: " + d.applicant().name() + " — " + d.procedureName());
            text(doc, "Ngày nhận: " + (d.receivedAt() == null ? "—" : TIME.format(d.receivedAt())) + ". Hạn trả kết quả: "
                    + (d.dueAt() == null ? "—" : TIME.format(d.dueAt())) + (d.newAppointmentAt() == null ? "" : "; hẹn lại: " + TIME.format(d.newAppointmentAt())));
            PdfPTable table = new PdfPTable(new float[]{4, 6, 5, 7});
            table.setWidthPercentage(100);
            header(table, "Thời gian", "Công việc", "Người thực hiện", "Kết quả, ghi chú");
            int i = 0;
            for (DossierEvent e : d.events()) {
                cell(table, SHORT.format(e.at()));
                cell(table, e.action().label() + (e.step() == null ? "" : " (bước " + e.step() + ")"));
                cell(table, i < actorNames.size() ? actorNames.get(i) : e.actor());
                cell(table, e.note() == null ? "" : e.note());
                i++;
            }
            add(doc, table);
        });
    }

    // ---------------------------------------------------------------- layout

    private byte[] form(Dossier d, Issuer issuer, String trackingUrl, String formNo, String title, Consumer<Document> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 48, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCompressionLevel(9);
            doc.addTitle(title + " — " + d.code());
            doc.addCreator("MotCua");
            doc.open();
            Paragraph form = new Paragraph(formNo + " (Thông tư số 01/2018/TT-VPCP)", new Font(regular, 8, Font.ITALIC));
            form.setAlignment(Element.ALIGN_RIGHT);
            doc.add(form);
            PdfPTable head = new PdfPTable(new float[]{1, 1});
            head.setWidthPercentage(100);
            PdfPCell left = new PdfPCell();
            left.setBorder(0);
            left.addElement(centered(issuer.parentName().toUpperCase(), regular, 10));
            left.addElement(centered(issuer.unitName().toUpperCase(), bold, 10));
            left.addElement(centered("Số: " + d.code(), regular, 9));
            PdfPCell right = new PdfPCell();
            right.setBorder(0);
            right.addElement(centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 10));
            right.addElement(centered("Độc lập - Tự do - Hạnh phúc", bold, 10));
            right.addElement(centered(place(LocalDateTime.now()), new Font(regular, 9, Font.ITALIC)));
            head.addCell(left);
            head.addCell(right);
            doc.add(head);
            Paragraph t = centered(title, bold, 13);
            t.setSpacingBefore(14);
            t.setSpacingAfter(4);
            doc.add(t);
            doc.add(centered("Mã hồ sơ: " + d.code(), bold, 10));
            body.accept(doc);
            Image qr = Image.getInstance(QrCodes.png(trackingUrl, 240));
            qr.scaleAbsolute(90, 90);
            PdfPTable foot = new PdfPTable(new float[]{1, 3});
            foot.setWidthPercentage(100);
            foot.setSpacingBefore(16);
            PdfPCell qrCell = new PdfPCell(qr, false);
            qrCell.setBorder(0);
            foot.addCell(qrCell);
            PdfPCell note = new PdfPCell();
            note.setBorder(0);
            note.addElement(new Paragraph("Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập " + trackingUrl
                    + " và nhập mã hồ sơ cùng 4 số cuối điện thoại hoặc số định danh.", new Font(regular, 9)));
            note.addElement(new Paragraph("NGƯỜI NỘP HỒ SƠ                                   NGƯỜI TIẾP NHẬN HỒ SƠ", new Font(bold, 9)));
            note.addElement(new Paragraph("(Ký và ghi rõ họ tên)                                   (Ký và ghi rõ họ tên)", new Font(regular, 8, Font.ITALIC)));
            foot.addCell(note);
            doc.add(foot);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Không tạo được tệp PDF", e);
        }
        return out.toByteArray();
    }

    private static String place(LocalDateTime now) {
        return "ngày " + now.getDayOfMonth() + " tháng " + now.getMonthValue() + " năm " + now.getYear();
    }

    private Paragraph centered(String s, BaseFont f, float size) {
        return centered(s, new Font(f, size));
    }

    private static Paragraph centered(String s, Font font) {
        Paragraph p = new Paragraph(s, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private void text(Document doc, String s) {
        Paragraph p = new Paragraph(s == null ? "" : s, new Font(regular, 11));
        p.setSpacingBefore(4);
        add(doc, p);
    }

    private void strong(Document doc, String s) {
        Paragraph p = new Paragraph(s == null ? "" : s, new Font(bold, 11));
        p.setSpacingBefore(4);
        add(doc, p);
    }

    private void contact(Document doc, Dossier d) {
        text(doc, "Số định danh: " + orDash(d.applicant().idNumber()) + "    Điện thoại: " + orDash(d.applicant().phone())
                + "    Thư điện tử: " + orDash(d.applicant().email()));
        if (d.applicant().address() != null) {
            text(doc, "Địa chỉ: " + d.applicant().address());
        }
    }

    private void documents(Document doc, List<DossierDocument> docs) {
        text(doc, "Thành phần hồ sơ nộp gồm:");
        PdfPTable table = new PdfPTable(new float[]{1, 12, 3, 3});
        table.setWidthPercentage(100);
        header(table, "TT", "Tên giấy tờ", "Bản chính", "Bản sao");
        int i = 1;
        for (DossierDocument x : docs) {
            if (!x.present()) {
                continue;
            }
            cell(table, String.valueOf(i++));
            cell(table, x.componentName());
            cell(table, String.valueOf(x.originals()));
            cell(table, String.valueOf(x.copies()));
        }
        add(doc, table);
    }

    private void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell c = new PdfPCell(new Phrase(title, new Font(bold, 9)));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(c);
        }
    }

    private void cell(PdfPTable table, String s) {
        table.addCell(new PdfPCell(new Phrase(s == null ? "" : s, new Font(regular, 9))));
    }

    private static void add(Document doc, Element e) {
        try {
            doc.add(e);
        } catch (DocumentException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    private static String days(Dossier d) {
        return d.timeLimitDays().stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
