package io.ctlmux.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ctlmux.config.text.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF output validates against the SARIF 2.1.0 schema; the JSON output parses and has the fields. */
class SarifSchemaTest {
    @TempDir
    Path dir;

    private static final String CONFIG = "Host *\n  ForwardAgent yes\n  Bogus \"q\\\"\u00e9\n"
            + "Host a\n  ControlMaster auto\n  ControlPath /tmp/%h\n  UseRoaming no\n";

    static Path schema() {
        Path c = CorpusLintTest.corpus();
        if (c == null) {
            return null;
        }
        Path s = c.getParent().getParent().resolve("reference/sarif/sarif-schema-2.1.0.json");
        return Files.isRegularFile(s) ? s : null;
    }

    @Test
    void sarifIsValidAgainstTheSchema() throws Exception {
        Path schemaFile = schema();
        assumeTrue(schemaFile != null, "shared/reference/sarif/sarif-schema-2.1.0.json not found: skipped");
        List<Diagnostic> findings = LintFixture.lint(dir, CONFIG);
        assertTrue(findings.size() >= 4, findings.toString());
        String sarif = LintOutput.SARIF.render(findings, "ctlmux 0.1.0");
        ObjectMapper om = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(om.readTree(schemaFile.toFile()));
        JsonNode doc = om.readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertEquals(Set.of(), errors);
        assertEquals(findings.size(), doc.at("/runs/0/results").size());
        assertEquals(Rules.infos().size(), doc.at("/runs/0/tool/driver/rules").size());
        JsonNode first = doc.at("/runs/0/results/0");
        assertEquals(first.get("ruleId").asText(),
                doc.at("/runs/0/tool/driver/rules/" + first.get("ruleIndex").asInt() + "/id").asText());

        // An empty run is valid too.
        assertEquals(Set.of(), schema.validate(om.readTree(LintOutput.SARIF.render(List.of(), "x"))));
        // A document that breaks the schema is caught (the validator is live).
        assertFalse(schema.validate(om.readTree(sarif.replace("\"2.1.0\"", "\"9\""))).isEmpty());
    }

    @Test
    void jsonHasEveryFieldForEveryFinding() throws Exception {
        List<Diagnostic> findings = LintFixture.lint(dir, CONFIG);
        JsonNode doc = new ObjectMapper().readTree(LintOutput.JSON.render(findings, "x"));
        assertEquals(findings.size(), doc.get("findings").size());
        for (JsonNode f : doc.get("findings")) {
            for (String k : List.of("rule", "severity", "file", "line", "column", "message", "hint")) {
                assertTrue(f.has(k), k + " missing in " + f);
            }
            assertTrue(f.get("line").asInt() >= 1);
        }
    }

    @Test
    void textAndGithubFormats() throws Exception {
        List<Diagnostic> findings = LintFixture.lint(dir, CONFIG);
        String text = LintOutput.TEXT.render(findings, "x");
        String file = dir.resolve("config").toString();
        assertTrue(text.contains(file + ":2:3: warning: "), text);
        assertTrue(text.lines().filter(l -> l.startsWith(file)).allMatch(l -> l.matches(
                ".*:\\d+:\\d+: (error|warning|info): .* \\[[a-z-]+\\]")), text);
        String gh = LintOutput.GITHUB.render(findings, "x");
        assertEquals(findings.size(), gh.lines().count());
        assertTrue(gh.lines().allMatch(l -> l.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,"
                + "title=[a-z-]+::.*")), gh);
    }
}
