package io.lunora.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerOwnershipTest {
    final Caller operator = new Caller("user-otto", "otto", "org-1", Set.of(Group.OPERATORS), "lunora-operator");
    final Caller admin = new Caller("user-ada", "ada", "org-1", Set.of(Group.ADMINS), "lunora-operator");

    @Test
    void shouldLetAnOperatorAccessOnlyWhatTheyOwn() {
        assertThat(operator.mayAccess("user-otto")).isTrue();
        assertThat(operator.mayAccess("user-olga")).isFalse();
        assertThat(operator.mayAccess(null)).as("an item without owner is the admins'").isFalse();
    }

    @Test
    void shouldLetAnAdminAccessEverythingIncludingItemsWithoutOwner() {
        assertThat(admin.mayAccess("user-otto")).isTrue();
        assertThat(admin.mayAccess(null)).isTrue();
    }
}
