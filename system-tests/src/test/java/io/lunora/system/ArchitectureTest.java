package io.lunora.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule: a service never uses another service's code; what they share is
 * {@code common-model} (plain records, no Spring) and the {@code service-support} library.
 * Inside a module: the AWS SDK stays in adapter packages, packages form no cycle, and controllers
 * reach storage only through services (docs/architecture.md, "Module structure").
 */
class ArchitectureTest {
    /**
     * Where AWS SDK types may appear: packages named after the technology they adapt to, and
     * service-support's secret stores (its SSM adapter sits next to the local one).
     */
    static final String[] ADAPTER_PACKAGES = {"..dynamo..", "..aws..", "..cognito..", "..medialive..", "..s3..", "..ses..",
            "io.lunora.support.secrets.."};

    /** ArchUnit does not count a caught exception type as a dependency; a {@code catch} of an SDK exception is a leak too. */
    static final ArchCondition<JavaClass> CATCH_AWS_SDK_EXCEPTIONS = new ArchCondition<>("catch exceptions of the AWS SDK") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                for (TryCatchBlock block : codeUnit.getTryCatchBlocks()) {
                    for (JavaClass caught : block.getCaughtThrowables()) {
                        events.add(new SimpleConditionEvent(javaClass, caught.getPackageName().startsWith("software.amazon."),
                                codeUnit.getFullName() + " catches " + caught.getName() + " in " + block.getSourceCodeLocation()));
                    }
                }
            }
        }
    };

    static final ArchRule AWS_SDK_ONLY_IN_ADAPTERS = noClasses().that().resideOutsideOfPackages(ADAPTER_PACKAGES)
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .orShould(CATCH_AWS_SDK_EXCEPTIONS)
            .because("storage and cloud adapters translate SDK types and exceptions into the module's own;"
                    + " services and controllers never see them");

    /** One slice per package below the module's root, sub-packages (adapters) included: {@code io.lunora.viewer.profile..}. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.lunora.(*).(*)..").namingSlices("$1.$2")
            .should().beFreeOfCycles();

    static final ArchRule CONTROLLERS_GO_THROUGH_SERVICES = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("a controller maps HTTP to a service; the service owns the rules and the storage port");

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

    @Test
    void shouldKeepAwsSdkTypesInAdapterPackages() {
        AWS_SDK_ONLY_IN_ADAPTERS.check(classes);
    }

    @Test
    void shouldKeepEveryModuleFreeOfPackageCycles() {
        NO_PACKAGE_CYCLES.check(classes);
    }

    @Test
    void shouldKeepControllersAwayFromStores() {
        CONTROLLERS_GO_THROUGH_SERVICES.check(classes);
    }
}
