package io.lunora.auth.users;

import io.lunora.auth.AuthProperties;
import io.lunora.auth.DataFiles;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin (organization {@code default}, so a platform admin) when no admin exists. Its password is
 * {@code LUNORA_ADMIN_PASSWORD}, or generated and written once to {@code initial-admin-password} in
 * the data folder (0600); never printed or logged, since the console ends in a log file others may
 * read. Like every invitee it chooses a new password and enrols
 * TOTP at the first sign-in.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {
    static final String PASSWORD_FILE = "initial-admin-password";
    /** The platform's own organization, whose admins are the platform admins (organizations.Platform). */
    static final String ORGANIZATION = "default";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserStore users;
    private final Passwords passwords;
    private final AuthProperties properties;
    private final Clock clock;

    BootstrapAdmin(UserStore users, Passwords passwords, AuthProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyInGroup(Group.ADMINS)) {
            return;
        }
        if (users.findByUsername(Pool.INTERNAL, properties.adminUsername()).isPresent()) {
            log.warn("No admin exists, but user name '{}' is taken by a non-admin: no bootstrap admin created",
                    properties.adminUsername());
            return;
        }
        boolean fromEnvironment = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = fromEnvironment ? properties.adminPassword() : Passwords.generate();
        UserAccount draft = new UserAccount(UUID.randomUUID().toString(), Pool.INTERNAL, properties.adminUsername(),
                properties.adminUsername() + "@" + ORGANIZATION + ".lunora.local", Group.ADMINS, ORGANIZATION, true,
                null, List.of(), null, true, 0, null, false, 0, List.of(), clock.instant(), null);
        UserAccount admin;
        try {
            admin = draft.withPassword(passwords.hashNew(draft, password, "LUNORA_ADMIN_PASSWORD"), List.of(),
                    clock.instant(), true);
        } catch (io.lunora.support.problem.InvalidFieldException weak) {
            throw new IllegalStateException("LUNORA_ADMIN_PASSWORD does not meet the internal password policy: "
                    + weak.getMessage());
        }
        users.save(admin);
        if (fromEnvironment) {
            log.info("Bootstrap admin '{}' created with the password from LUNORA_ADMIN_PASSWORD", admin.username());
            return;
        }
        Path file = properties.dataDir().resolve(PASSWORD_FILE).toAbsolutePath().normalize();
        DataFiles.writeSecret(file, password);
        log.info("Bootstrap admin '{}' created; its initial password is in {} (readable by this user only): "
                + "a new password and MFA are chosen at the first sign-in", admin.username(), file);
    }
}
