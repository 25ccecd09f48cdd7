package io.lunora.auth.users;

import java.util.Locale;

/**
 * What an admin looks for in the user list; every part is optional and all given parts must match.
 *
 * @param text     part of the username or the email address
 * @param group    the role ({@code operators} or {@code admins}), exactly
 * @param username part of the username
 * @param email    part of the email address
 */
public record UserSearch(String text, String group, String username, String email) {

    boolean matches(UserView user) {
        return (blank(text) || contains(user.username(), text) || contains(user.email(), text))
                && (blank(group) || group.equals(user.group()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean contains(String value, String query) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(query.trim().toLowerCase(Locale.ROOT));
    }
}
