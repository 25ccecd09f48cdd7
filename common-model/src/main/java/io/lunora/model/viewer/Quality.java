package io.lunora.model.viewer;

import java.util.Locale;

/** The highest rendition a tier may play, by picture height; the HLS route drops taller variants. */
public enum Quality {
    STANDARD(480),
    HIGH(1080),
    ULTRA(2160);

    private final int maxHeight;

    Quality(int maxHeight) {
        this.maxHeight = maxHeight;
    }

    public int maxHeight() {
        return maxHeight;
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
