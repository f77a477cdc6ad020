package io.lectern.learning;

import io.lectern.testsupport.ServiceBaselineContract;

/** The platform baseline, on the same Spring context as the other learning tests (one start-up). */
class LearningServiceBaselineTest extends LearningIntegrationTest implements ServiceBaselineContract {

    @Override
    public int port() {
        return port;
    }

    @Override
    public String protectedPath() {
        return "/api/v1/progress";
    }
}
