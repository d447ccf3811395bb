package vn.motcua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails when a module reaches into another's internals or modules form a cycle. */
class ModularityTest {
    private final ApplicationModules modules = ApplicationModules.of(MotCuaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleMapInTheDocsNamesEveryModule() throws Exception {
        Set<String> names = modules.stream().map(ApplicationModule::getName).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("shared", "organization", "identity", "rules", "catalog", "calendar", "dossier", "demo", "audit", "documents", "payment", "notification", "simulators", "feedback", "integration", "control", "broker", "quality");
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/architecture.md"));
        for (String name : names) {
            assertThat(doc).as("docs/architecture.md mentions module " + name).contains("`" + name + "`");
        }
    }

    @Test
    void productionCodeNeverDependsOnTheSimulators() {
        ApplicationModule simulators = modules.getModuleByName("simulators").orElseThrow();
        modules.stream().filter(m -> !m.equals(simulators)).forEach(m -> assertThat(m.getDependencies(modules).contains(simulators))
                .as(m.getName() + " must not depend on the simulators").isFalse());
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
