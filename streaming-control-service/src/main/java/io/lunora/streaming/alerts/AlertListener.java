package io.lunora.streaming.alerts;

/** Told of every alert change (raised, counted again, acknowledged, resolved): the live stream and the webhooks. */
public interface AlertListener {
    void changed(Alert alert);
}
