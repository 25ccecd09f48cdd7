package io.lunora.auth.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The internal pool's history length and maximum age as configured ({@code lunora.auth.password-*}). */
class PasswordsTest {
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    final Passwords passwords = new Passwords(new BCryptPasswordEncoder(4), Clock.fixed(NOW, ZoneOffset.UTC), 5,
            Duration.ofDays(30));

    static UserAccount operator() {
        return new UserAccount("u-1", Pool.INTERNAL, "olga", "olga@example.com", Group.OPERATORS, "org-1", true, null,
                List.of(), NOW, false, 0, null, true, 0, List.of(), NOW, null);
    }

    @Test
    void shouldRefuseTheLastFivePasswordsAndAcceptTheSixthBack() {
        UserAccount user = operator();
        for (int i = 1; i <= 6; i++) {
            user = passwords.change(user, "Password-Number-" + i, false, "password");
        }
        for (int i = 2; i <= 6; i++) {
            UserAccount recent = user;
            String reused = "Password-Number-" + i;
            assertThatThrownBy(() -> passwords.change(recent, reused, false, "password"))
                    .isInstanceOf(InvalidFieldException.class).hasMessageContaining("last 5 passwords");
        }
        assertThat(passwords.change(user, "Password-Number-1", false, "password").passwordHistory()).hasSize(4);
        assertThat(passwords.policy(Pool.INTERNAL).describe()).contains("not one of your last 5 passwords");
    }

    @Test
    void shouldExpireAfterTheConfiguredAgeOrNever() {
        UserAccount user = operator();
        assertThat(passwords.expired(user.withPassword("h", List.of(), NOW.minus(Duration.ofDays(29)), false))).isFalse();
        assertThat(passwords.expired(user.withPassword("h", List.of(), NOW.minus(Duration.ofDays(31)), false))).isTrue();
        Passwords never = new Passwords(new BCryptPasswordEncoder(4), Clock.fixed(NOW, ZoneOffset.UTC), 5, Duration.ZERO);
        assertThat(never.expired(user.withPassword("h", List.of(), NOW.minus(Duration.ofDays(3650)), false))).isFalse();
        assertThat(passwords.expired(new UserAccount("v-1", Pool.CONSUMER, "vera", "v@example.com", Group.FREE, null,
                true, "h", List.of(), NOW.minus(Duration.ofDays(3650)), false, 0, null, false, 0, List.of(), NOW, null)))
                .as("the consumer pool's passwords do not expire").isFalse();
    }
}
