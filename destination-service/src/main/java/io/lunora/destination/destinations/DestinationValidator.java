package io.lunora.destination.destinations;

import io.lunora.support.problem.FieldErrors;
import io.lunora.model.validation.FreeTexts;
import io.lunora.model.destination.Platforms;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Checks a destination request; messages never repeat the stream key or the URL. */
final class DestinationValidator {
    static final int MAX_NAME = 100;
    static final int MAX_URL = 512;
    static final int MAX_KEY = 256;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private DestinationValidator() {
    }

    /** Returns the request with the platform's default URL filled in. */
    static DestinationRequest check(DestinationRequest r, boolean update, FieldErrors errors) {
        if (r == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        String name = r.name() == null ? null : FreeTexts.normalized(r.name().strip());
        if (name == null || name.isEmpty()) {
            errors.add("name", "is required");
        } else {
            FreeTexts.problem(name, MAX_NAME, false).ifPresent(problem -> errors.add("name", problem));
        }
        errors.oneOf("platform", r.platform(), Platforms.ALL);
        String url = r.rtmpUrl() == null || r.rtmpUrl().isBlank()
                ? IngestUrls.defaultFor(r.platform()).orElse(null) : r.rtmpUrl().strip();
        checkUrl(url, errors);
        if (r.streamKey() != null && (r.streamKey().length() > MAX_KEY || !KEY.matcher(r.streamKey()).matches())) {
            errors.add("stream_key", "must be 1 to " + MAX_KEY + " printable characters without spaces");
        }
        if (r.presetId() == null || r.presetId().isBlank()) {
            errors.add("preset_id", "is required");
        } else if (!ID.matcher(r.presetId()).matches()) {
            errors.add("preset_id", "is not a preset id");
        }
        if (update && r.version() == null) {
            errors.add("version", "is required: send the version you read");
        }
        errors.throwIfAny();
        return new DestinationRequest(name, r.platform(), url, r.streamKey(), r.presetId(), r.enabled(),
                r.autoStart(), r.recordingBackup(), r.priority(), r.version());
    }

    static void checkStreamKey(String key, FieldErrors errors) {
        if (key == null || key.isEmpty()) {
            errors.add("stream_key", "is required");
        } else if (key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
            errors.add("stream_key", "must be 1 to " + MAX_KEY + " printable characters without spaces");
        }
    }

    private static long segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).count();
    }

    private static void checkUrl(String url, FieldErrors errors) {
        if (url == null) {
            errors.add("rtmp_url", "is required for this platform");
            return;
        }
        if (url.length() > MAX_URL) {
            errors.add("rtmp_url", "must be at most " + MAX_URL + " characters");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("rtmp") && !scheme.equals("rtmps")) {
                errors.add("rtmp_url", "must start with rtmp:// or rtmps://");
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                errors.add("rtmp_url", "must name a host");
            } else if (uri.getRawUserInfo() != null) {
                errors.add("rtmp_url", "must not hold credentials; put the stream key in stream_key");
            } else if (uri.getRawFragment() != null) {
                errors.add("rtmp_url", "must not have a fragment");
            } else if (uri.getPath() == null || uri.getPath().length() < 2) {
                errors.add("rtmp_url", "must name the application, e.g. rtmp://host/live");
            } else if (uri.getRawQuery() != null || segments(uri.getPath()) > 1) {
                // what follows the application is where a pasted stream key goes: it would be stored
                // and shown unmasked, so it is refused rather than guessed at
                errors.add("rtmp_url", "must end with the application (e.g. rtmp://host/live), without a query; "
                        + "put the stream key in stream_key");
            }
        } catch (URISyntaxException e) {
            errors.add("rtmp_url", "is not a valid URL");
        }
    }
}
