package nl.quickscan.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with submitted input, per field, in Dutch. Pages show the messages beside the fields;
 * the API answers 422 with them.
 */
public final class InvalidInput {

    private final Map<String, String> problems = new LinkedHashMap<>();

    public InvalidInput require(String field, String value, int maxLength, String label) {
        if (value == null || value.isBlank()) {
            add(field, "Vul " + label + " in.");
        } else if (value.strip().length() > maxLength) {
            add(field, capitalize(label) + " mag hoogstens " + maxLength + " tekens lang zijn.");
        }
        return this;
    }

    public InvalidInput add(String field, String message) {
        problems.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public Map<String, String> byField() {
        return Collections.unmodifiableMap(problems);
    }

    public List<ApiError.FieldError> asList() {
        List<ApiError.FieldError> list = new ArrayList<>();
        problems.forEach((field, message) -> list.add(new ApiError.FieldError(field, message)));
        return list;
    }

    /** For pages: the list of problems with their field, for the error summary at the top of a form. */
    public List<Map<String, String>> summary() {
        List<Map<String, String>> list = new ArrayList<>();
        problems.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
        return list;
    }

    /** Puts the problems where the form templates look for them: {@code errors} per field, {@code errorSummary}. */
    public void putInto(Map<String, Object> model) {
        model.put("errors", byField());
        model.put("errorSummary", summary());
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw asException();
        }
    }

    public InvalidInputException asException() {
        return new InvalidInputException(this);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Thrown by API endpoints; {@link ErrorHandlers} turns it into 422 with the problems. */
    public static final class InvalidInputException extends RuntimeException {
        private final transient InvalidInput input;

        InvalidInputException(InvalidInput input) {
            super("invalid input", null, false, false);
            this.input = input;
        }

        public InvalidInput input() {
            return input;
        }
    }
}
