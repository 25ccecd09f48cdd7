package io.lunora.viewer.analytics;

import io.lunora.viewer.catalog.StreamView;

/** An entry and how many viewing sessions started on it within the trending window. */
public record TrendingEntry(StreamView stream, int recentViews) {
}
