package io.lectern.contracts.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The explicit, versioned type string of an event payload record, e.g. {@code content.post-published.v1}.
 * Consumers route by this string, never by class name, so renaming a class breaks nobody. A version
 * only ever gains fields; a change that removes or retypes one is a new version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
