package vn.motcua.integration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.PopulationRegistry;
import vn.motcua.integration.IntegrationProperties;
import vn.motcua.shared.UnavailableException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The population database through the provincial data-sharing platform (LGSP): verifies a citizen by ID number, name
 * and birth date and returns what it holds. A lookup waits at most 5 seconds: the officer goes on without it otherwise.
 */
@Component
class PopulationClient implements PopulationRegistry {
    private final PartnerHttp http;
    private final IntegrationProperties props;
    private final ObjectMapper json;

    PopulationClient(PartnerHttp http, IntegrationProperties props, ObjectMapper json) {
        this.http = http;
        this.props = props;
        this.json = json;
    }

    @Override
    public Check verify(String idNumber, String name, LocalDate birthDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("SoDinhDanh", idNumber);
        body.put("HoVaTen", name);
        body.put("NgaySinh", birthDate.toString());
        JsonNode a;
        try {
            a = http.post(props.population(), "/xac-thuc-cong-dan", json.writeValueAsString(body), null, Duration.ofSeconds(5));
        } catch (PartnerHttp.Failed e) {
            throw new UnavailableException("Cơ sở dữ liệu quốc gia về dân cư chưa trả lời (" + e.getMessage()
                    + "). Hãy tiếp nhận theo giấy tờ người nộp xuất trình và đối chiếu lại sau.", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!a.path("KetQua").asBoolean(false)) {
            return new Check(false, a.path("LyDo").asText("Không khớp"), Optional.empty());
        }
        JsonNode c = a.path("ThongTinCongDan");
        LocalDate birth;
        try {
            birth = LocalDate.parse(c.path("NgaySinh").asText());
        } catch (DateTimeParseException e) {
            birth = birthDate;
        }
        return new Check(true, a.path("LyDo").asText("Khớp"), Optional.of(new Citizen(c.path("SoDinhDanh").asText(), c.path("HoVaTen").asText(),
                birth, c.path("GioiTinh").asText(null), c.path("NoiThuongTru").asText(null), c.path("NoiOHienTai").asText(null))));
    }
}
