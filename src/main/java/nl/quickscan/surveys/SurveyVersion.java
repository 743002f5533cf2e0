package nl.quickscan.surveys;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A survey version as the catalog knows it: shipped in {@code surveys/} (published by being there), or uploaded in
 * the app as a concept or published. The uploaded-by and published-by fields are display names, null for a shipped
 * version (and the published ones for a concept).
 */
public record SurveyVersion(Survey survey, Status status, boolean shipped, @Nullable String uploadedBy,
                            @Nullable Instant uploadedAt, @Nullable String publishedBy, @Nullable Instant publishedAt) {

    public enum Status {
        CONCEPT("concept"), GEPUBLICEERD("gepubliceerd");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static SurveyVersion shipped(Survey survey) {
        return new SurveyVersion(survey, Status.GEPUBLICEERD, true, null, null, null, null);
    }

    public boolean published() {
        return status == Status.GEPUBLICEERD;
    }

    /** What the beheerder's list shows: concept, gepubliceerd, or meegeleverd (shipped with the app). */
    public String statusLabel() {
        return shipped ? "meegeleverd" : status.label();
    }

    /** The file name the reader checks the text against, e.g. {@code quickscan-seksueel-geweld/v2.yaml}. */
    static String fileName(String id, int version) {
        return id + "/v" + version + ".yaml";
    }
}
