package io.lunora.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Issue 14 rows 15 and 16: lone surrogates, control characters and direction overrides refused. */
class FreeTextTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Named(@FreeText(max = 10) String name, @FreeText(max = 40, multiline = true) String description) {
        Named {
            name = FreeTexts.normalized(name);
            description = FreeTexts.normalized(description);
        }
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void shouldAcceptPlainTextOfAnyScriptAndEmoji() {
        assertThat(VALIDATOR.validate(new Named("Zoë 直播 🎥", "Line one\nline two\tend"))).isEmpty();
        assertThat(VALIDATOR.validate(new Named(null, null))).isEmpty();
        assertThat(VALIDATOR.validate(new Named("🎥".repeat(10), null))).as("ten code points").isEmpty();
    }

    @Test
    void shouldRefuseWhatTheAttackSuiteStored() {
        assertThat(messageFor(new Named("a\uD800b", null))).isEqualTo("must be valid Unicode text (it holds an unpaired surrogate)");
        assertThat(messageFor(new Named("x\uDC00", null))).contains("unpaired surrogate");
        assertThat(messageFor(new Named("nul\u0000", null))).isEqualTo("must not contain control characters or line breaks");
        assertThat(messageFor(new Named("bell\u0007", null))).contains("control characters");
        assertThat(messageFor(new Named("esc\u001B[2J", null))).contains("control characters");
        assertThat(messageFor(new Named("two\nlines", null))).contains("line breaks");
        assertThat(messageFor(new Named("gpj.\u202Eexe", null)))
                .isEqualTo("must not contain bidirectional override, embedding or isolate characters");
        assertThat(messageFor(new Named("iso\u2066late", null))).contains("bidirectional");
        assertThat(messageFor(new Named(null, "ok\u0000"))).contains("other than line breaks and tabs");
        assertThat(messageFor(new Named("elevenchars", null))).isEqualTo("must be at most 10 characters");
    }

    @Test
    void shouldStoreComposedFormsSoThatTheSameWordIsTheSameText() {
        Named decomposed = new Named("Zoe\u0308", null); // e + combining diaeresis
        assertThat(decomposed.name()).isEqualTo("Zoë");
        assertThat(VALIDATOR.validate(decomposed)).isEmpty();
        assertThat(FreeTexts.problem("Zoe\u0308", 10, false)).hasValue("must be Unicode text in normalization form C");
    }

    private static String messageFor(Named named) {
        Set<ConstraintViolation<Named>> violations = VALIDATOR.validate(named);
        assertThat(violations).hasSize(1);
        return violations.iterator().next().getMessage();
    }
}
