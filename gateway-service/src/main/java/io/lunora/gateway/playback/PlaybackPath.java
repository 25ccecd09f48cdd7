package io.lunora.gateway.playback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public form of an HLS address, {@code /hls/t/{token}/{stream_id}/{file}}. The token is a
 * path segment rather than a query parameter because players (hls.js, Safari) resolve the
 * variant playlists and segments a playlist names relative to the playlist's URL, which keeps
 * the path and drops the query: every file below inherits the token without rewriting a single
 * playlist. {@code file} is a relative path inside the stream's folder: no {@code ..}, no empty
 * segments, plain characters only.
 */
record PlaybackPath(String token, String streamId, String file) {
    static final String PREFIX = "/hls/t/";
    private static final Pattern FORM = Pattern.compile(
            "/hls/t/([A-Za-z0-9_=-]{1,200}\\.[A-Za-z0-9_=-]{1,400}\\.[A-Za-z0-9_=-]{1,200})/([A-Za-z0-9_-]{1,64})/"
                    + "((?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}/){0,3}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127})");

    static Optional<PlaybackPath> parse(String rawPath) {
        Matcher m = FORM.matcher(rawPath);
        if (!m.matches() || m.group(3).contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new PlaybackPath(m.group(1), m.group(2), m.group(3)));
    }

    static String of(String token, String streamId, String file) {
        return PREFIX + token + "/" + streamId + "/" + file;
    }
}
