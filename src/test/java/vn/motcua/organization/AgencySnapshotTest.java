package vn.motcua.organization;

import org.junit.jupiter.api.Test;
import vn.motcua.organization.internal.AgencyRecord;
import vn.motcua.organization.internal.AgencySnapshot;
import vn.motcua.organization.internal.ParentLink;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree on a date, computed in plain Java: a district that ended on 01/07/2025 with its commune merged. */
class AgencySnapshotTest {
    static final LocalDate START = LocalDate.of(2000, 1, 1);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    static AgencyRecord unit(long id, String name, AgencyType type, LocalDate from, LocalDate until, Long successor) {
        return new AgencyRecord(id, "U" + id, name, null, type, from, until, successor, null, null, null, null, null);
    }

    final List<AgencyRecord> units = List.of(
            unit(1, "Tỉnh", AgencyType.PROVINCE_COMMITTEE, START, null, null),
            unit(2, "Huyện", AgencyType.DISTRICT_COMMITTEE, START, REFORM, 1L),
            unit(3, "Xã cũ", AgencyType.COMMUNE_COMMITTEE, START, REFORM, 4L),
            unit(4, "Xã mới", AgencyType.COMMUNE_COMMITTEE, REFORM, null, null),
            unit(5, "Một cửa xã cũ", AgencyType.ONE_STOP, START, null, null));
    final List<ParentLink> links = List.of(
            new ParentLink(1, 2, 1, START, REFORM),
            new ParentLink(2, 3, 2, START, REFORM),
            new ParentLink(3, 4, 1, REFORM, null),
            new ParentLink(4, 5, 3, START, REFORM),
            new ParentLink(5, 5, 4, REFORM, null));

    @Test
    void treeBeforeTheReform() {
        AgencySnapshot s = new AgencySnapshot(REFORM.minusDays(1), units, links);
        assertThat(s.roots()).singleElement().satisfies(root -> {
            assertThat(root.agency().name()).isEqualTo("Tỉnh");
            assertThat(root.children()).extracting(n -> n.agency().name()).containsExactly("Huyện");
            assertThat(root.children().get(0).children()).extracting(n -> n.agency().name()).containsExactly("Xã cũ");
        });
        assertThat(s.isWithin(5, 2)).isTrue();
    }

    @Test
    void treeAfterTheReform() {
        AgencySnapshot s = new AgencySnapshot(REFORM, units, links);
        assertThat(s.active()).extracting(Agency::name).containsExactlyInAnyOrder("Tỉnh", "Xã mới", "Một cửa xã cũ");
        assertThat(s.children(1)).extracting(Agency::name).containsExactly("Xã mới");
        assertThat(s.subtree(1)).containsExactlyInAnyOrder(1L, 4L, 5L);
        assertThat(s.isWithin(5, 4)).isTrue();
        assertThat(s.isWithin(5, 2)).isFalse();
    }

    @Test
    void endedUnitsKeepTheirLastParentAndPointToTheirSuccessor() {
        AgencySnapshot s = new AgencySnapshot(LocalDate.of(2026, 1, 1), units, links);
        assertThat(s.find(3)).get().satisfies(a -> {
            assertThat(a.parentId()).isEqualTo(2L);
            assertThat(a.activeOn(LocalDate.of(2026, 1, 1))).isFalse();
        });
        assertThat(s.successorOnDate(3)).get().extracting(Agency::name).isEqualTo("Xã mới");
        assertThat(s.successorOnDate(2)).get().extracting(Agency::name).isEqualTo("Tỉnh");
        assertThat(s.isWithin(3, 1)).isTrue();
    }

    @Test
    void unitsNotYetEstablishedAreAbsent() {
        AgencySnapshot s = new AgencySnapshot(LocalDate.of(1999, 12, 31), units, links);
        assertThat(s.active()).isEmpty();
        assertThat(s.successorOnDate(4)).isEmpty();
    }
}
