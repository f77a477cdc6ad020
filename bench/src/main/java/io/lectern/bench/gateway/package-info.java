/** The gateway-tax benchmark: a stand-in service and an open-loop load generator (run by bench/gateway.sh). */
@NullMarked
package io.lectern.bench.gateway;

import org.jspecify.annotations.NullMarked;
