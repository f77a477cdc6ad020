package io.lectern.billing.subscription;

/** Where a subscription comes from. */
public enum Provider {
    STRIPE,
    MANUAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Provider of(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
