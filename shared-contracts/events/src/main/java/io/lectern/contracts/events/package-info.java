/**
 * The platform's event contracts: the envelope every event travels in and one package of payload
 * records per producing service. Plain data: no Spring, no Redis, no business logic.
 */
@NullMarked
package io.lectern.contracts.events;

import org.jspecify.annotations.NullMarked;
