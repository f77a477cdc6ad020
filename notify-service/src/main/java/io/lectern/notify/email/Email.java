package io.lectern.notify.email;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail to queue: which template, the values it needs and extra headers. A single-use token goes
 * in the model sealed (key {@value EmailRenderer#SEALED_TOKEN}, with {@value EmailRenderer#TOKEN_PURPOSE}
 * and {@value EmailRenderer#TOKEN_PATH}); the renderer unseals it into {@code actionUrl} at send time.
 */
public record Email(
        @Nullable UUID userId, String to, String template, Map<String, Object> model, Map<String, String> headers) {

    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        model = Map.copyOf(model);
        headers = Map.copyOf(headers);
    }

    public static Email of(@Nullable UUID userId, String to, String template, Map<String, Object> model) {
        return new Email(userId, to, template, model, Map.of());
    }
}
