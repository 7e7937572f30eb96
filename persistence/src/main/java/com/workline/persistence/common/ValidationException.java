package com.workline.persistence.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a rule; {@link #fieldErrors()} maps each field name to the message shown next to it. */
public class ValidationException extends WorklineException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Text> fieldTexts;

    /** Field errors as sentences that come as they are (e.g. a view model's own checks). */
    public ValidationException(Map<String, String> fieldErrors) {
        this(texts(fieldErrors), true);
    }

    private ValidationException(Map<String, Text> fieldTexts, boolean keyed) {
        super(Problem.INVALID_INPUT, Text.of("validation.pleaseCorrect",
                String.join("; ", fieldTexts.values().stream().map(Text::english).toList())));
        this.fieldTexts = Collections.unmodifiableMap(new LinkedHashMap<>(fieldTexts));
    }

    /** Field errors as keys and arguments (e.g. collected from another {@code ValidationException}). */
    public static ValidationException of(Map<String, Text> fieldTexts) {
        return new ValidationException(fieldTexts, true);
    }

    private static Map<String, Text> texts(Map<String, String> sentences) {
        Map<String, Text> texts = new LinkedHashMap<>();
        sentences.forEach((field, sentence) -> texts.put(field, Text.of("validation.asIs", sentence)));
        return texts;
    }

    /** Each field's message in the client's language. */
    public Map<String, String> fieldErrors() {
        Map<String, String> shown = new LinkedHashMap<>();
        fieldTexts.forEach((field, text) -> shown.put(field, text.localized()));
        return Collections.unmodifiableMap(shown);
    }

    /** Each field's key and arguments. */
    public Map<String, Text> fieldTexts() {
        return fieldTexts;
    }

    @Override
    public String getLocalizedMessage() {
        return Text.of("validation.pleaseCorrect", String.join("; ", fieldErrors().values())).localized();
    }

    /** Collects field errors and throws once at the end, so the user sees every problem at the same time. */
    public static final class Collector {
        private final Map<String, Text> errors = new LinkedHashMap<>();

        /** Records {@code text} for {@code field} unless the field already has an error. */
        public Collector check(boolean valid, String field, Text text) {
            if (!valid) {
                errors.putIfAbsent(field, text);
            }
            return this;
        }

        /** Shorthand for {@code check(valid, field, Text.of(key, arguments))}. */
        public Collector require(boolean valid, String field, String key, Object... arguments) {
            return check(valid, field, Text.of(key, arguments));
        }

        /** A sentence that comes as it is (view models' own checks; persistence uses keys). */
        public Collector check(boolean valid, String field, String message) {
            return check(valid, field, Text.of("validation.asIs", message));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors, true);
            }
        }
    }
}
