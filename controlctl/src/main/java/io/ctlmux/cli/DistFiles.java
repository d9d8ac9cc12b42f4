package io.ctlmux.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the files the release archive carries besides the jar: manual pages ({@link ManPages}) and shell
 * completion ({@link CompletionCommand#script}). Run by the build: {@code DistFiles OUTDIR} creates
 * {@code OUTDIR/man/man1/*.1}, {@code OUTDIR/completion/ctlmux.bash} and {@code OUTDIR/completion/ctlmux.zsh}.
 */
public final class DistFiles {
    private DistFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistFiles OUTDIR");
        }
        write(Path.of(args[0]));
    }

    static void write(Path out) throws IOException {
        Path man = Files.createDirectories(out.resolve("man/man1"));
        for (Map.Entry<String, String> page : ManPages.all(CommandLines.create(), BuildInfo.version()).entrySet()) {
            Files.writeString(man.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("ctlmux.bash"), CompletionCommand.script("bash"), StandardCharsets.UTF_8);
        Files.writeString(completion.resolve("ctlmux.zsh"), CompletionCommand.script("zsh"), StandardCharsets.UTF_8);
    }
}
