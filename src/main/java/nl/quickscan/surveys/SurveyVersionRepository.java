package nl.quickscan.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.database.Constraints;
import nl.quickscan.database.Jdbc;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The survey versions uploaded in the app (table survey_version). Survey definitions are shared content, the same for
 * every tenant, so nothing here takes a tenant. Writes to a published row are impossible by construction: every
 * UPDATE and DELETE requires status CONCEPT.
 */
@Singleton
class SurveyVersionRepository {

    /** A stored version; the names are the accounts' display names, the published fields null for a concept. */
    record Row(String surveyId, int version, String yamlText, boolean published, String uploadedBy, Instant uploadedAt,
               @Nullable String publishedBy, @Nullable Instant publishedAt) {
    }

    private static final String CONCEPT = "CONCEPT";
    private static final String PUBLISHED = "GEPUBLICEERD";

    private final Jdbc jdbc;

    SurveyVersionRepository(ConnectionOperations<Connection> connections) {
        this.jdbc = new Jdbc(connections);
    }

    List<Row> all() {
        return jdbc.query("survey versions", """
                SELECT v.survey_id, v.version, v.yaml_text, v.status, u.display_name, v.uploaded_at, p.display_name,
                       v.published_at
                FROM survey_version v JOIN account u ON u.id = v.uploaded_by LEFT JOIN account p ON p.id = v.published_by
                ORDER BY v.survey_id, v.version""", row -> new Row(row.getString(1), row.getInt(2), row.getString(3),
                PUBLISHED.equals(row.getString(4)), row.getString(5), row.getTimestamp(6).toInstant(), row.getString(7),
                row.getTimestamp(8) == null ? null : row.getTimestamp(8).toInstant()));
    }

    /**
     * A short fingerprint of the table's state: it changes with every upload, publication and deletion, so that an
     * instance can tell cheaply whether another one changed the versions.
     */
    String fingerprint() {
        return jdbc.query("survey versions", """
                SELECT COUNT(*), MAX(uploaded_at), MAX(published_at), SUM(CASE WHEN status = 'CONCEPT' THEN 1 ELSE 0 END)
                FROM survey_version""", row -> row.getLong(1) + "/" + row.getTimestamp(2) + "/" + row.getTimestamp(3)
                + "/" + row.getLong(4)).get(0);
    }

    /**
     * Stores the text as the concept of the id and version, replacing an earlier concept of them; false when that
     * version is published (also when it was published by someone else a moment ago).
     */
    boolean saveConcept(String surveyId, int version, String yamlText, long accountId, Instant at) {
        Timestamp now = Timestamp.from(at);
        if (jdbc.execute("a survey version", """
                UPDATE survey_version SET yaml_text = ?, uploaded_by = ?, uploaded_at = ?
                WHERE survey_id = ? AND version = ? AND status = 'CONCEPT'""",
                yamlText, accountId, now, surveyId, version) == 1) {
            return true;
        }
        try {
            return jdbc.execute("a survey version", """
                    INSERT INTO survey_version (survey_id, version, yaml_text, status, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", surveyId, version, yamlText, CONCEPT, accountId, now) == 1;
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                return false; // the row exists and is not a concept: published
            }
            throw e;
        }
    }

    /** Publishes the concept; false when there is no concept of that id and version (none, or already published). */
    boolean publish(String surveyId, int version, long accountId, Instant at) {
        return jdbc.execute("a survey version", """
                UPDATE survey_version SET status = ?, published_by = ?, published_at = ?
                WHERE survey_id = ? AND version = ? AND status = 'CONCEPT'""",
                PUBLISHED, accountId, Timestamp.from(at), surveyId, version) == 1;
    }

    /** Deletes the concept; false when there is no concept of that id and version. */
    boolean deleteConcept(String surveyId, int version) {
        return jdbc.execute("a survey version",
                "DELETE FROM survey_version WHERE survey_id = ? AND version = ? AND status = 'CONCEPT'",
                surveyId, version) == 1;
    }

    /** How many rounds use each survey version, by "id/version". */
    Map<String, Integer> roundCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("rounds per survey version",
                "SELECT survey_id, survey_version, COUNT(*) FROM meetronde GROUP BY survey_id, survey_version",
                row -> counts.put(row.getString(1) + "/" + row.getInt(2), row.getInt(3)));
        return counts;
    }
}
