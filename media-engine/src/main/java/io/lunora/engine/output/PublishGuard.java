package io.lunora.engine.output;

import io.lunora.model.media.PublishTarget;
import io.lunora.support.net.AddressGuard;
import io.lunora.support.problem.InvalidFieldException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's own check of where it is told to push, before any push starts: destination-service
 * vetted the URL when it was saved, but its host may resolve elsewhere now, and the engine's API
 * should not be a way into the deployment's network whoever calls it. Same rule and allow-list
 * as destination-service ({@link AddressGuard}).
 */
public class PublishGuard {
    static final String FIELD = "target.url";
    private static final Pattern AUTHORITY = Pattern.compile(
            "(?i)rtmps?://([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?/");
    private final AddressGuard guard;

    public PublishGuard(AddressGuard guard) {
        this.guard = guard;
    }

    /** The target and the address to connect to; a 400 naming {@code target.url} when it is refused. */
    public PublishEndpoint vet(PublishTarget target) {
        try {
            return new PublishEndpoint(target, guard.vet(host(target.url())));
        } catch (AddressGuard.RefusedException refused) {
            throw new InvalidFieldException(FIELD, "points at a loopback, private, link-local or metadata address; "
                    + "an operator can allow such hosts with LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS");
        } catch (UnknownHostException unresolvable) {
            throw new InvalidFieldException(FIELD, "names a host that does not resolve");
        }
    }

    /**
     * The host of {@code rtmp[s]://host[:port]/path}, brackets kept. Anything looser is refused rather
     * than guessed at: FFmpeg must connect to the very host judged here.
     */
    static String host(String url) {
        Matcher m = AUTHORITY.matcher(url);
        if (!m.lookingAt()) {
            throw new InvalidFieldException(FIELD, "must be rtmp:// or rtmps:// with a host name or address and an optional port");
        }
        return m.group(1);
    }
}
