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
    void writesModuleDiagrams() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "spring-modulith-docs");
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        // docs/architecture.md points readers at these: the whole map with every module, and one diagram per module
        String map = java.nio.file.Files.readString(dir.resolve("components.puml"));
        assertThat(map).startsWith("@startuml");
        for (ApplicationModule m : modules) {
            assertThat(map).as("the map shows " + m.getName()).contains("\"" + m.getDisplayName() + "\"");
            assertThat(java.nio.file.Files.readString(dir.resolve("module-" + m.getName() + ".puml"))).as(m.getName())
                    .startsWith("@startuml").contains("\"" + m.getDisplayName() + "\"");
        }
    }
}
