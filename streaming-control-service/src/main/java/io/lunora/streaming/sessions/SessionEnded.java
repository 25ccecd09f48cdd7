package io.lunora.streaming.sessions;

/** Published (Spring application event) when an open session has been stopped and stored. */
public record SessionEnded(StreamSession session) {
}
