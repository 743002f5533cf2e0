package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** One answer of one scan of a round, with its toelichting, for figures and workbooks over the whole round. */
@Introspected
public record RoundAnswer(long scanId, String questionKey, @Nullable String answerValue, @Nullable String comment) {
}
