package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A reminder sent for a round: when, by whom (null: the round itself, automatically), to how many. */
@MappedEntity("round_reminder")
public record RoundReminder(@Id @GeneratedValue @Nullable Long id, long roundId, Instant sentAt, @Nullable Long sentBy,
                            int recipients, int gemeenten) {
}
