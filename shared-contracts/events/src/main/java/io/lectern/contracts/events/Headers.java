package io.lectern.contracts.events;

/** Header names shared by the gateway and the services. */
public final class Headers {
    /** Request id, generated at the gateway (or by the first service reached) and logged everywhere. */
    public static final String REQUEST_ID = "X-Request-Id";

    private Headers() {}
}
