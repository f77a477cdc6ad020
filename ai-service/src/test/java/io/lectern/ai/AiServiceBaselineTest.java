package io.lectern.ai;

import io.lectern.testsupport.ServiceBaselineContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AiServiceBaselineTest implements ServiceBaselineContract {

    @LocalServerPort
    int port;

    @Override
    public int port() {
        return port;
    }

    @Override
    public String protectedPath() {
        return "/api/v1/ai/threads";
    }
}
