package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One change of an answer: who, when, old → new. */
@Introspected
public record AnswerChange(String questionKey, int version, @Nullable String oldValue, @Nullable String newValue,
                           @Nullable String oldComment, @Nullable String newComment, String changedByName,
                           Instant changedAt) {
}
