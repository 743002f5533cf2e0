package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An action of a gemeente's verbeterplan as stored: what it is, the statements it aims at (question keys of the
 * survey of {@code sourceScanId}), who carries it out, by when, its status, and its progress notes, oldest first.
 * {@code version} counts its saves, as with answers.
 */
public record PlanAction(long id, long gemeenteId, String cbsCode, long sourceScanId, String title,
                         @Nullable String description, List<String> questionKeys, @Nullable String owner,
                         @Nullable String partners, @Nullable LocalDate due, ActionStatus status, boolean shared,
                         int version, String updatedByName, Instant updatedAt, List<Note> notes) {

    /** How an overdue action is marked in words, on pages and in reports. */
    public static final String OVERDUE = "over de einddatum";

    /** A dated progress note. */
    public record Note(String text, String byName, Instant at) {
    }

    /** The overdue mark in words when {@code overdue}, for pages; null otherwise. */
    @Nullable
    public static String overdueLabel(boolean overdue) {
        return overdue ? OVERDUE : null;
    }

    /** Past its due date (before {@code today}) and neither done nor stopped. */
    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today) && !status.finished();
    }

    public PlanAction withNotes(List<Note> allNotes) {
        return new PlanAction(id, gemeenteId, cbsCode, sourceScanId, title, description, questionKeys, owner, partners,
                due, status, shared, version, updatedByName, updatedAt, List.copyOf(allNotes));
    }
}
