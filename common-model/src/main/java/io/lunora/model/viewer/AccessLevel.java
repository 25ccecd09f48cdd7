package io.lunora.model.viewer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may watch a catalog entry: {@code public}, {@code premium} or {@code vip} on the wire. */
public enum AccessLevel {
    PUBLIC(0),
    PREMIUM(1),
    VIP(2);

    private final int rank;

    AccessLevel(int rank) {
        this.rank = rank;
    }

    int rank() {
        return rank;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessLevel> fromWireValue(String value) {
        return Arrays.stream(values()).filter(l -> l.wireValue().equals(value)).findFirst();
    }
}
