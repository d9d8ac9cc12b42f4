package io.ctlmux.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version (from the pom, through the filtered resource {@code build.properties}) and the running JDK. */
public final class BuildInfo {
    private static final String UNKNOWN = "unknown";

    private BuildInfo() {
    }

    /** The project version the jar was built as, e.g. {@code 0.1.0}; "unknown" when the resource is missing. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN);
            return v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** What {@code ctlmux --version} prints: this build, then the JDK it runs on. */
    public static String[] versionLines() {
        return new String[] {"ctlmux " + version(),
            "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ") at " + System.getProperty("java.home")};
    }

    /** picocli's hook for {@code --version}. */
    public static final class Provider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String[] lines = versionLines();
            for (int i = 0; i < lines.length; i++) {
                lines[i] = lines[i].replace("%", "%%");   // picocli formats each line
            }
            return lines;
        }
    }
}
