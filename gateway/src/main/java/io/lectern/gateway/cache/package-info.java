/**
 * The gateway's copy of the public read answers (ADR 0035, "The gateway keeps public answers too"):
 * anonymous answers a service marked {@code Cache-Control: public}, served from memory, emptied by
 * every write through this gateway and by the service's change messages on Redis pub/sub.
 */
@NullMarked
package io.lectern.gateway.cache;

import org.jspecify.annotations.NullMarked;
