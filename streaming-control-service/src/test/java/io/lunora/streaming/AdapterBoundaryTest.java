package io.lunora.streaming;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** AWS SDK types stay in the adapters: MediaLive's, and DynamoDB's of the sessions. */
class AdapterBoundaryTest {
    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.lunora.streaming");

    @Test
    void shouldKeepSdkTypesInAdapterPackages() {
        noClasses().that().resideOutsideOfPackages("..media.medialive..", "..sessions.dynamo..", "..alerts.dynamo..", "..recordings.s3..", "..adapter..",
                        // InternalChannelController turns the MediaLive backend's SDK failures into a 503 (not ours to move)
                        "..streaming.internal..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .because("the domain and the API know the stores and the media backend by their ports only")
                .check(classes);
    }

    @Test
    void shouldKeepTheSessionsDomainFreeOfItsAdapter() {
        noClasses().that().resideInAPackage("io.lunora.streaming.sessions")
                .should().dependOnClassesThat().resideInAPackage("..sessions.dynamo..")
                .check(classes);
    }
}
