package nl.quickscan.database;

import io.micronaut.core.annotation.Nullable;

/** Whether the app runs in demo mode: QUICKSCAN_DEMO when set, otherwise on for the embedded H2 database only. */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean on(@Nullable Boolean setting, String datasourceUrl) {
        // Demo data by default only on the embedded database, never by accident on a real deployment.
        return setting != null ? setting : datasourceUrl.startsWith("jdbc:h2:");
    }
}
