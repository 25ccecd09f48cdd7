package io.lunora.viewer.profile;

/** The string sets of a profile item that hold the viewer's library and block list. */
public enum LibrarySet {
    SAVED("saved_streams"),
    LIKED("liked_streams"),
    FOLLOWED("followed_creators"),
    BLOCKED("blocked_viewers");

    private final String attribute;

    LibrarySet(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
