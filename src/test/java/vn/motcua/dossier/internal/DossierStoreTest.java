package vn.motcua.dossier.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.Dossier;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier read whole is its row and its five kinds of children as each query reads them alone — on PostgreSQL, where
 * the six are sent in one round trip, as on H2. Checked on the demo's dossiers that have each kind of child.
 */
@IntegrationTest
class DossierStoreTest {
    @Autowired DossierStore store;
    @Autowired JdbcClient jdbc;

    @Test
    void aDossierReadInOneGoIsItsRowWithEachKindOfChildAsReadAlone() {
        List<Long> ids = jdbc.sql("""
                select max(dossier_id) from dossier_apology
                union select max(dossier_id) from dossier_supplement s where exists (select 1 from dossier_supplement_item i where i.supplement_id = s.id)
                union select max(dossier_id) from dossier_file
                union select max(dossier_id) from dossier_document
                union select min(id) from dossier""").query(Long.class).list();
        assertThat(ids).doesNotContainNull().hasSizeGreaterThanOrEqualTo(3);
        for (long id : ids) {
            Dossier row = store.list("id = :id", Map.of("id", id), "id", 1).get(0);
            Dossier expected = row.with(store.documents(id), store.history(id), store.supplements(id), store.apologies(id), store.files(id));
            assertThat(store.find(id)).as("dossier %d", id).contains(expected);
            assertThat(store.findWithOrigin(id)).hasValueSatisfying(f -> {
                assertThat(f.dossier()).isEqualTo(expected);
                assertThat(f.origin()).isEqualTo(store.origin(id).orElseThrow());
            });
        }
        assertThat(ids.stream().map(id -> store.find(id).orElseThrow()))
                .anySatisfy(d -> assertThat(d.apologies()).isNotEmpty())
                .anySatisfy(d -> assertThat(d.supplements()).anySatisfy(s -> assertThat(s.items()).isNotEmpty()))
                .anySatisfy(d -> assertThat(d.files()).isNotEmpty())
                .allSatisfy(d -> assertThat(d.history()).isNotEmpty());
        assertThat(store.find(Long.MAX_VALUE)).isEmpty();
    }
}
