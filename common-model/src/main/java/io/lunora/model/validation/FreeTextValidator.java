package io.lunora.model.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link FreeText}; the message says which rule the text broke. */
public final class FreeTextValidator implements ConstraintValidator<FreeText, String> {
    private int max;
    private boolean multiline;

    @Override
    public void initialize(FreeText annotation) {
        this.max = annotation.max();
        this.multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = FreeTexts.problem(value, max, multiline);
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
        return false;
    }
}
