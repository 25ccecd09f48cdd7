package io.lunora.model.validation;

import java.text.Normalizer;
import java.util.Optional;

/** The rules of {@link FreeText}, also for services that check their requests by hand. */
public final class FreeTexts {
    private FreeTexts() {
    }

    /** NFC form of {@code text} (null stays null): the same words are stored and compared the same way. */
    public static String normalized(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why {@code text} is not acceptable free text, as a field message; empty when it is (or is null). */
    public static Optional<String> problem(String text, int max, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        int length = 0;
        for (int i = 0; i < text.length(); length++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text (it holds an unpaired surrogate)");
            }
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of(multiline ? "must not contain control characters other than line breaks and tabs"
                        : "must not contain control characters or line breaks");
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return Optional.of("must not contain bidirectional override, embedding or isolate characters");
            }
            i++;
        }
        if (length > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return Optional.of("must be Unicode text in normalization form C");
        }
        return Optional.empty();
    }
}
