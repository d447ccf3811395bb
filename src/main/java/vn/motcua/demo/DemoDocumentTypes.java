package vn.motcua.demo;

import org.springframework.stereotype.Component;
import vn.motcua.documents.DocumentTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's document-type catalog: the kinds of documents the demo procedures ask for and issue, and which
 * component (by name) of which procedure is which kind — so that, for example, the land-use certificate issued by
 * one procedure is offered again when the same person applies for a construction permit.
 */
@Component
class DemoDocumentTypes {
    private static final String[][] TYPES = {
            {"GIAY_TO_TUY_THAN", "Giấy tờ tùy thân (thẻ căn cước, hộ chiếu)", null},
            {"GIAY_CHUNG_SINH", "Giấy chứng sinh", null},
            {"GIAY_KHAI_SINH", "Giấy khai sinh", null},
            {"GIAY_BAO_TU", "Giấy báo tử, giấy chứng tử", null},
            {"XAC_NHAN_HON_NHAN", "Giấy xác nhận tình trạng hôn nhân", "6"},
            {"GCN_KET_HON", "Giấy chứng nhận kết hôn", null},
            {"LY_LICH_TU_PHAP", "Phiếu lý lịch tư pháp", "6"},
            {"GCN_QSDD", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", null},
            {"GCN_DKDN", "Giấy chứng nhận đăng ký doanh nghiệp", null},
            {"GCN_HKD", "Giấy chứng nhận đăng ký hộ kinh doanh", null},
            {"GIAY_KHAM_SUC_KHOE", "Giấy khám sức khỏe", "6"},
            {"GIAY_PHEP_XAY_DUNG", "Giấy phép xây dựng", null},
            {"GIAY_PHEP_LAI_XE", "Giấy phép lái xe", null},
            {"BAN_SAO_CHUNG_THUC", "Bản sao được chứng thực từ bản chính", null},
    };

    /** procedure code → component name (or the result) → type. */
    private static final Map<String, Map<String, String>> MAPPINGS = new LinkedHashMap<>();

    static {
        map("1.001193", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh", "GIAY_CHUNG_SINH",
                DocumentTypes.RESULT, "GIAY_KHAI_SINH");
        map("1.000894", "Giấy xác nhận tình trạng hôn nhân (trường hợp cư trú nơi khác)", "XAC_NHAN_HON_NHAN", DocumentTypes.RESULT, "GCN_KET_HON");
        map("1.000656", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "GIAY_BAO_TU");
        map("1.004884", "Giấy chứng sinh", "GIAY_CHUNG_SINH", DocumentTypes.RESULT, "GIAY_KHAI_SINH");
        map("2.000815", DocumentTypes.RESULT, "BAN_SAO_CHUNG_THUC");
        map("1.001078", "Bản chụp giấy tờ tùy thân", "GIAY_TO_TUY_THAN", DocumentTypes.RESULT, "LY_LICH_TU_PHAP");
        map("1.003179", "Phiếu lý lịch tư pháp của người nhận con nuôi", "LY_LICH_TU_PHAP", "Văn bản về tình trạng sức khỏe", "GIAY_KHAM_SUC_KHOE");
        map("1.002009", "Giấy chứng nhận quyền sử dụng đất", "GCN_QSDD");
        map("1.012760", "Giấy tờ về quyền sử dụng đất", "GCN_QSDD", DocumentTypes.RESULT, "GCN_QSDD");
        map("1.012767", "Giấy chứng nhận đã cấp", "GCN_QSDD", DocumentTypes.RESULT, "GCN_QSDD");
        map("1.012779", "Giấy chứng nhận quyền sử dụng đất", "GCN_QSDD");
        map("1.004441", DocumentTypes.RESULT, "GCN_QSDD");
        map("2.001610", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp", "GIAY_TO_TUY_THAN", DocumentTypes.RESULT, "GCN_DKDN");
        map("2.002027", "Bản sao giấy tờ pháp lý của thành viên", "GIAY_TO_TUY_THAN", DocumentTypes.RESULT, "GCN_DKDN");
        map("2.002036", DocumentTypes.RESULT, "GCN_DKDN");
        map("2.000575", DocumentTypes.RESULT, "GCN_HKD");
        map("1.009972", "Bản sao giấy tờ về quyền sử dụng đất", "GCN_QSDD", DocumentTypes.RESULT, "GIAY_PHEP_XAY_DUNG");
        map("1.003622", "Bản sao giấy chứng nhận đăng ký doanh nghiệp", "GCN_DKDN");
        map("2.001009", "Giấy khám sức khỏe", "GIAY_KHAM_SUC_KHOE", DocumentTypes.RESULT, "GIAY_PHEP_LAI_XE");
        map("1.001758", "Bản sao giấy chứng tử", "GIAY_BAO_TU");
    }

    private final DocumentTypes types;

    DemoDocumentTypes(DocumentTypes types) {
        this.types = types;
    }

    void load() {
        for (String[] t : TYPES) {
            types.create(t[0], t[1], t[2] == null ? null : Integer.valueOf(t[2]), null);
        }
        MAPPINGS.forEach((procedure, mapping) -> types.map(procedure, mapping, procedure.equals("2.000815")));
    }

    private static void map(String procedure, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        MAPPINGS.put(procedure, m);
    }

    static List<String> procedures() {
        return List.copyOf(MAPPINGS.keySet());
    }
}
