package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import io.lunora.support.problem.FieldErrors;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** The admins' alert e-mail recipients of their organization: checked, stored, listed and removed. */
@Service
public class AlertRecipientService {
    public static final int MAX_RECIPIENTS = 50;
    /**
     * One mailbox, as a mail header can carry it: no display name, no list, no control character
     * (which would let an address add headers of its own), a dotted domain.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final AlertRecipientStore store;
    private final Clock clock;

    public AlertRecipientService(AlertRecipientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param minimumSeverity critical, warning, cost or info
     * @param kinds           null or empty: every kind
     */
    public AlertRecipient add(Caller caller, String email, String minimumSeverity, List<String> kinds) {
        String org = caller.requireOrganization();
        FieldErrors errors = new FieldErrors();
        String address = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            errors.add("email", "must be one e-mail address such as ops@example.com");
        }
        Optional<AlertSeverity> severity = Optional.ofNullable(minimumSeverity).flatMap(AlertSeverity::parse);
        if (severity.isEmpty()) {
            errors.add("minimum_severity", "must be critical, warning, cost or info");
        }
        Set<AlertKind> wanted = EnumSet.noneOf(AlertKind.class);
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            AlertKind.parse(kind).ifPresentOrElse(wanted::add, () -> errors.add("kinds", "each kind must be one of "
                    + Arrays.stream(AlertKind.values()).map(AlertKind::value).toList()));
        }
        errors.throwIfAny();
        List<AlertRecipient> existing = store.list(org);
        if (existing.stream().anyMatch(r -> r.email().equals(address))) {
            errors.add("email", "is a recipient already; delete it first to change its rule");
        } else if (existing.size() >= MAX_RECIPIENTS) {
            errors.add("email", "an organization has at most " + MAX_RECIPIENTS + " alert e-mail recipients");
        }
        errors.throwIfAny();
        AlertRecipient recipient = new AlertRecipient(org, "ar-" + UUID.randomUUID().toString().substring(0, 12),
                address, severity.get(), wanted, caller.username(), clock.instant());
        store.save(recipient);
        return recipient;
    }

    public List<AlertRecipient> list(Caller caller) {
        return store.list(caller.requireOrganization());
    }

    public void delete(Caller caller, String recipientId) {
        String org = caller.requireOrganization();
        store.find(org, recipientId).orElseThrow(() -> new NotFoundException("recipient", recipientId));
        store.delete(org, recipientId);
    }
}
