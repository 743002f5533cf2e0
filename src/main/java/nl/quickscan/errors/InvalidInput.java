package nl.quickscan.errors;

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

    /** The problems in the order found: for the error summary at the top of a form, and for the API's 422. */
    public List<Problem> summary() {
        List<Problem> list = new ArrayList<>();
        problems.forEach((field, message) -> list.add(new Problem(field, message)));
        return list;
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

    public record Problem(String field, String message) {
    }

    /** Thrown by services and API endpoints; the web layer turns it into 422 with the problems. */
    public static final class InvalidInputException extends DomainException {
        private final transient InvalidInput input;

        InvalidInputException(InvalidInput input) {
            super(String.join(" ", input.byField().values()));
            this.input = input;
        }

        public InvalidInput input() {
            return input;
        }
    }
}
