package io.ctlmux.masters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Text and JSON renderings of an {@link Inventory.Listing}. */
public final class Listings {
    private Listings() {
    }

    /** An aligned table with a header line; "no masters found" when empty. */
    public static List<String> table(List<Inventory.Master> masters, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATE", "PID", "AGE", "OWNER", "ALIASES", "USER@HOST:PORT", "PATH"});
        for (Inventory.Master m : masters) {
            rows.add(new String[] {m.state().label(), m.pid() == null ? "-" : m.pid().toString(),
                age(m.since(), now), m.owner() == null ? "-" : m.owner(),
                m.aliases().isEmpty() ? "-" : String.join(",", m.aliases()),
                m.endpoint() == null ? "-" : m.endpoint(), Posix.text(m.path()) + (m.temporary() ? " (temporary)" : "")});
        }
        if (masters.isEmpty()) {
            return List.of("no masters found");
        }
        int[] w = new int[7];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(r[i]);
                if (i < r.length - 1) {
                    sb.append(" ".repeat(w[i] - r[i].length() + 2));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** One line per master for {@code check --all}: state, pid, aliases, path and the reason when not alive. */
    public static String checkLine(Inventory.Master m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-12s", m.state().label()));
        sb.append(m.pid() == null ? "-" : "pid=" + m.pid()).append("  ");
        sb.append(m.aliases().isEmpty() ? "-" : String.join(",", m.aliases())).append("  ");
        sb.append(Posix.text(m.path()));
        if (m.state() != MasterState.ALIVE && m.detail() != null) {
            sb.append("  (").append(m.detail()).append(')');
        }
        return sb.toString();
    }

    /** A JSON object with at least path, state, pid and aliases. */
    public static String json(Inventory.Master m, Instant now) {
        StringBuilder sb = new StringBuilder(256).append('{');
        sb.append("\"path\":").append(str(Posix.text(m.path())));
        sb.append(",\"state\":").append(str(m.state().label()));
        sb.append(",\"pid\":").append(m.pid() == null ? "null" : m.pid().toString());
        sb.append(",\"aliases\":[");
        for (int i = 0; i < m.aliases().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(m.aliases().get(i)));
        }
        sb.append("],\"endpoint\":").append(str(m.endpoint()));
        sb.append(",\"owner\":").append(str(m.owner()));
        sb.append(",\"since\":").append(m.since() == null ? "null" : str(m.since().toString()));
        sb.append(",\"ageSeconds\":").append(m.since() == null ? "null"
                : Long.toString(Math.max(0, Duration.between(m.since(), now).toSeconds())));
        sb.append(",\"temporary\":").append(m.temporary());
        sb.append(",\"source\":").append(str(m.source()));
        sb.append(",\"detail\":").append(str(m.detail()));
        return sb.append('}').toString();
    }

    /** A JSON array of {@link #json} objects, one per line. */
    public static String jsonArray(List<Inventory.Master> masters, Instant now) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < masters.size(); i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ").append(json(masters.get(i), now));
        }
        return sb.append(masters.isEmpty() ? "]" : "\n]").toString();
    }

    /** 42s, 7m, 3h, 2d; "-" when unknown. */
    public static String age(Instant since, Instant now) {
        if (since == null) {
            return "-";
        }
        long s = Math.max(0, Duration.between(since, now).toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172800) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }

    static String str(String s) {
        return io.ctlmux.config.text.ByteText.json(s);
    }
}
