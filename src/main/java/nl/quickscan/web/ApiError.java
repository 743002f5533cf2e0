package nl.quickscan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one shape of every JSON error: a Dutch message and, for invalid input, what is wrong per field; and the
 * request's id, which {@link RequestLog} fills in on the way out (the code that makes an error does not know it).
 */
@Serdeable
public record ApiError(String message, List<FieldError> errors, @Nullable String requestId) {

    @Serdeable
    public record FieldError(String field, String message) {
    }

    public ApiError(String message, List<FieldError> errors) {
        this(message, errors, null);
    }

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }

    ApiError withRequestId(String id) {
        return new ApiError(message, errors, id);
    }
}
