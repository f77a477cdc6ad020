package io.lectern.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

class RoutePathsTest {

    static RouteDefinition route(String id, String... predicates) {
        RouteDefinition route = new RouteDefinition();
        route.setId(id);
        route.setUri(URI.create("http://127.0.0.1:1"));
        route.setPredicates(
                List.of(predicates).stream().map(PredicateDefinition::new).toList());
        return route;
    }

    static GatewayProperties table(RouteDefinition... routes) {
        GatewayProperties gateway = new GatewayProperties();
        gateway.setRoutes(List.of(routes));
        return gateway;
    }

    @Test
    void everyPatternOfTheNamedRoutesInOrderAndNoneOfTheOthers() {
        GatewayProperties gateway = table(
                route("content", "Path=/api/v1/posts/**,/api/v1/tags/**,/feed.xml", "Method=GET,POST"),
                route("learning", "Path=/api/v1/progress/**"),
                route("content-events", "Path=/api/v1/admin/events/content/**"));

        assertThat(RoutePaths.of(gateway, List.of("content", "content-events")))
                .containsExactly("/api/v1/posts/**", "/api/v1/tags/**", "/feed.xml", "/api/v1/admin/events/content/**");
    }

    @Test
    void theLongFormGivesItsPatternsAndNotItsOptions() {
        PredicateDefinition indexed = new PredicateDefinition();
        indexed.setName("Path");
        indexed.setArgs(new LinkedHashMap<>(Map.of("patterns[0]", "/api/v1/posts/**", "matchTrailingSlash", "false")));
        indexed.addArg("patterns[1]", "/feed.xml");
        PredicateDefinition listed = new PredicateDefinition();
        listed.setName("Path");
        listed.addArg("matchOptionalTrailingSeparator", "true");
        listed.addArg("patterns", "/api/v1/tags/**, /api/v1/series/**");
        RouteDefinition content = route("content");
        content.setPredicates(List.of(indexed, listed));

        assertThat(RoutePaths.of(table(content), List.of("content")))
                .containsExactlyInAnyOrder("/api/v1/posts/**", "/feed.xml", "/api/v1/tags/**", "/api/v1/series/**");
    }

    @Test
    void aRouteTheTableDoesNotHaveStopsTheStart() {
        GatewayProperties gateway = table(route("content", "Path=/api/v1/posts/**"));

        assertThatThrownBy(() -> RoutePaths.of(gateway, List.of("content", "contnet-events")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'contnet-events'");
    }

    @Test
    void aRouteWithoutAPathPredicateStopsTheStart() {
        GatewayProperties gateway = table(route("content", "Host=content.example.org"));

        assertThatThrownBy(() -> RoutePaths.of(gateway, List.of("content")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Path predicate");
    }
}
