package io.lectern.learning.badge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lectern.learning.badges.definitions}: every badge and milestone, declared in configuration. */
@ConfigurationProperties("lectern.learning.badges")
public record BadgeProperties(List<BadgeDefinition> definitions) {

    public BadgeProperties {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
        Set<String> ids = new HashSet<>();
        for (BadgeDefinition d : definitions) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("two badges with id " + d.id());
            }
        }
    }
}
