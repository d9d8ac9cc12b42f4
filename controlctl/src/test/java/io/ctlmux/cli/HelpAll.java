package io.ctlmux.cli;

/** Runs {@code ctlmux --help} and {@code ctlmux COMMAND --help} of every command in one JVM ({@link CliConventionsTest}). */
final class HelpAll {
    private HelpAll() {
    }

    public static void main(String[] args) {
        int rc = Main.run("--help");
        for (String name : CommandLines.create().getSubcommands().keySet()) {
            rc |= name.equals("help") ? Main.run("help", "ls") : Main.run(name, "--help");
        }
        System.out.flush();
        System.exit(rc);
    }
}
