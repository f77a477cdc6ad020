package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's run command, for real: {@code ./lectern up} brings all seven apps (and the local mail
 * catcher) to health UP, a request through the gateway reaches every service, a second {@code up} is
 * harmless, and {@code ./lectern down} leaves nothing running. Runs last: it stops the shared stack.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunScriptSystemTest {

    static final List<String> SERVICES = List.of("identity", "content", "learning", "ai", "billing", "notify");

    @BeforeAll
    static void start() throws Exception {
        Stack.ensureUp();
    }

    @Test
    @Order(1)
    void everyServiceIsReachableThroughTheGateway() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = Stack.get(Stack.gateway("/api-docs/" + service));
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service).contains("\"openapi\"");
        }
        assertThat(Stack.get(Stack.gateway("/actuator/health")).body()).contains("UP");
    }

    @Test
    @Order(2)
    void statusReportsAllSevenAppsAndTheMailCatcherUpAndASecondUpIsHarmless() throws Exception {
        Stack.Result status = Stack.lectern("status");
        assertThat(status.output().lines().filter(l -> l.contains(": UP")).count())
                .as(status.output())
                .isEqualTo(8);
        assertThat(status.output()).contains("mail: UP");
        Stack.Result again = Stack.lectern("up", "--no-build");
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("already running");
    }

    @Test
    @Order(3)
    void downStopsEverythingAndFreesThePorts() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(Stack.runDir())) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(pidFile).trim()));
            }
        }
        assertThat(pids).hasSize(8); // seven apps and the local mail catcher
        Stack.Result down = Stack.lectern("down");
        assertThat(down.exit()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid " + pid)
                    .isFalse();
        }
        int base = Stack.PORT_BASE;
        for (int port :
                new int[] {base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 25, base + 26}) {
            assertThat(listening(port)).as("port " + port).isFalse();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
