package nl.quickscan.scans;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Instant;
import java.util.List;

/** Who e-mails about a round or a scan go to, and the reminders sent. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReminderRepository extends GenericRepository<RoundReminder, Long> {

    /**
     * A gemeente of the round's regio that has not submitted, with one of its advisers; the adviser's fields are
     * null for a gemeente without one.
     */
    @Introspected
    record Recipient(long gemeenteId, String cbsCode, String gemeenteName, @Nullable String email,
                     @Nullable String displayName) {
    }

    /** A reminder as the round's page lists it; {@code sentByName} null: sent automatically. */
    @Introspected
    record Sent(Instant sentAt, @Nullable String sentByName, int recipients, int gemeenten) {
    }

    /** An adviser who gets e-mail: an active account of the gemeente with an address that can be mailed. */
    String ADVISER = "a.gemeente_id = g.id AND a.role = 'ADVISEUR' AND a.active = TRUE AND a.email LIKE '%_@_%'";

    RoundReminder save(RoundReminder reminder);

    /** Every gemeente of the round's regio that has not submitted in it, with its advisers; none when out of scope. */
    default List<Recipient> notSubmitted(TenantScope scope, long roundId) {
        return notSubmittedInScope(roundId, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #notSubmitted}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("""
            SELECT g.id AS gemeente_id, g.cbs_code, g.name AS gemeente_name, a.email, a.display_name
            FROM meetronde m
            JOIN gemeente g ON g.regio_id = m.regio_id
            LEFT JOIN scan s ON s.round_id = m.id AND s.gemeente_id = g.id
            LEFT JOIN account a ON""" + " " + ADVISER + """

            WHERE m.id = :roundId AND (s.status IS NULL OR s.status <> 'SUBMITTED') AND""" + RoundRepository.SCOPE + """
            ORDER BY g.id, a.email""")
    List<Recipient> notSubmittedInScope(long roundId, long regioFilter, long gemeenteFilter);

    /** The advisers of the gemeente (none when it is out of scope). */
    default List<Recipient> advisersOf(TenantScope scope, long gemeenteId) {
        return advisersInScope(gemeenteId, scope.regioFilter(), scope.gemeenteFilter());
    }

    /** Use {@link #advisersOf}; the filters are {@link TenantScope}'s encoding (0 = any). */
    @Query("""
            SELECT g.id AS gemeente_id, g.cbs_code, g.name AS gemeente_name, a.email, a.display_name
            FROM gemeente g JOIN account a ON""" + " " + ADVISER + """

            WHERE g.id = :gemeenteId AND (:regioFilter = 0 OR g.regio_id = :regioFilter)
              AND (:gemeenteFilter = 0 OR g.id = :gemeenteFilter)
            ORDER BY a.email""")
    List<Recipient> advisersInScope(long gemeenteId, long regioFilter, long gemeenteFilter);

    /** The round's reminders, the latest first, at most {@code limit}. */
    @Query("""
            SELECT r.sent_at, a.display_name AS sent_by_name, r.recipients, r.gemeenten
            FROM round_reminder r LEFT JOIN account a ON a.id = r.sent_by
            WHERE r.round_id = :roundId ORDER BY r.sent_at DESC, r.id DESC LIMIT :limit""")
    List<Sent> sentFor(long roundId, int limit);

    /**
     * Claims the round's next reminder: succeeds (1) unless another reminder was claimed after {@code earlier}. One
     * conditional UPDATE, so that of two requests at the same moment (a double click, two instances) one sends.
     */
    @Query("""
            UPDATE meetronde SET reminder_claimed_at = :now
            WHERE id = :roundId AND (reminder_claimed_at IS NULL OR reminder_claimed_at <= :earlier)""")
    int claim(long roundId, Instant now, Instant earlier);

    /** Gives a claim back when nothing could be sent, so that the coordinator can try again at once. */
    @Query("UPDATE meetronde SET reminder_claimed_at = NULL WHERE id = :roundId AND reminder_claimed_at = :claimedAt")
    int release(long roundId, Instant claimedAt);

    /**
     * Claims the round's automatic reminder for its current closing date: succeeds (1) once per closing date, on
     * however many instances; an extended round reminds once more before its new closing date.
     */
    @Query("""
            UPDATE meetronde SET auto_reminder_for = closes, reminder_claimed_at = :now
            WHERE id = :roundId AND (auto_reminder_for IS NULL OR auto_reminder_for <> closes)""")
    int claimAutomatic(long roundId, Instant now);
}
