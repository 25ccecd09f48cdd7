package io.lunora.model.destination;

import java.util.List;

/** The streaming platforms of destinations and presets, as their lowercase wire values. */
public final class Platforms {
    public static final String YOUTUBE = "youtube";
    public static final String X = "x";
    public static final String LINKEDIN = "linkedin";
    public static final String CUSTOM = "custom";
    public static final List<String> ALL = List.of(YOUTUBE, X, LINKEDIN, CUSTOM);

    private Platforms() {
    }
}
