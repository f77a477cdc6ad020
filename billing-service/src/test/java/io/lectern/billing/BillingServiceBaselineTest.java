package io.lectern.billing;

import io.lectern.testsupport.ServiceBaselineContract;

/** Shares the Stripe-configured context of the other integration tests (one context start, not two). */
class BillingServiceBaselineTest extends BillingTestSupport implements ServiceBaselineContract {

    @Override
    public int port() {
        return port;
    }

    @Override
    public String protectedPath() {
        return "/api/v1/billing/subscription";
    }
}
