package io.lectern.notify;

import io.lectern.testsupport.ServiceBaselineContract;

class NotifyServiceBaselineTest extends NotifyIntegrationTest implements ServiceBaselineContract {

    @Override
    public int port() {
        return port;
    }

    @Override
    public String protectedPath() {
        return "/api/v1/notifications";
    }
}
