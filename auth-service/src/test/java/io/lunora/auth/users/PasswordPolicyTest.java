package io.lunora.auth.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void shouldRequireTwelveCharactersOfEveryClassInTheInternalPool() {
        PasswordPolicy internal = PasswordPolicy.INTERNAL;
        assertThat(internal.violation("Sh0rt!")).hasValueSatisfying(v -> assertThat(v).contains("at least 12"));
        assertThat(internal.violation("alllowercase1!")).hasValueSatisfying(v -> assertThat(v).contains("upper-case"));
        assertThat(internal.violation("ALLUPPERCASE1!")).hasValueSatisfying(v -> assertThat(v).contains("lower-case"));
        assertThat(internal.violation("NoDigitsHere!!")).hasValueSatisfying(v -> assertThat(v).contains("digit"));
        assertThat(internal.violation("NoSpecials1234")).hasValueSatisfying(v -> assertThat(v).contains("special"));
        assertThat(internal.violation("Good-Password-12")).isEmpty();
        assertThat(internal.history()).isEqualTo(12);
        assertThat(internal.maxAge()).hasValueSatisfying(age -> assertThat(age.toDays()).isEqualTo(90));
    }

    @Test
    void shouldRequireEightCharactersWithoutSpecialsInTheConsumerPool() {
        PasswordPolicy consumer = PasswordPolicy.CONSUMER;
        assertThat(consumer.violation("Abc123")).hasValueSatisfying(v -> assertThat(v).contains("at least 8"));
        assertThat(consumer.violation("abcdefg1")).hasValueSatisfying(v -> assertThat(v).contains("upper-case"));
        assertThat(consumer.violation("Abcdefgh")).hasValueSatisfying(v -> assertThat(v).contains("digit"));
        assertThat(consumer.violation("Abcdefg1")).isEmpty();
        assertThat(consumer.maxAge()).isEmpty();
    }

    @Test
    void shouldGeneratePasswordsThatBothPoliciesAccept() {
        for (int i = 0; i < 50; i++) {
            String generated = Passwords.generate();
            assertThat(PasswordPolicy.INTERNAL.violation(generated)).isEmpty();
            assertThat(PasswordPolicy.CONSUMER.violation(generated)).isEmpty();
        }
    }
}
