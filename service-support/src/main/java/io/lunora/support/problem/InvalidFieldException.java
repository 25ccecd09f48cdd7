package io.lunora.support.problem;

/** A business rule on one field failed, beyond what Bean Validation can say. */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
