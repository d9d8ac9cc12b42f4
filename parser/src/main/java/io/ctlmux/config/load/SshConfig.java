package io.ctlmux.config.load;

import io.ctlmux.config.resolved.Provenance;
import io.ctlmux.config.resolved.ResolvedOptions;
import io.ctlmux.config.resolved.ResolvedValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point other modules use: resolve ssh command-line arguments (the same ones {@code ssh} takes, e.g.
 * {@code -F file -o X=y -S path user@host}) to the options {@code ssh -G} would print.
 *
 * <p>TEMPORARY implementation: asks the installed {@code ssh -G}. It is replaced by the ctlmux resolver.
 */
public final class SshConfig {
    private SshConfig() {
    }

    public static ResolvedOptions resolve(List<String> sshArgs) throws SshConfigException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ssh");
        cmd.add("-G");
        cmd.addAll(sshArgs);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out = readAll(p.getInputStream());
            byte[] err = readAll(p.getErrorStream());
            int rc = p.waitFor();
            if (rc != 0) {
                List<String> lines = new ArrayList<>();
                for (String l : new String(err, StandardCharsets.ISO_8859_1).split("\r?\n")) {
                    if (!l.isEmpty() && !l.startsWith("Pseudo-terminal")) {
                        lines.add(l);
                    }
                }
                throw new SshConfigException(lines, rc);
            }
            List<ResolvedValue> values = new ArrayList<>();
            for (String l : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
                int sp = l.indexOf(' ');
                if (sp > 0) {
                    values.add(new ResolvedValue(l.substring(0, sp), l.substring(sp + 1), Provenance.DEFAULT));
                }
            }
            return new ResolvedOptions(values);
        } catch (IOException e) {
            throw new SshConfigException("ctlmux: cannot run ssh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshConfigException("ctlmux: interrupted");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        in.transferTo(bo);
        return bo.toByteArray();
    }
}
