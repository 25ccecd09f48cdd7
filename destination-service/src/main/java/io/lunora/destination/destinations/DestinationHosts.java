package io.lunora.destination.destinations;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.problem.FieldErrors;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * Refuses to save a destination that points into the deployment's own network (loopback, private,
 * link-local, cloud metadata): the engine would push there. The connectivity test's guard and
 * allow-list decide. A name that does not resolve now is saved (it is checked again at each test).
 */
@Component
class DestinationHosts {
    private final AddressGuard guard;

    DestinationHosts(AddressGuard guard) {
        this.guard = guard;
    }

    /** Throws a 400 naming {@code rtmp_url} when the URL's host is not allowed. */
    void check(String rtmpUrl) {
        FieldErrors errors = new FieldErrors();
        try {
            guard.vet(URI.create(rtmpUrl).getHost());
        } catch (AddressGuard.RefusedException refused) {
            errors.add("rtmp_url", "points at a loopback, private, link-local or metadata address; an admin can "
                    + "allow such hosts with lunora.destinations.allowed-private-hosts");
        } catch (UnknownHostException unresolvable) {
            // not judged now: the connectivity test resolves and vets it again
        }
        errors.throwIfAny();
    }
}
