package io.lunora.viewer.viewing;

/** The answer of an idempotent library action: the state now, and whether this request changed it. */
public record LibraryChange(String id, boolean active, boolean changed) {
}
