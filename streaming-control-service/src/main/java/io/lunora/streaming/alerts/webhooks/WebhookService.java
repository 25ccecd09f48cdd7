package io.lunora.streaming.alerts.webhooks;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.problem.FieldErrors;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.secrets.SecretStore;
import io.lunora.support.security.Caller;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Admins' alert webhooks. A webhook's URL may not point into the deployment's own network (the
 * destinations' {@link AddressGuard} and an allow-list of its own); its signing secret is made
 * here, answered once when the webhook is created and afterwards only read to sign.
 */
@Service
public class WebhookService {
    public static final int MAX_WEBHOOKS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final SecretStore secrets;
    private final AddressGuard guard;
    private final Clock clock;

    public WebhookService(WebhookStore store, SecretStore secrets, AddressGuard webhookAddressGuard, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.guard = webhookAddressGuard;
        this.clock = clock;
    }

    /** A new webhook with the secret that signs its deliveries, shown this once. */
    public record Created(Webhook webhook, String secret) {
    }

    public Created create(Caller caller, String url) {
        String org = caller.requireOrganization();
        check(url);
        if (store.list(org).size() >= MAX_WEBHOOKS) {
            FieldErrors errors = new FieldErrors();
            errors.add("url", "an organization has at most " + MAX_WEBHOOKS + " webhooks");
            errors.throwIfAny();
        }
        Webhook webhook = new Webhook(org, "wh-" + UUID.randomUUID().toString().substring(0, 12), url,
                caller.username(), clock.instant());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        secrets.put(secretName(webhook.webhookId()), secret);
        store.save(webhook);
        return new Created(webhook, secret);
    }

    public List<Webhook> list(Caller caller) {
        return store.list(caller.requireOrganization());
    }

    public void delete(Caller caller, String webhookId) {
        String org = caller.requireOrganization();
        store.find(org, webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        store.delete(org, webhookId);
        secrets.delete(secretName(webhookId));
    }

    public List<Delivery> deliveries(Caller caller, String webhookId, int limit) {
        String org = caller.requireOrganization();
        store.find(org, webhookId).orElseThrow(() -> new NotFoundException("webhook", webhookId));
        return store.deliveries(org, webhookId, limit);
    }

    Optional<String> secretOf(String webhookId) {
        return secrets.get(secretName(webhookId));
    }

    /** Throws a 400 naming {@code url} unless it is an http(s) URL to a host the guard lets through. */
    private void check(String url) {
        FieldErrors errors = new FieldErrors();
        URI uri = null;
        try {
            uri = url == null || url.length() > 2000 ? null : new URI(url);
        } catch (URISyntaxException bad) {
            // reported below
        }
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            errors.add("url", "must be an http or https URL of at most 2000 characters, without user information");
            errors.throwIfAny();
        }
        try {
            guard.vet(uri.getHost());
        } catch (AddressGuard.RefusedException refused) {
            errors.add("url", "points at a loopback, private, link-local or metadata address; an admin can "
                    + "allow such hosts with lunora.alerts.webhook-allowed-private-hosts");
        } catch (UnknownHostException unresolvable) {
            // not judged now: every delivery resolves and vets it again
        }
        errors.throwIfAny();
    }

    static String secretName(String webhookId) {
        return "/lunora-player/alerts/webhook-" + webhookId;
    }
}
