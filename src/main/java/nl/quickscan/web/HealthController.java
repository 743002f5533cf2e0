package nl.quickscan.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import nl.quickscan.database.DatabaseOutages;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * UP once the app can serve, which includes reaching its database. DOWN when no connection comes within the
 * pool's connection timeout, while a request met a database outage in the last few seconds, and when the
 * embedded database's disk is full. {@code /health/readiness} says the same (for an orchestrator that sends traffic
 * only to ready instances); {@code /health/liveness} only that the process answers, without the database, so that
 * an outage of the database does not get the app restarted.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
final class HealthController {

    @Serdeable
    record Health(String status) {
    }

    private final DataSource dataSource;
    private final DatabaseOutages outages;

    HealthController(DataSource dataSource, DatabaseOutages outages) {
        // The injected DataSource only hands out transaction-bound connections; check the pool itself.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.outages = outages;
    }

    /** The executor named in application.yml: health checks do not queue behind the pages during an outage. */
    static final String EXECUTOR = "health";

    /** On the event loop: it needs nothing but the process. */
    @Get("/liveness")
    Health liveness() {
        return new Health("UP");
    }

    @Get("/readiness")
    @ExecuteOn(EXECUTOR)
    HttpResponse<Health> readiness() {
        return health();
    }

    @Get
    @ExecuteOn(EXECUTOR)
    HttpResponse<Health> health() {
        if (outages.recentlyFailed() || outages.diskFull()) {
            return down();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return HttpResponse.ok(new Health("UP"));
            }
            outages.outage();
        } catch (SQLException e) {
            outages.handle(e);
        }
        return down();
    }

    private static HttpResponse<Health> down() {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN"));
    }
}
