package io.lunora.auth.users;

import io.lunora.support.web.CsvCell;
import java.time.Instant;
import java.util.List;

/** Users as CSV (RFC 4180: comma, CRLF; cells by {@link CsvCell}); never a secret, as {@link UserView} holds none. */
final class UsersCsv {
    static final String HEADER = "user_id,username,email,group,enabled,status,mfa_enrolled,locked,created_at,last_sign_in_at";

    private UsersCsv() {
    }

    static String of(List<UserView> users) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (UserView u : users) {
            csv.append(String.join(",", CsvCell.of(u.id()), CsvCell.of(u.username()), CsvCell.of(u.email()),
                    CsvCell.of(u.group()), Boolean.toString(u.enabled()), CsvCell.of(u.status()),
                    Boolean.toString(u.mfaEnrolled()), Boolean.toString(u.locked()), instant(u.createdAt()),
                    instant(u.lastSignInAt()))).append("\r\n");
        }
        return csv.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
