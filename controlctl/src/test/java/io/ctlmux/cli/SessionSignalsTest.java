package io.ctlmux.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SessionSignals in this JVM: signals are raised on the test process itself, and the "master" is a child shell that
 * reports the SIGWINCHs it receives. Every wait is bounded.
 */
@Timeout(60)
class SessionSignalsTest {
    /** A shell that prints "ready", then "winch" for every SIGWINCH; it exits by itself after about 30 s. */
    private static final String TRAP_WINCH = "trap 'echo winch' WINCH; echo ready; i=0; "
            + "while [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done";

    /** A child process whose output lines arrive on a queue. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Child(String script) throws IOException {
            process = new ProcessBuilder("sh", "-c", script).redirectInput(new File("/dev/null"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child is gone
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        String next(long seconds) throws InterruptedException {
            return lines.poll(seconds, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigwinchReachesTheMasterPid() throws Exception {
        try (Child master = new Child(TRAP_WINCH)) {
            assertEquals("ready", master.next(20));
            try (SessionSignals s = SessionSignals.install(master.process.pid(), () -> { })) {
                Signal.raise(new Signal("WINCH"));
                assertEquals("winch", master.next(20), "the relayed SIGWINCH arrives at the master");
                // a second window change later in the session is relayed too
                Signal.raise(new Signal("WINCH"));
                assertEquals("winch", master.next(20));
                assertTrue(s.winchRelay().orElseThrow().delivered() >= 2);
                assertTrue(s.endedBy().isEmpty(), "SIGWINCH does not end the session");
            }
        }
    }

    @Test
    void aBurstOfWindowChangesIsRelayedWithoutQueueingOneKillEach() throws Exception {
        try (Child master = new Child(TRAP_WINCH)) {
            assertEquals("ready", master.next(20));
            try (SessionSignals s = SessionSignals.install(master.process.pid(), () -> { })) {
                SignalRelay relay = s.winchRelay().orElseThrow();
                for (int i = 0; i < 200; i++) {
                    relay.request();
                }
                assertEquals("winch", master.next(20));
                // 200 requests made faster than one kill can run give at most a few kills, never 200
                Thread.sleep(1000);
                assertTrue(relay.delivered() >= 1 && relay.delivered() < 20, "kills run: " + relay.delivered());
            }
        }
    }

    @Test
    void handlersAreThoseOfTheSessionOnlyWhileItRuns() throws Exception {
        SignalHandler mine = sig -> { };
        Signal winch = new Signal("WINCH");
        SignalHandler original = Signal.handle(winch, mine);
        try (Child master = new Child(TRAP_WINCH)) {
            try (SessionSignals s = SessionSignals.install(master.process.pid(), () -> { })) {
                assertTrue(s.winchRelay().isPresent());
                SignalHandler during = Signal.handle(winch, mine);
                Signal.handle(winch, during);
                assertNotSame(mine, during, "the session's handler replaces the previous one");
            }
            assertSame(mine, Signal.handle(winch, mine), "the previous handler is back after the session");
        } finally {
            Signal.handle(winch, original);
        }
    }

    /** The session-ending signals, raised on this JVM: a guard handler catches them should the session's not. */
    @ParameterizedTest
    @ValueSource(strings = {"HUP", "INT", "TERM"})
    void endingSignalsRunTheEndActionOnceAndThePreviousHandlerReturns(String name) throws Exception {
        Signal signal = new Signal(name);
        CountDownLatch guardSaw = new CountDownLatch(1);
        SignalHandler guard = sig -> guardSaw.countDown();
        SignalHandler original;
        try {
            original = Signal.handle(signal, guard);
        } catch (IllegalArgumentException e) {
            assumeTrue(false, "this JVM keeps SIG" + name + " for itself (-Xrs)");
            return;
        }
        assumeTrue(original != SignalHandler.SIG_IGN, "SIG" + name + " is ignored in this process (nohup?)");
        try {
            AtomicInteger ends = new AtomicInteger();
            CountDownLatch ended = new CountDownLatch(1);
            try (SessionSignals s = SessionSignals.install(0, () -> {
                ends.incrementAndGet();
                ended.countDown();
            })) {
                Signal.raise(signal);
                assertTrue(ended.await(20, TimeUnit.SECONDS), "the end action ran");
                assertEquals(name, s.endedBy().orElseThrow());
                Signal.raise(signal);
                Thread.sleep(300);
                assertEquals(1, ends.get(), "a second signal does not end the session again");
                assertEquals(name, s.endedBy().orElseThrow(), "the first signal is the one reported");
            }
            assertEquals(1, guardSaw.getCount(), "the session's handler, not the previous one, took the signal");
            assertSame(guard, Signal.handle(signal, guard), "the previous handler is back after the session");
            Signal.raise(signal);
            assertTrue(guardSaw.await(20, TimeUnit.SECONDS), "after the session the previous handler gets it");
        } finally {
            Signal.handle(signal, original);
        }
    }

    @Test
    void pidsThatWouldSignalMoreThanOneProcessAreNeverUsed() {
        for (long pid : List.of(-1L, 0L, 1L, 4294967295L, 2147483648L, 4294967296L + 5)) {
            assertFalse(SignalRelay.signalable(pid), Long.toString(pid));
            assertThrows(IllegalArgumentException.class, () -> new SignalRelay("WINCH", pid));
            try (SessionSignals s = SessionSignals.install(pid, () -> { })) {
                assertTrue(s.winchRelay().isEmpty(), "no SIGWINCH relay to " + pid);
            }
        }
        assertTrue(SignalRelay.signalable(2));
        assertTrue(SignalRelay.signalable(Integer.MAX_VALUE));
    }
}
