package io.lunora.viewer.analytics;

import io.lunora.viewer.catalog.StreamView;

/** A recommended entry and why it was picked (followed creator, a category the viewer watches, popular). */
public record Recommendation(StreamView stream, String reason, double score) {
}
