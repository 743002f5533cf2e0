package nl.quickscan.operations;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/** The connection pool reports its connections (active, idle, pending) and their wait and use times to {@link Metrics}. */
@Singleton
final class PoolMetrics implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Metrics metrics;

    PoolMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        configuration.setMetricRegistry(metrics.registry());
        return configuration;
    }
}
