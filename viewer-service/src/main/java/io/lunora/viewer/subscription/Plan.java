package io.lunora.viewer.subscription;

import io.lunora.model.viewer.ViewerTier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The plans a viewer can subscribe to, with their monthly price (USD cents). */
public enum Plan {
    FREE(ViewerTier.FREE, 0),
    PREMIUM(ViewerTier.PREMIUM, 999),
    VIP(ViewerTier.VIP, 1999);

    private final ViewerTier tier;
    private final long priceCents;

    Plan(ViewerTier tier, long priceCents) {
        this.tier = tier;
        this.priceCents = priceCents;
    }

    public ViewerTier tier() {
        return tier;
    }

    public long priceCents() {
        return priceCents;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Plan> fromWireValue(String value) {
        return Arrays.stream(values()).filter(p -> p.wireValue().equals(value)).findFirst();
    }
}
