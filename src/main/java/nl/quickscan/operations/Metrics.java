package nl.quickscan.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The app's meters, in one Prometheus registry: the JVM's (memory, garbage collection, threads, classes, CPU,
 * uptime), the connection pool's ({@link PoolMetrics}), the requests' (web/RequestLog) and the work users care
 * about: answers saved, scans submitted, reports rendered. Read at /metrics ({@link MetricsController}).
 */
@Singleton
public final class Metrics {

    /** The request timer's buckets: enough to see the typical page (10–50 ms) and the slow report (seconds). */
    private static final Duration[] REQUEST_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter submits;
    private final Counter answersApplied;
    private final Counter answersConflicting;

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        submits = Counter.builder("quickscan.scans.submitted").description("Scans submitted").register(registry);
        answersApplied = answers("applied");
        answersConflicting = answers("conflict");
    }

    MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    /**
     * One request, by its route's template (never the address itself, which holds ids and tokens), so that the
     * number of series stays bounded: method and status come from small sets, the route from the app's routes.
     */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    private Counter answers(String outcome) {
        return Counter.builder("quickscan.answers.saved").description("Answers of saves: stored, or refused because a colleague saved first")
                .tag("outcome", outcome).register(registry);
    }

    /** One save of one or more answers: how many were stored and how many met a colleague's newer version. */
    public void answersSaved(int applied, int conflicts) {
        answersApplied.increment(applied);
        answersConflicting.increment(conflicts);
    }

    public void scanSubmitted() {
        submits.increment();
    }

    /** Renders a report and records how long it took, by its kind and format (e.g. "gemeente", "pdf"). */
    public byte[] report(String kind, String format, Supplier<byte[]> render) {
        Timer timer = Timer.builder("quickscan.reports.render").description("Time to render a report")
                .tag("kind", kind).tag("format", format).register(registry);
        return timer.record(render);
    }

    @PreDestroy
    void close() {
        gc.close();
        registry.close();
    }
}
