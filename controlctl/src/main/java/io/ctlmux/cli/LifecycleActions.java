package io.ctlmux.cli;

import io.ctlmux.config.args.SshCommandLine;
import io.ctlmux.config.text.ByteText;
import io.ctlmux.masters.Inventory;
import io.ctlmux.masters.Listings;
import io.ctlmux.masters.MasterState;
import io.ctlmux.masters.Stopper;
import io.ctlmux.mux.client.MuxClientOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The bodies of {@code check --all}, {@code exit --all} and {@code stop --drain}. */
final class LifecycleActions {
    /** How long {@code stop --drain} waits for sessions when no --timeout is given. */
    static final Duration DRAIN_DEFAULT = Duration.ofSeconds(60);

    private LifecycleActions() {
    }

    private static Duration timeout(MuxOptions.Values mux, PrintWriter err) {
        if (mux.timeout() == null) {
            return MuxClientOptions.DEFAULT_TIMEOUT;
        }
        Duration t = ControlTarget.parseDuration(mux.timeout());
        if (t == null) {
            Failures.usage("invalid --timeout value: " + mux.timeout(), err);
        }
        return t;
    }

    /** {@code check --all}: one line per master; 0 when every master found is alive. */
    static int checkAll(SshCommandLine args, MuxOptions.Values mux, boolean json, PrintWriter out, PrintWriter err) {
        Duration t = timeout(mux, err);
        if (t == null) {
            return ExitCodes.USAGE;
        }
        Inventory.Listing l;
        try {
            l = LsCommand.discover(args, null, t.toMillis() + "ms", "check --all", err);
        } catch (ExitStatus e) {
            return e.code;
        }
        boolean allAlive = true;
        for (Inventory.Master m : l.masters()) {
            allAlive &= m.state() == MasterState.ALIVE;
        }
        if (json) {
            out.println(Listings.jsonArray(l.masters(), Instant.now()));   // the same shape as ls --json
        } else {
            for (Inventory.Master m : l.masters()) {
                out.println(Listings.checkLine(m));
            }
        }
        out.flush();
        return allAlive ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code exit --all [--older-than]}: asks every alive master found to exit. */
    static int exitAll(SshCommandLine args, MuxOptions.Values mux, String olderThan, boolean json, PrintWriter out,
                       PrintWriter err) {
        Duration t = timeout(mux, err);
        if (t == null) {
            return ExitCodes.USAGE;
        }
        Duration age = null;
        if (olderThan != null) {
            age = ControlTarget.parseDuration(olderThan);
            if (age == null) {
                return Failures.usage("invalid --older-than value: " + olderThan, err);
            }
        }
        Inventory.Listing l;
        try {
            l = LsCommand.discover(args, null, t.toMillis() + "ms", "exit --all", err);
        } catch (ExitStatus e) {
            return e.code;
        }
        MuxClientOptions o = new MuxClientOptions(t, mux.allowForeign(), false, MuxClientOptions.NO_TRACE);
        List<Stopper.Exited> done = Stopper.exitAll(l, age, o);
        boolean ok = true;
        StringBuilder array = new StringBuilder("[");
        for (Stopper.Exited e : done) {
            Inventory.Master m = e.master();
            boolean skipped = !e.done() && (e.why().startsWith("younger") || e.why().equals("age unknown"));
            String result = e.done() ? "exited" : skipped ? "kept" : "failed";
            if (json) {
                array.append(array.length() == 1 ? "\n  " : ",\n  ").append("{\"path\":")
                        .append(Json.path(m.path())).append(",\"pid\":").append(m.pid())
                        .append(",\"aliases\":").append(Json.strings(m.aliases())).append(",\"result\":")
                        .append(Json.str(result)).append(",\"why\":").append(Json.str(e.why())).append('}');
            } else {
                String who = "pid " + m.pid() + (m.aliases().isEmpty() ? "" : ", " + String.join(",", m.aliases()));
                out.println(result + " " + ByteText.ofPath(m.path()) + " (" + who + "): " + e.why());
            }
            ok &= e.done() || skipped;
        }
        if (json) {
            out.println(array.append(done.isEmpty() ? "]" : "\n]"));
        } else if (done.isEmpty()) {
            out.println("no alive masters found");
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code stop --drain}: stop listening, wait for the sessions, make sure the master exits. */
    static int drain(List<String> args, MuxOptions.Values mux, boolean json, PrintWriter out, PrintWriter err) {
        Duration limit = DRAIN_DEFAULT;
        if (mux.timeout() != null) {
            limit = ControlTarget.parseDuration(mux.timeout());
            if (limit == null) {
                return Failures.usage("invalid --timeout value: " + mux.timeout(), err);
            }
        }
        ControlRunner runner = new ControlRunner("mux_client_request_stop_listening", false, false);
        // the mux requests themselves use the usual limit; --timeout bounds the drain
        MuxOptions.Values requestOptions = new MuxOptions.Values(null, mux.allowForeign(), mux.trace());
        ControlTarget t;
        try {
            t = runner.target(args, requestOptions, err);
        } catch (ControlTarget.Failure f) {
            return f.report(err);
        }
        long[] pid = {-1};
        int rc = runner.run(t, (target, c) -> {
            pid[0] = c.check();
            c.stop();
            target.stderr.log("Stop listening request sent.");
            return 0;
        });
        if (rc != 0) {
            return rc;
        }
        Stopper.Drained d = Stopper.await(pid[0], limit, line -> {
            if (!json) {
                out.println(line);
                out.flush();
            }
        });
        if (json) {
            out.println("{\"path\":" + Json.path(t.controlPath) + ",\"pid\":" + d.pid() + ",\"exited\":"
                    + d.exited() + ",\"terminated\":" + d.terminated() + ",\"sessions\":"
                    + (d.exited() || d.sessions() < 0 ? "null" : Integer.toString(d.sessions())) + ",\"tookMs\":"
                    + d.took().toMillis() + "}");
            out.flush();
        }
        if (d.exited()) {
            if (!json) {
                out.println("master " + d.pid() + " exited after " + d.took().toMillis() + " ms"
                        + (d.terminated() ? " (sent SIGTERM once no sessions were left)" : ""));
                out.flush();
            }
            return ExitCodes.OK;
        }
        err.println("ctlmux: master " + d.pid() + " still has " + (d.sessions() < 0 ? "sessions"
                : d.sessions() + " session" + (d.sessions() == 1 ? "" : "s")) + " after " + limit.toSeconds()
                + " s; it no longer accepts new ones. `kill " + d.pid() + "` drops them.");
        err.flush();
        return ExitCodes.PROBLEMS;
    }
}
