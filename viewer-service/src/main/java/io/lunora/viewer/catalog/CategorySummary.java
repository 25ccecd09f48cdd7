package io.lunora.viewer.catalog;

/** A category with how many visible entries it has and how many are live now. */
public record CategorySummary(String category, int streamCount, int liveCount) {
}
