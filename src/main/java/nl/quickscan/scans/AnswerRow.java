package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** The stored answer to one question, with who gave it. */
@Introspected
public record AnswerRow(String questionKey, @Nullable String answerValue, @Nullable String comment, int version,
                        String updatedByName, String updatedByEmail, Instant updatedAt) {
}
