package io.lectern.gateway.cache;

import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.NameUtils;

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
                    predicate.getArgs().entrySet().stream()
                            .filter(arg -> isPatternArgument(arg.getKey()))
                            .flatMap(arg -> List.of(arg.getValue().split(",")).stream())
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

    /**
     * The short form {@code Path=/a,/b} gives one generated key per pattern; the long form names them
     * {@code patterns} (comma-separated) or {@code patterns[0]}, {@code patterns[1]}, next to options such
     * as {@code matchTrailingSlash}, whose values are not paths.
     */
    private static boolean isPatternArgument(String key) {
        return key.startsWith(NameUtils.GENERATED_NAME_PREFIX) || key.equals("patterns") || key.startsWith("patterns[");
    }
}
