package vn.motcua.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal simulator keeps a bounded amount of what it received (plain Java). */
class PortalSimulatorTest {
    private final ObjectMapper json = new ObjectMapper();
    private final PortalSimulator portal = new PortalSimulator(json, null, "client", "secret");

    @Test
    void theDossierHeardOfLongestAgoIsForgottenWithItsStatusesBeyondTheBound() {
        sync("k-first", "DongBoTrangThaiHoSo", "H-0");
        for (int i = 0; i <= PortalSimulator.KEPT_DOSSIERS; i++) {
            sync("k-" + i, "DongBoHoSoMC", "H-" + i);
            if (i == PortalSimulator.KEPT_DOSSIERS / 2) {
                sync("k-again", "DongBoTrangThaiHoSo", "H-1"); // heard of again: kept
            }
        }
        assertThat(portal.dossiers()).hasSize(PortalSimulator.KEPT_DOSSIERS);
        assertThat(portal.dossiers()).doesNotContainKey("H-0").containsKeys("H-1", "H-" + PortalSimulator.KEPT_DOSSIERS);
        assertThat(portal.statuses("H-0")).isEmpty();
        assertThat(portal.statuses("H-1")).hasSize(1);
        // an idempotency key applied once still gets its first answer
        assertThat(sync("k-5", "DongBoHoSoMC", "H-5").path("MaGiaoDich").asText())
                .isEqualTo(sync("k-5", "DongBoHoSoMC", "H-5").path("MaGiaoDich").asText());
        assertThat(portal.repeats()).isEqualTo(2);
    }

    private ObjectNode sync(String key, String service, String code) {
        ArrayNode data = json.createArrayNode();
        data.addObject().put("MaHoSo", code).put("NgayTiepNhan", "20261207080000");
        return portal.sync(key, service, data);
    }
}
