package io.lunora.viewer.web;

import io.lunora.support.security.Caller;
import java.util.Optional;

/** Whoever calls a path that anonymous viewers may use too: a signed-in {@link Caller}, or nobody. */
public record Visitor(Optional<Caller> caller) {
    public static final Visitor ANONYMOUS = new Visitor(Optional.empty());

    public boolean anonymous() {
        return caller.isEmpty();
    }
}
