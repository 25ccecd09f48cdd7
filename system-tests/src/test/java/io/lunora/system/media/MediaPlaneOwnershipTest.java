package io.lunora.system.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.lunora.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner of the media plane (docs/architecture.md): streaming-control-service's
 * {@code MediaBackend} is the only thing that drives the media engine or MediaLive. No other
 * service links the MediaLive SDK, names the engine's control API, or is configured with the
 * engine's URL — except viewer-service, which reads thumbnails from the engine's public HLS folder
 * ({@code /hls/**}, what the gateway serves to viewers too), never its control API.
 */
class MediaPlaneOwnershipTest {
    static final String OWNER = "streaming-control-service";
    /** Services configured with the engine's URL for something other than control, and why. */
    static final Map<String, String> ENGINE_URL_READERS = Map.of(OWNER, "the media plane's owner",
            "viewer-service", "stream thumbnails from the engine's public /hls/ folder");

    @Test
    void shouldLinkTheMediaLiveSdkOnlyInStreamingControl() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lunora");

        noClasses().that().resideOutsideOfPackage("io.lunora.streaming..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.medialive..")
                .because("only streaming-control's MediaBackend drives MediaLive")
                .check(classes);
    }

    @Test
    void shouldDeclareTheMediaLiveSdkOnlyInStreamingControl() {
        for (Path module : serviceModules()) {
            String pom = read(module.resolve("pom.xml"));
            if (!module.endsWith(OWNER)) {
                assertThat(pom).as(module.getFileName() + "/pom.xml").doesNotContain("<artifactId>medialive</artifactId>");
            }
        }
    }

    @Test
    void shouldNameTheEnginesControlApiOnlyInStreamingControlAndTheEngine() {
        for (Path module : serviceModules()) {
            if (module.endsWith(OWNER) || module.endsWith("media-engine")) {
                continue;
            }
            for (Path source : files(module.resolve("src/main"))) {
                assertThat(read(source)).as(ProjectPaths.root().relativize(source).toString())
                        .doesNotContain("/internal/engine");
            }
        }
    }

    @Test
    void shouldConfigureTheEngineUrlOnlyWhereItIsOwnedOrReadForHls() {
        for (Path module : serviceModules()) {
            String name = module.getFileName().toString();
            for (Path source : files(module.resolve("src/main"))) {
                if (read(source).contains("engine-url")) {
                    assertThat(ENGINE_URL_READERS).as(ProjectPaths.root().relativize(source)
                            + " names lunora.services.engine-url").containsKey(name);
                }
            }
        }
    }

    @Test
    void shouldFindTheModulesItChecks() {
        assertThat(serviceModules()).extracting(p -> p.getFileName().toString())
                .contains(OWNER, "source-service", "media-engine", "viewer-service", "gateway-service");
        assertThat(read(ProjectPaths.root().resolve(OWNER + "/src/main/resources/application.yml")))
                .contains("engine-url");
    }

    /** Every module of the build that runs as a service (a Spring Boot application with main sources). */
    private static List<Path> serviceModules() {
        try (Stream<Path> dirs = Files.list(ProjectPaths.root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(d -> read(d.resolve("pom.xml")).contains("spring-boot-maven-plugin"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(java|yml|yaml|properties)$")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
