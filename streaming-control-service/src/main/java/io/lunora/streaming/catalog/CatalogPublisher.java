package io.lunora.streaming.catalog;

import io.lunora.streaming.sessions.StreamSession;

/** Outgoing port: tells the viewer platform's catalog when a session goes live and when it ends. */
public interface CatalogPublisher {

    void live(StreamSession session, String streamId);

    void ended(StreamSession session, String streamId);
}
