package io.lectern.bench.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-rate (open-loop) load: requests are due every 1/rate seconds whatever happened before, and
 * each latency is measured from when the request was due, not from when a connection was free, so
 * a stall shows up in the percentiles instead of silently lowering the rate (what wrk without a rate
 * does). Keep-alive HTTP/1.1 over a pool of plain sockets: the client's own cost stays small and the
 * same for the direct and the gateway target.
 *
 * <p>Usage: {@code OpenLoopLoad <url> <rate-per-s> <warmup-s> <measure-s> <connections> [header: value]...}
 */
public final class OpenLoopLoad {

    private OpenLoopLoad() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measure = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(url.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost())
                .append(':')
                .append(url.getPort())
                .append("\r\n");
        for (int i = 5; i < args.length; i++) {
            request.append(args[i]).append("\r\n");
        }
        byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);

        int total = rate * (warmup + measure);
        long intervalNanos = 1_000_000_000L / rate;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(total);
        long[] latencies = new long[total];
        AtomicLong index = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofPlatform().daemon().start(() -> {
                // A server may close a keep-alive connection at any time (Tomcat does after 100
                // requests): the worker reconnects and sends the request it holds again, its latency
                // still counted from when it was due. Three failed tries count it as an error.
                long held = -1;
                int tries = 0;
                while (true) {
                    try (Socket socket = new Socket()) {
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()));
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                        boolean open = true;
                        while (open) {
                            long dueAt = held >= 0 ? held : due.take();
                            held = dueAt;
                            out.write(bytes);
                            out.flush();
                            int response = readResponse(in);
                            long latency = System.nanoTime() - dueAt;
                            if (Math.abs(response) != 200) {
                                errors.incrementAndGet();
                            }
                            latencies[(int) index.getAndIncrement()] = latency;
                            done.countDown();
                            held = -1;
                            tries = 0;
                            open = response > 0;
                        }
                    } catch (IOException e) {
                        if (held >= 0 && ++tries >= 3) {
                            errors.incrementAndGet();
                            latencies[(int) index.getAndIncrement()] = System.nanoTime() - held;
                            done.countDown();
                            held = -1;
                            tries = 0;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        // The schedule sleeps until the next request is due and then releases every request due by
        // then. It never spins: at 2,000/s a spin-wait for the last 200 us of each 500 us interval
        // burnt ~0.4 of a core that the servers under test share with it. A request released late
        // (the sleep overshoots by tens of microseconds) still has its latency counted from when it
        // was due, so the overshoot is charged to the servers, never hidden.
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; ) {
            long dueAt = start + i * intervalNanos;
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                continue;
            }
            due.put(dueAt);
            i++;
        }
        done.await();
        int warm = rate * warmup;
        long[] measured = Arrays.copyOfRange(latencies, warm, total);
        Arrays.sort(measured);
        System.out.printf(
                "rate=%d/s samples=%d errors=%d p50=%.2fms p90=%.2fms p95=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n",
                rate,
                measured.length,
                errors.get(),
                pct(measured, 50),
                pct(measured, 90),
                pct(measured, 95),
                pct(measured, 99),
                pct(measured, 99.9),
                measured[measured.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    /**
     * Reads one response (Content-Length or chunked body) and returns its status, negated when the
     * server announced it will close the connection.
     */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while (!(header = line(in)).isEmpty()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return close ? -status : status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        if (b == -1 && sb.isEmpty()) {
            throw new IOException("connection closed");
        }
        return sb.toString();
    }
}
