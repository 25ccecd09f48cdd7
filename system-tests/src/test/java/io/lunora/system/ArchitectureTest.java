package io.lunora.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule: a service never uses another service's code; what they share is
 * {@code common-model} (plain records, no Spring) and the {@code service-support} library.
 */
class ArchitectureTest {
    static final List<String> SERVICES = List.of("auth", "gateway", "source", "destination", "preset",
            "streaming", "engine", "viewer");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lunora");
    }

    @Test
    void shouldKeepEveryServiceIndependentOfTheOthers() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                    .map(s -> "io.lunora." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.lunora." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services talk over HTTP, never through each other's classes")
                    .check(classes);
        }
    }

    @Test
    void shouldKeepCommonModelFreeOfSpringAndPersistence() {
        noClasses().that().resideInAPackage("io.lunora.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "software.amazon..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void shouldKeepSharedLibrariesIndependentOfServices() {
        String[] services = SERVICES.stream().map(s -> "io.lunora." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("io.lunora.model..", "io.lunora.support..")
                .should().dependOnClassesThat().resideInAnyPackage(services)
                .check(classes);
    }

    @Test
    void shouldFindTheServicesOnTheClasspath() {
        for (String service : SERVICES) {
            classes().that().resideInAPackage("io.lunora." + service + "..")
                    .should().haveSimpleNameNotEndingWith("Impl")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }
}
