package io.lunora.engine.rendition;

/**
 * An encoded stream that pushers copy: a channel's rendition encoder, or a relay's ingest of a
 * rendition encoded elsewhere (MediaLive).
 */
public interface Rendition {
    /** The name shown in output status and metrics. */
    String label();

    /** The stream; a pusher joins it on a keyframe. */
    TsFanOut output();
}
