package io.lunora.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lunora.testing.TestKeyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service's tests that name no key folder must not seal their secrets with keys written into the
 * user's home ({@code ~/.config/lunora/keys}, the product's default): test-support's
 * {@link TestKeyFolder} points them at a temporary folder. The home is a stand-in here, so the
 * test sees a write there instead of leaving one in the real home.
 */
class TestKeysOutsideHomeTest {
    @TempDir
    Path temp;

    String realHome;

    @BeforeEach
    void fakeHome() throws IOException {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(temp.resolve("home")).toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    ConfigurableApplicationContext service(String... args) {
        return new SpringApplicationBuilder(SecretStoreAutoConfiguration.class).web(WebApplicationType.NONE)
                .run(Stream.concat(Stream.of("--lunora.secrets.enabled=true", "--lunora.data-dir=" + temp.resolve("data")),
                        Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void shouldSealWithKeysInATemporaryFolderWhenTheTestNamesNone() throws IOException {
        assumeTrue(System.getenv("LUNORA_KEY_DIR") == null, "the environment names a key folder");
        try (ConfigurableApplicationContext service = service()) {
            SecretStore store = service.getBean(SecretStore.class);
            store.put("/lunora/test/stream-key", "sk_live_1234567890");
            assertThat(store.get("/lunora/test/stream-key")).contains("sk_live_1234567890");
        }
        assertThat(files(temp.resolve("home"))).as("written into the home").isEmpty();
        assertThat(files(TestKeyFolder.folder())).anyMatch(f -> f.getFileName().toString().endsWith(".key"));
    }

    @Test
    void shouldKeepTheFolderATestNames() throws IOException {
        Path keys = temp.resolve("own-keys");
        try (ConfigurableApplicationContext service = service("--lunora.secrets.key-dir=" + keys)) {
            service.getBean(SecretStore.class).put("/lunora/test/passphrase", "correct horse");
        }
        assertThat(files(keys)).anyMatch(f -> f.getFileName().toString().endsWith(".key"));
        assertThat(files(temp.resolve("home"))).isEmpty();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
