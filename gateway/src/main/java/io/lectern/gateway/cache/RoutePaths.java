package io.lectern.gateway.cache;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * The paths of named routes, read from the gateway's own route table: the cache's write paths are
 * those of the service's routes, so a path added to a route is covered without being listed twice.
 */
public final class RoutePaths {

    private RoutePaths() {}

    /**
     * Every pattern of the {@code Path} predicates of the routes with these ids.
     *
     * @throws IllegalStateException when a route is not in the table or has no {@code Path} predicate:
     *     a renamed route must stop the start, not silently leave its writes out
     */
    public static List<String> of(GatewayProperties gateway, List<String> routeIds) {
        List<String> patterns = new ArrayList<>();
        for (String id : routeIds) {
            RouteDefinition route = gateway.getRoutes().stream()
                    .filter(r -> id.equals(r.getId()))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("lectern.gateway.public-cache.write-routes names route '"
                                    + id + "', which the route table does not have"));
            int before = patterns.size();
            for (PredicateDefinition predicate : route.getPredicates()) {
                if ("Path".equals(predicate.getName())) {
                    predicate.getArgs().values().stream()
                            .flatMap(value -> List.of(value.split(",")).stream())
                            .map(String::trim)
                            .filter(value -> !value.isEmpty())
                            .forEach(patterns::add);
                }
            }
            if (patterns.size() == before) {
                throw new IllegalStateException("lectern.gateway.public-cache.write-routes names route '" + id
                        + "', which has no Path predicate");
            }
        }
        return List.copyOf(patterns);
    }
}
