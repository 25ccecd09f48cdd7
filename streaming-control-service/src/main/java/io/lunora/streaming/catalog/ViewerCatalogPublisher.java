package io.lunora.streaming.catalog;

import io.lunora.model.viewer.CatalogSessionEvent;
import io.lunora.model.viewer.StreamDetails;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.problem.SafeFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * viewer-service's {@code POST /internal/catalog/sessions}. Best effort: the catalog missing an
 * update must never stop a broadcast, so a failure is logged and the stream goes on.
 */
class ViewerCatalogPublisher implements CatalogPublisher {
    private static final Logger log = LoggerFactory.getLogger(ViewerCatalogPublisher.class);

    private final RestClient viewer;
    private final CatalogProperties properties;

    ViewerCatalogPublisher(RestClient viewer, CatalogProperties properties) {
        this.viewer = viewer;
        this.properties = properties;
    }

    @Override
    public void live(StreamSession session, String streamId, StreamDetails details) {
        post(new CatalogSessionEvent(streamId, session.sessionId(), session.organizationId(), session.startedBy(),
                true, properties.hlsPath(session.organizationId()), session.startTime().toString(), details));
    }

    @Override
    public void ended(StreamSession session, String streamId) {
        post(new CatalogSessionEvent(streamId, session.sessionId(), session.organizationId(), session.startedBy(),
                false, null, session.startTime().toString(), null));
    }

    private void post(CatalogSessionEvent event) {
        try {
            viewer.post().uri("/internal/catalog/sessions").body(event).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("The catalog was not told about session {}: {}", event.sessionId(), SafeFailure.describe(e));
        }
    }
}
