package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One answer of one submitted scan of a round, for figures over the whole round. */
@Introspected
public record RoundAnswer(long scanId, String questionKey, @Nullable String answerValue) {
}
