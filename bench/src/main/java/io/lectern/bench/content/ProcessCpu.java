package io.lectern.bench.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system, in clock ticks) of processes on this machine, read from {@code /proc}: where a
 * benchmark's CPU goes per request between the service's JVM, PostgreSQL's processes and the load
 * generator. A process that exits during a run takes its ticks with it; the benchmarks keep their
 * connections open, so PostgreSQL's backends live through a run.
 */
final class ProcessCpu {

    /** Linux reports {@code /proc} times in USER_HZ, 100 per second on every mainstream build. */
    static final double MICROS_PER_TICK = 10_000;

    private ProcessCpu() {}

    /** Ticks of one process, or -1 when it is gone. */
    static long of(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? -1 : ticks(stat);
    }

    /** Ticks of every process whose command name is {@code postgres} (the postmaster and its children). */
    static long postgres() {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String stat = read(p.resolve("stat"));
                if (stat != null && stat.startsWith("(postgres)", stat.indexOf(' ') + 1)) {
                    sum += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return sum;
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may contain spaces. */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null; // exited
        }
    }
}
