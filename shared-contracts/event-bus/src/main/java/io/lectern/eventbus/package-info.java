/** Durable domain events: transactional outbox, relay to Redis Streams, consumer groups with an inbox. */
@NullMarked
package io.lectern.eventbus;

import org.jspecify.annotations.NullMarked;
