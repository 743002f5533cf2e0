package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** Reading values out of submitted forms, where everything arrives as text. */
public final class FormValues {

    private FormValues() {
    }

    /** A database id from a select box; empty when missing or not a number. */
    public static Optional<Long> id(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An option of a select box, as templates/partials/select-field.hbs renders it. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The option, selected when its value is the one submitted (or stored). */
    public static Option option(String value, String label, @Nullable String selected) {
        return new Option(value, label, value.equals(selected));
    }
}
