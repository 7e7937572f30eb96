package com.workline.persistence.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a rule; {@link #fieldErrors()} maps each field name to the message shown next to it. */
public class ValidationException extends WorklineException {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(Problem.INVALID_INPUT, "Please correct: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects field errors and throws once at the end, so the user sees every problem at the same time. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector check(boolean valid, String field, String message) {
            if (!valid) {
                errors.putIfAbsent(field, message);
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
