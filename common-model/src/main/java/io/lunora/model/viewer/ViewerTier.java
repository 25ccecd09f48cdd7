package io.lunora.model.viewer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a viewer may watch and at which quality. Anonymous and free viewers see public content in
 * standard quality; premium adds premium content in high quality; vip and consumer admins see all.
 */
public enum ViewerTier {
    ANONYMOUS(AccessLevel.PUBLIC, Quality.STANDARD),
    FREE(AccessLevel.PUBLIC, Quality.STANDARD),
    PREMIUM(AccessLevel.PREMIUM, Quality.HIGH),
    VIP(AccessLevel.VIP, Quality.ULTRA),
    ADMIN(AccessLevel.VIP, Quality.ULTRA);

    private final AccessLevel highestLevel;
    private final Quality quality;

    ViewerTier(AccessLevel highestLevel, Quality quality) {
        this.highestLevel = highestLevel;
        this.quality = quality;
    }

    public boolean canWatch(AccessLevel level) {
        return level.rank() <= highestLevel.rank();
    }

    public Quality quality() {
        return quality;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ViewerTier> fromWireValue(String value) {
        return Arrays.stream(values()).filter(t -> t.wireValue().equals(value)).findFirst();
    }
}
