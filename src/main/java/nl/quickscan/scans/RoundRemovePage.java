package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;

/** The step before removing a round: asks for confirmation, or says why the round cannot be removed (refusal). */
record RoundRemovePage(String title, Meetronde round, @Nullable String refusal) {

    static RoundRemovePage of(Meetronde round, @Nullable String refusal) {
        return new RoundRemovePage(round.name() + " verwijderen", round, refusal);
    }
}
