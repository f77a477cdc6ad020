package io.lectern.gateway.auth;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** A list of "pattern" or "METHOD pattern" entries, compiled once and matched without allocation. */
public final class PathRules {

    private record Rule(@Nullable HttpMethod method, PathPattern pattern) {}

    private final List<Rule> rules;

    private PathRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static PathRules of(List<String> entries) {
        return new PathRules(entries.stream()
                .map(entry -> {
                    String[] parts = entry.trim().split("\\s+", 2);
                    return parts.length == 2
                            ? new Rule(
                                    HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                                    PathPatternParser.defaultInstance.parse(parts[1]))
                            : new Rule(null, PathPatternParser.defaultInstance.parse(parts[0]));
                })
                .toList());
    }

    public boolean matches(HttpMethod method, PathContainer path) {
        for (Rule rule : rules) {
            if ((rule.method() == null || rule.method().equals(method))
                    && rule.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }
}
