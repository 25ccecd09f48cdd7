package io.lunora.support.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the field errors of one request, then throws them together. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
        }
    }

    public void oneOf(String field, Object value, Collection<?> allowed) {
        if (value == null) {
            add(field, "is required");
        } else if (!allowed.contains(value)) {
            add(field, "must be one of " + allowed);
        }
    }

    public void between(String field, Integer value, int min, int max, String unit) {
        if (value == null) {
            add(field, "is required");
        } else if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max + unit);
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
