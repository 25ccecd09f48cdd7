package io.lunora.viewer.social;

/** The answer of {@code POST /api/social/like}: the state now, whether this request changed it, and the stream's likes. */
public record LikeChange(String streamId, boolean liked, boolean changed, long likeCount) {
}
