package io.lunora.support.problem;

import java.util.List;

/** One or more fields of a request break the rules; every field at fault is named (JSON names). */
public class InvalidRequestException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
