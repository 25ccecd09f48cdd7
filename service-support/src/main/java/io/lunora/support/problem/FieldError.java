package io.lunora.support.problem;

/** One entry of the {@code errors} member of a validation problem: which field and why. */
public record FieldError(String field, String message) {
}
