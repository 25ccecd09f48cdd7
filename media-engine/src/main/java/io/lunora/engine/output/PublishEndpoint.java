package io.lunora.engine.output;

import io.lunora.model.media.PublishTarget;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * A publish target and the address {@link PublishGuard} vetted for its host. Plain RTMP connects
 * to that address itself (the host name stays in the RTMP {@code tcUrl}), so FFmpeg never asks
 * DNS again and a rebinding server cannot swap in an internal address after the check. RTMPS
 * keeps the name: TLS needs it for SNI and the certificate, so FFmpeg resolves it once more.
 */
public record PublishEndpoint(PublishTarget target, InetAddress address) {

    /** What ends FFmpeg's command line: output options, then the URL it publishes to. */
    public List<String> ffmpegOutput() {
        if (!target.url().regionMatches(true, 0, "rtmp://", 0, 7)) {
            return List.of(target.joined());
        }
        return List.of("-rtmp_tcurl", tcUrl(), new PublishTarget(pinnedUrl(), target.streamKey()).joined());
    }

    /** The URL with its host replaced by the vetted address literal; port and path kept. */
    String pinnedUrl() {
        String url = target.url();
        int hostStart = url.indexOf("://") + 3;
        int pathStart = url.indexOf('/', hostStart);
        String authority = url.substring(hostStart, pathStart);
        int hostEnd = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.lastIndexOf(':');
        String port = hostEnd <= 0 || hostEnd >= authority.length() ? "" : authority.substring(hostEnd);
        String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return url.substring(0, hostStart) + literal + port + url.substring(pathStart);
    }

    /** The application URL the server is told, with the host name as configured (FFmpeg's own default). */
    private String tcUrl() {
        String url = target.urlWithoutSlash();
        if (target.streamKey() != null && !target.streamKey().isEmpty()) {
            return url;
        }
        int lastSlash = url.lastIndexOf('/');
        return lastSlash > url.indexOf("://") + 2 && url.indexOf('/', url.indexOf("://") + 3) < lastSlash
                ? url.substring(0, lastSlash) : url;
    }

    @Override
    public String toString() {
        return "PublishEndpoint[" + target + "]";
    }
}
