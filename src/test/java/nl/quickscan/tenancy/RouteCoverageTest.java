package nl.quickscan.tenancy;

import io.micronaut.web.router.Router;
import nl.quickscan.support.TestApp;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route the app serves must have an isolation test: add new routes to {@link IsolationTest#ROUTES}. */
class RouteCoverageTest {

    @Test
    void everyRouteHasAnIsolationTest() {
        Set<String> served = TestApp.h2().bean(Router.class).uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD")) // answered like GET, without a body
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(IsolationTest.ROUTES.keySet()), served,
                "routes served vs. routes with an isolation test");
        Set<String> tests = Arrays.stream(IsolationTest.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        IsolationTest.ROUTES.values().forEach(name -> assertTrue(tests.contains(name), "no test named " + name));
    }
}
