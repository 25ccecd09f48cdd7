package io.lunora.auth.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.AuthProperties;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The generated first admin password reaches its 0600 file only: not the console, so not the log. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTest {

    @Test
    void shouldWriteTheGeneratedPasswordToAnOwnerOnlyFileAndNeverPrintIt(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        Clock clock = Clock.systemUTC();
        InMemoryUsers users = new InMemoryUsers();
        Passwords passwords = new Passwords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
        AuthProperties properties = new AuthProperties(dataDir, true, "admin", "", java.util.Map.of());

        new BootstrapAdmin(users, passwords, properties, clock).run(null);

        Path file = dataDir.resolve(BootstrapAdmin.PASSWORD_FILE);
        String password = Files.readString(file).trim();
        assertThat(passwords.matches(password, users.saved.getFirst().passwordHash())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(output.getAll()).doesNotContain(password).contains(file.toString());
    }

    /** The store port, in memory: only what the bootstrap asks of it. */
    private static final class InMemoryUsers implements UserStore {
        final List<UserAccount> saved = new ArrayList<>();

        public Optional<UserAccount> findById(String id) {
            return saved.stream().filter(u -> u.id().equals(id)).findFirst();
        }

        public Optional<UserAccount> findByUsername(Pool pool, String username) {
            return saved.stream().filter(u -> u.pool() == pool && u.username().equals(username)).findFirst();
        }

        public Optional<UserAccount> findByEmail(Pool pool, String email) {
            return Optional.empty();
        }

        public List<UserAccount> findByOrganization(Pool pool, String organizationId) {
            return List.of();
        }

        public boolean anyInGroup(Group group) {
            return saved.stream().anyMatch(u -> u.group() == group);
        }

        public void delete(String id) {
            saved.removeIf(u -> u.id().equals(id));
        }

        public UserAccount save(UserAccount user) {
            saved.add(user);
            return user;
        }
    }
}
