package io.lectern.gateway;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A redis-server of a test's own on a spare port, for tests that stop, freeze or flush Redis: never the
 * machine's shared one. Not started until {@link #start()}, so a test can also begin with Redis down.
 */
public final class ThrowawayRedis {

    private final int port = freePort();
    private volatile Process process;

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts it (again) on its port and returns once it accepts connections. */
    public ThrowawayRedis start() {
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            new File(System.getProperty("java.io.tmpdir"), "gateway-test-redis-" + port + ".log"))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // polled on this thread: callers start it from a static initialiser, which another thread
        // could not call back into
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return s.isConnected();
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Kills it (no shutdown, as a crash would) and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
