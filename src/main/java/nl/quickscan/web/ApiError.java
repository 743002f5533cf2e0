package nl.quickscan.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The one shape of every JSON error: a Dutch message and, for invalid input, what is wrong per field. */
@Serdeable
public record ApiError(String message, List<FieldError> errors) {

    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
