package io.lunora.model.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed (a name, a title, a description, a chat message): at most {@code max}
 * characters (code points), valid Unicode (no unpaired surrogate) in normalization form C, no
 * control characters (line breaks and tabs only when {@code multiline}) and no bidirectional
 * embedding, override or isolate controls (U+202A-U+202E, U+2066-U+2069), which make text read
 * differently than it is stored. Records normalize their text with {@link FreeTexts#normalized}
 * in their constructor; this check refuses what is still not NFC. {@code null} is valid (use
 * {@code @NotNull}/{@code @NotBlank} for required fields). The violation names the field in
 * the problem's {@code errors}.
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface FreeText {
    int max();

    boolean multiline() default false;

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
