package io.lunora.viewer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width UTC time stamps for sort keys: {@link Instant#toString()} drops trailing zero
 * fractions, which breaks lexicographic order; these always carry six fraction digits.
 */
public final class Timestamps {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    /** The instant at the start of a sort key that may carry a suffix ({@code <time>#<suffix>}). */
    public static Instant parse(String sortKey) {
        int hash = sortKey.indexOf('#');
        return Instant.parse(hash < 0 ? sortKey : sortKey.substring(0, hash));
    }
}
