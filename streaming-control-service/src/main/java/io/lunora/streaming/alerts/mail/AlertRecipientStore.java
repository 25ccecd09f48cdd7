package io.lunora.streaming.alerts.mail;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the organization's alert e-mail recipients (the AlertRecipients table). */
public interface AlertRecipientStore {

    List<AlertRecipient> list(String organizationId);

    Optional<AlertRecipient> find(String organizationId, String recipientId);

    void save(AlertRecipient recipient);

    /** Removing a missing one is not an error. */
    void delete(String organizationId, String recipientId);
}
