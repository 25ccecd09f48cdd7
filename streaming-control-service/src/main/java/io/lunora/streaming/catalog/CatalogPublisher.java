package io.lunora.streaming.catalog;

import io.lunora.model.viewer.StreamDetails;
import io.lunora.streaming.sessions.StreamSession;

/** Outgoing port: tells the viewer platform's catalog when a session goes live and when it ends. */
public interface CatalogPublisher {

    /** The session went live; {@code details} (may be null) name and describe a new catalog entry. */
    void live(StreamSession session, String streamId, StreamDetails details);

    void ended(StreamSession session, String streamId);
}
